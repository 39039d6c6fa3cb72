/* Load the search index only when the reader opens search, not with every page (it is the heaviest file
   of the site and grows with the content). Material's script requests search/search_index.json at start
   through XMLHttpRequest; that one request is held back until the search field gets focus, however the
   reader gets there (click, tap, or the / and s keys). Must run before Material's bundle: both are deferred, this one first (overrides/main.html). */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var released = false;

  function release() {
    if (released) { return; }
    released = true;
    held.splice(0).forEach(function (request) { send.apply(request.xhr, request.args); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.comoHoldUntilSearch = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.comoHoldUntilSearch && !released) {
      held.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.classList && event.target.classList.contains("md-search__input")) { release(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) { release(); }
  });
})();
