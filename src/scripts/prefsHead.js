// Inlined at the top of <head> (before the stylesheet) so the very first paint already uses the
// reader's text size and contrast: no flash of small text. Kept in localStorage by a11yTools.js.
(function (root) {
  try {
    var text = localStorage.getItem('rjhj-text');
    var contrast = localStorage.getItem('rjhj-contrast');
    if (text === 'l' || text === 'xl') root.setAttribute('data-text', text);
    if (contrast === 'high' || contrast === 'normal') root.setAttribute('data-contrast', contrast);
    else if (window.matchMedia && matchMedia('(prefers-contrast: more)').matches) root.setAttribute('data-contrast', 'high');
  } catch (e) { /* storage blocked (private mode, file://): keep the defaults */ }
})(document.documentElement);
