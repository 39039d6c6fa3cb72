/* Case-study overview: facet links filter the cards in place. Without JavaScript the same links
   open static facet pages, so nothing depends on this file. Loaded from our own origin (CSP-safe). */
(function () {
  "use strict";
  function setup() {
    var nav = document.querySelector(".como-facets");
    if (!nav) { return; }
    var cards = Array.prototype.slice.call(document.querySelectorAll(".como-cards .como-card"));
    var links = Array.prototype.slice.call(nav.querySelectorAll("a[data-facet]"));
    var reset = nav.querySelector("a[data-facet-reset]");
    var status = nav.querySelector(".como-facets__status");
    var template = nav.getAttribute("data-status-template") || "{count}/{total}";
    var selected = {};

    function matches(card) {
      return Object.keys(selected).every(function (facet) {
        var values = (card.getAttribute("data-" + facet) || "").split(" ");
        return selected[facet].some(function (value) { return values.indexOf(value) >= 0; });
      });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      links.forEach(function (link) {
        var values = selected[link.getAttribute("data-facet")] || [];
        link.setAttribute("aria-pressed", values.indexOf(link.getAttribute("data-value")) >= 0 ? "true" : "false");
      });
      if (status) {
        status.textContent = template.replace("{count}", shown).replace("{total}", cards.length);
      }
    }

    links.forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-pressed", "false");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var facet = link.getAttribute("data-facet");
        var value = link.getAttribute("data-value");
        var values = selected[facet] || [];
        var at = values.indexOf(value);
        if (at >= 0) { values.splice(at, 1); } else { values.push(value); }
        if (values.length) { selected[facet] = values; } else { delete selected[facet]; }
        apply();
      });
      link.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); link.click(); }
      });
    });
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        selected = {};
        apply();
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
