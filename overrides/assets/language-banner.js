/* Language banner: on a first visit, if the browser prefers another of our languages and this page
   exists in it, offer that version in that language. No automatic redirect; the reader's choice (switch
   or dismiss) is kept in localStorage and the banner never comes back. */
(function () {
  "use strict";
  var KEY = "como-language-choice";
  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* private mode: ask again later */ }
  }
  function recalled() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }
  function setup() {
    var banner = document.querySelector(".como-lang-banner");
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      link.addEventListener("click", function () { remember(link.getAttribute("hreflang")); });
    });
    if (!banner || recalled()) { return; }
    var pageLang = banner.getAttribute("data-page-lang");
    var offers = JSON.parse(banner.querySelector(".como-lang-banner__offers").textContent || "{}");
    var preferred = (navigator.languages || [navigator.language || ""]).map(function (tag) {
      return String(tag).slice(0, 2).toLowerCase();
    });
    var wanted = null;
    for (var i = 0; i < preferred.length; i += 1) {
      if (preferred[i] === pageLang) { return; }           // the reader already has a preferred language here
      if (offers[preferred[i]]) { wanted = preferred[i]; break; }
    }
    if (!wanted) { return; }
    var offer = offers[wanted];
    var text = banner.querySelector(".como-lang-banner__text");
    var go = banner.querySelector(".como-lang-banner__switch");
    var dismiss = banner.querySelector(".como-lang-banner__dismiss");
    banner.setAttribute("lang", wanted);
    text.textContent = offer.text;
    go.textContent = offer.switch;
    go.setAttribute("href", offer.href);
    go.setAttribute("hreflang", wanted);
    dismiss.textContent = offer.dismiss;
    go.addEventListener("click", function () { remember(wanted); });
    dismiss.addEventListener("click", function () { remember("dismissed"); banner.hidden = true; });
    banner.hidden = false;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
