(function (root) {
  if ('replaceAll' in String.prototype) {
    root.setAttribute('data-js', '');
    if ('speechSynthesis' in window) root.setAttribute('data-speech', '');
  }
  try {
    var text = localStorage.getItem('rjhj-text');
    var contrast = localStorage.getItem('rjhj-contrast');
    if (text === 'l' || text === 'xl') root.setAttribute('data-text', text);
    if (contrast === 'high' || contrast === 'normal') root.setAttribute('data-contrast', contrast);
    else if (window.matchMedia && matchMedia('(prefers-contrast: more)').matches) root.setAttribute('data-contrast', 'high');
  } catch (e) {}
})(document.documentElement);
