/* The search worker: Material's (named in this file's URL, ?material=search.<hash>.min.js, by
   overrides/main.html) and ../lunr/widen.<hash>.js (named by ?widen=: every file here is named by its
   content, como_site/themeassets.py), which teaches its Lunr the page's language. Material's bundle starts
   this worker with every page but sends its first message (the setup, with the index) only once search
   opens (assets/search-on-demand.js), so both load then, not with the page: this file stays small. The
   first message is handed on to Material's listener, which did not exist when it arrived. */
(function () {
  "use strict";
  var named = new URL(self.location.href).searchParams;
  var material = named.get("material") || "";
  var widen = named.get("widen") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material) || !/^widen\.[0-9a-f]+\.js$/.test(widen)) {
    throw new Error("search-languages.js: no Material search worker (?material=) or widen.js (?widen=) named");
  }
  self.addEventListener("message", function load(event) {
    self.removeEventListener("message", load);
    importScripts(material, "../lunr/" + widen);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  });
})();
