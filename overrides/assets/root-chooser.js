/* The root language chooser (como_site/rootfiles.py), which never redirects: it puts the languages the
   browser prefers first (navigator.languages, in their order) and, for a visitor who chose a language
   before, shows "continue in <language>" above the list. The choice is kept in localStorage under the key
   the language banner of the pages uses too (assets/language-banner.js). */
(function () {
  "use strict";
  var KEY = "como-language-choice";
  function recalled() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }
  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* private mode: ask again next time */ }
  }
  var list = document.querySelector(".como-languages");
  var again = document.querySelector(".como-continue");
  if (!list) { return; }
  var preferred = (navigator.languages || [navigator.language || ""]).map(function (tag) {
    return String(tag).split("-")[0].toLowerCase();
  });
  function rank(item) {
    var position = preferred.indexOf(item.getAttribute("lang"));
    return position < 0 ? preferred.length : position;
  }
  var cards = Array.prototype.slice.call(list.children);
  cards.map(function (item, index) { return { item: item, rank: rank(item), index: index }; })
    .sort(function (a, b) { return a.rank - b.rank || a.index - b.index; })
    .forEach(function (entry) { list.appendChild(entry.item); });
  var chosen = recalled();
  if (again) {
    Array.prototype.forEach.call(again.children, function (item) {
      item.hidden = item.getAttribute("lang") !== chosen;
      if (!item.hidden) { again.hidden = false; }
    });
  }
  document.querySelectorAll("main a[hreflang]").forEach(function (link) {
    link.addEventListener("click", function () { remember(link.getAttribute("hreflang")); });
  });
})();
