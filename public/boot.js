// Shows the plain "this browser cannot run the service" page when the app cannot start: no
// WebAssembly, a failed download or compile, or no start after 15 seconds. The app removes the
// fallback element as soon as it runs, so a working browser never sees it.
(function () {
  'use strict';
  var started = false;
  function reveal() {
    var el = document.getElementById('boot-fallback');
    if (el) el.hidden = false;
  }
  function show() {
    if (started) return;
    // This script runs in <head>: the fallback element may not be parsed yet.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', reveal);
    } else {
      reveal();
    }
  }
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  if (typeof WebAssembly !== 'object' || !WebAssembly || typeof WebAssembly.instantiate !== 'function') {
    show();
    return;
  }
  // Before the app has started, any uncaught error (a module that fails to load, compile or
  // run) means it will not start. Capture: resource errors do not bubble.
  addEventListener('error', show, true);
  addEventListener('unhandledrejection', show);
  setTimeout(show, 15000);
})();
