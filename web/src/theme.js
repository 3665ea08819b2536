// Runs in <head>, before the page is drawn: applies the theme the reader
// chose with the toggle, so a dark page never flashes light. Without a
// choice the page follows prefers-color-scheme (in CSS).
(function () {
  try {
    var t = localStorage.getItem('dossier-theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch (e) {
    // Storage can be denied; the system theme then applies.
  }
})();
