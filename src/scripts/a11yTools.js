(function (root) {
  var tools = document.getElementById('a11y-tools');
  if (!tools) return;
  var sizes = tools.querySelectorAll('[data-text-size]');
  var contrast = tools.querySelector('[data-contrast-toggle]');
  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) {}
  }
  function load() {
    try {
      var text = localStorage.getItem('rjhj-text');
      if (text) root.setAttribute('data-text', text); else if (text === '') root.removeAttribute('data-text');
      var c = localStorage.getItem('rjhj-contrast');
      if (c) root.setAttribute('data-contrast', c);
    } catch (e) {}
  }
  function sync() {
    var text = root.getAttribute('data-text') || '';
    for (var i = 0; i < sizes.length; i++) {
      sizes[i].setAttribute('aria-pressed', String(sizes[i].getAttribute('data-text-size') === text));
    }
    if (contrast) contrast.setAttribute('aria-pressed', String(root.getAttribute('data-contrast') === 'high'));
  }
  tools.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button');
    if (!button) return;
    if (button.hasAttribute('data-text-size')) {
      var text = button.getAttribute('data-text-size') || '';
      if (text) root.setAttribute('data-text', text); else root.removeAttribute('data-text');
      save('rjhj-text', text);
      later();
    } else if (button === contrast) {
      var high = root.getAttribute('data-contrast') !== 'high';
      root.setAttribute('data-contrast', high ? 'high' : 'normal');
      save('rjhj-contrast', high ? 'high' : 'normal');
    }
    sync();
  });
  function regions() {
    var wraps = document.querySelectorAll('.table-wrap, .chart-table');
    var used = {};
    // every width read before any attribute is written: a write between two reads would make the
    // second read lay the page out again
    var wide = [];
    for (var j = 0; j < wraps.length; j++) wide.push(wraps[j].scrollWidth > wraps[j].clientWidth + 1);
    for (var i = 0; i < wraps.length; i++) {
      var w = wraps[i];
      if (wide[i]) {
        if (!w.hasAttribute('tabindex')) {
          w.setAttribute('tabindex', '0');
          w.setAttribute('role', 'region');
        }
        var name = title(w) + '表格，可左右滚动';
        used[name] = (used[name] || 0) + 1;
        w.setAttribute('aria-label', used[name] > 1 ? name + '（' + used[name] + '）' : name);
      } else if (w.getAttribute('role') === 'region') {
        w.removeAttribute('tabindex');
        w.removeAttribute('role');
        w.removeAttribute('aria-label');
      }
    }
  }
  // A region's name, unique on the page (axe landmark-unique): the caption, the chart's title, or
  // the heading before the table.
  function title(w) {
    var caption = w.querySelector('caption');
    if (caption) return caption.textContent.trim() + '：';
    var figure = w.closest('figure');
    var h = figure && figure.querySelector('h2, h3');
    for (var e = w; !h && e && e !== document.body; e = e.parentElement) {
      for (var s = e.previousElementSibling; s && !h; s = s.previousElementSibling) {
        if (/^H[1-6]$/.test(s.tagName)) h = s;
      }
    }
    return h ? h.textContent.trim() + '：' : '';
  }
  var pending = 0;
  function later() {
    if (!pending) pending = requestAnimationFrame(function () { pending = 0; regions(); });
  }
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) { load(); sync(); later(); }
  });
  window.addEventListener('resize', later);
  document.addEventListener('toggle', later, true);
  // Measured when the browser has laid the tables out anyway: a ResizeObserver's callback runs
  // right after layout, so reading widths there costs nothing. Read at DOMContentLoaded, they
  // forced the whole page's style and layout inside that task, a long task Lighthouse counts as
  // blocking (issue 21: /cleanup/ and a report lost 3–4 points of 100).
  function observe() {
    var wraps = document.querySelectorAll('.table-wrap, .chart-table');
    if (typeof ResizeObserver !== 'function') { requestAnimationFrame(function () { setTimeout(regions, 0); }); return; }
    var watcher = new ResizeObserver(function () { regions(); });
    for (var i = 0; i < wraps.length; i++) watcher.observe(wraps[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe); else observe();
  sync();
  tools.hidden = false;
  if (!root.hasAttribute('data-speech') || typeof SpeechSynthesisUtterance !== 'function') return;
  var speakers = document.querySelectorAll('[data-read-aloud]');
  for (var i = 0; i < speakers.length; i++) speakers[i].hidden = false;
  document.addEventListener('click', function load(event) {
    var play = event.target.closest && event.target.closest('[data-read-aloud] [data-action="play"]');
    if (!play) return;
    document.removeEventListener('click', load);
    var status = play.parentNode.lastElementChild;
    status.textContent = '正在准备朗读……';
    speechSynthesis.speak(new SpeechSynthesisUtterance(''));
    var script = document.createElement('script');
    script.src = play.parentNode.getAttribute('data-src');
    script.onload = function () { play.click(); };
    script.onerror = function () {
      status.textContent = '朗读功能没有载入，请检查网络后再按一次。';
      script.remove();
      document.addEventListener('click', load);
    };
    document.head.appendChild(script);
  });
})(document.documentElement);
