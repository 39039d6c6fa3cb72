/* The search worker: Material's (named in this file's URL, ?material=search.<hash>.min.js, by
   overrides/main.html), and, once search opens, ../lunr/widen.js, which teaches its Lunr the page's
   language. Material's worker starts with every page, so this file stays small; widen.js loads with
   the first message (Material's setup, sent with the index), before Material's own listener builds the
   index, as listeners run in the order they were added. */
(function () {
  "use strict";
  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("search-languages.js: no Material search worker named in ?material=");
  }
  self.addEventListener("message", function widen() {
    self.removeEventListener("message", widen);
    importScripts("../lunr/widen.js");
  });
  importScripts(material);
})();
