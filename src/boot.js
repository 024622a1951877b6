// Runs before the app: (1) shows the static shell only where it matches what the app will draw
// (the header on every page; the content of the start page and the first journey question;
// default language only) and applies the remembered large-text mode early,
// so nothing jumps when the app takes over; (2) shows the plain "this browser cannot run the
// service" page when the app cannot start: no WebAssembly, a failed download or compile, or no
// start after 15 seconds. The app removes both elements as soon as it runs.
(function () {
  'use strict';
  var root = document.documentElement;
  try {
    var locale = localStorage.getItem('sscard.locale');
    var path = location.pathname;
    // Elsewhere only the header: the page then paints at once instead of staying blank until
    // the app has loaded.
    // The start page's shell shows Beijing: the city when none is asked for (?city=) or
    // remembered (src/journey/city.rs, initial_city).
    var asked = /[?&]city=(beijing|shanghai|urumqi)(&|$)/.exec(location.search);
    var city = asked ? asked[1] : localStorage.getItem('sscard.city');
    var home = path === '/' && (!city || city === 'beijing');
    if (!locale || locale === 'zh-Hans') root.setAttribute('data-prerender', home || path === '/check' ? path : 'header');
    if (localStorage.getItem('sscard.elderly') === '1') root.classList.add('elderly');
  } catch (e) { /* storage blocked: the app still starts */ }

  var started = false;
  function reveal() {
    var el = document.getElementById('boot-fallback');
    if (el) el.hidden = false;
    root.removeAttribute('data-prerender');
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
