/* The search worker: Material's (named in this file's URL, ?material=search.<hash>.min.js, by
   overrides/main.html), and, once search opens, ../lunr/widen.<hash>.js (named by ?widen=: every file
   here is named by its content, como_site/themeassets.py), which teaches its Lunr the page's
   language. Material's worker starts with every page, so this file stays small; widen.js loads with
   the first message (Material's setup, sent with the index), before Material's own listener builds the
   index, as listeners run in the order they were added. */
(function () {
  "use strict";
  var named = new URL(self.location.href).searchParams;
  var material = named.get("material") || "";
  var widen = named.get("widen") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material) || !/^widen\.[0-9a-f]+\.js$/.test(widen)) {
    throw new Error("search-languages.js: no Material search worker (?material=) or widen.js (?widen=) named");
  }
  self.addEventListener("message", function load() {
    self.removeEventListener("message", load);
    importScripts("../lunr/" + widen);
  });
  importScripts(material);
})();
