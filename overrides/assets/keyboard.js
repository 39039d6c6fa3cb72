/* Keyboard and phone use on top of Material's header, drawer and search (loaded by overrides/main.html,
   which hands over the page-language texts as data attributes of this script's tag):
   - what is closed is out of the Tab order: the navigation drawer while it is closed (on screens where it
     is a drawer), the search panel while search is closed (inert);
   - the drawer and search buttons, mouse-only labels in Material, can be reached and used by keyboard
    (through a button inside each label: ARIA allows a label no role of its own);
     Escape closes the drawer, the language menu and search, and focus returns to the control that opened it;
   - a table wider than its column becomes a focusable scroll region with a name and a visible hint. */
(function () {
  "use strict";
  var texts = document.currentScript ? document.currentScript.dataset : {};
  var DRAWER_IS_SIDEBAR = window.matchMedia("(min-width: 76.25em)");   // Material's breakpoints
  var SEARCH_IN_HEADER = window.matchMedia("(min-width: 60em)");

  function toggle(name) { return document.querySelector('[data-md-toggle="' + name + '"]'); }
  function headerLabel(name) { return document.querySelector('.md-header label.md-header__button[for="__' + name + '"]'); }
  function headerButton(name) { return document.querySelector('.md-header label[for="__' + name + '"] > .como-header-button'); }

  /* Material's <label for=__drawer|__search>: its icon wrapped in a button for the keyboard (Enter, Space), named
     in the page's language; a click on it is the label's click. */
  function addButton(label, name) {
    if (!label) { return; }
    var button = document.createElement("span");
    button.className = "como-header-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", name || "");
    button.append.apply(button, Array.prototype.slice.call(label.childNodes));
    label.appendChild(button);
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }

  function setInert() {
    var drawer = toggle("drawer");
    var search = toggle("search");
    var navigation = document.querySelector(".md-sidebar--primary");
    var searchPanel = document.querySelector(".md-search__inner");
    var results = document.querySelector(".md-search__output");
    var menu = headerButton("drawer");
    if (navigation && drawer) { navigation.inert = !DRAWER_IS_SIDEBAR.matches && !drawer.checked; }
    document.querySelectorAll(".md-content, .md-footer").forEach(function (behind) {   // an open drawer is modal
      behind.inert = Boolean(drawer && drawer.checked && !DRAWER_IS_SIDEBAR.matches);
    });
    if (menu && drawer) { menu.setAttribute("aria-expanded", String(drawer.checked)); }
    if (searchPanel && search) { searchPanel.inert = !SEARCH_IN_HEADER.matches && !search.checked; }
    if (results && search) { results.inert = !search.checked; }
  }

  function setupDrawer() {
    var drawer = toggle("drawer");
    if (!drawer) { return; }
    addButton(headerLabel("drawer"), texts.menu);
    var menu = headerButton("drawer");
    drawer.addEventListener("change", function () {
      setInert();
      var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
      if (drawer.checked && !DRAWER_IS_SIDEBAR.matches && first && document.activeElement === menu) { first.focus(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked && !DRAWER_IS_SIDEBAR.matches) {
        drawer.click();
        if (menu) { menu.focus(); }
      }
    });
  }

  function setupSearch() {
    var search = toggle("search");
    var input = document.querySelector(".md-search__input");
    if (!search || !input) { return; }
    addButton(headerLabel("search"), texts.search);
    // Material focuses the search field on a click of the search button, before the checkbox changes:
    // the panel must not be inert by then (capture runs before Material's own listener).
    document.addEventListener("click", function (event) {
      var panel = document.querySelector(".md-search__inner");
      if (panel && event.target.closest && event.target.closest('label[for="__search"]')) { panel.inert = false; }
    }, true);
    var opener = null;
    var leftByTab = false;
    input.addEventListener("focus", function (event) {
      if (!opener && event.relatedTarget && event.relatedTarget !== input) { opener = event.relatedTarget; }
    });
    input.addEventListener("keydown", function (event) { leftByTab = event.key === "Tab"; }, true);
    search.addEventListener("change", function () {
      setInert();
      if (search.checked) {
        if (!opener && document.activeElement && document.activeElement !== input && document.activeElement !== document.body) {
          opener = document.activeElement;
        }
        return;
      }
      var back = opener;
      opener = null;
      if (!leftByTab && back && document.contains(back)) { back.focus(); }
      leftByTab = false;
    });
  }

  /* Escape closes the language menu (open while focus or the pointer is inside it) and leaves focus on its button. */
  function setupLanguageMenu() {
    document.querySelectorAll(".md-header__option .md-select").forEach(function (select) {
      var button = select.querySelector("button");
      function reopen() { select.classList.remove("como-select--closed"); }
      select.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          select.classList.add("como-select--closed");
          if (button) { button.focus(); }
        }
      });
      if (button) { button.addEventListener("click", reopen); }
      select.querySelectorAll("a").forEach(function (link) { link.addEventListener("focus", reopen); });
      select.addEventListener("focusout", function (event) { if (!select.contains(event.relatedTarget)) { reopen(); } });
      select.addEventListener("mouseleave", reopen);
    });
  }

  /* Tables Material wrapped in .md-typeset__scrollwrap: focusable, named regions with a hint while they overflow. */
  function headingBefore(element) {
    for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) { return node.textContent.replace(/¶$/, "").trim(); }
    }
    return "";
  }

  var hintCount = 0;
  function markWideTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var hint = wrap.previousElementSibling && wrap.previousElementSibling.classList.contains("como-table-hint")
        ? wrap.previousElementSibling : null;
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      if (wide) {
        if (!hint) {
          hint = document.createElement("p");
          hint.className = "como-table-hint";
          hint.id = "como-table-hint-" + (hintCount += 1);
          hint.textContent = texts.tableHint || "";
          wrap.parentNode.insertBefore(hint, wrap);
        }
        var heading = headingBefore(wrap);
        hint.hidden = false;
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (texts.tableRegion || "") + (heading ? ": " + heading : ""));
        wrap.setAttribute("aria-describedby", hint.id);
      } else {
        if (hint) { hint.hidden = true; }
        ["tabindex", "role", "aria-label", "aria-describedby"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }

  function setup() {
    setupDrawer();
    setupSearch();
    setupLanguageMenu();
    setInert();
    markWideTables();
    [DRAWER_IS_SIDEBAR, SEARCH_IN_HEADER].forEach(function (query) { query.addEventListener("change", setInert); });
    window.addEventListener("resize", markWideTables);
    window.addEventListener("load", markWideTables);
    if (window.document$ && window.document$.subscribe) { window.document$.subscribe(markWideTables); }   // Material's page event
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
