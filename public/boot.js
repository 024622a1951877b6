// Shows the plain "this browser cannot run the service" page when the app cannot start: no
// WebAssembly, a failed download or compile, or no start after 15 seconds. The app removes the
// page's fallback element as soon as it runs, so a working browser never sees it.
(function () {
  'use strict';
  var started = false;
  function show() {
    if (started) return;
    var el = document.getElementById('boot-fallback');
    if (el) el.hidden = false;
  }
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    show();
    return;
  }
  // A module script that fails to load or compile reports here (capture: resource errors do
  // not bubble) or as an unhandled rejection of the loader's top-level await.
  addEventListener('error', function (event) {
    var t = event.target;
    if (t && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) show();
  }, true);
  addEventListener('unhandledrejection', show);
  setTimeout(show, 15000);
})();
