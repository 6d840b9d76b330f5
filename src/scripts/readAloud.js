// @ts-check
// 朗读 on every page with prose (reports, topics, villages, about): speechSynthesis in zh-CN, one
// utterance per paragraph (long utterances stall in some browsers, and paragraphs let the reader
// follow along: the one being read is marked). Pause, resume and stop; speech stops when the
// reader leaves the page.
//
// Not in the page: a11yTools.js (inline on every page) shows the 朗读全文 button where speech
// exists and loads this file on its first press (issue 21: ~1.3 KB gzipped off every page with
// prose, for the few who listen), then presses the button again. Served as
// /assets/read-aloud-<hash>.js by src/outputs/scripts.ts, with comments and indentation dropped,
// so: no string or regular expression here holds `//` or `/*`.
(() => {
  /** What is read: prose blocks, table rows, and chart titles and summaries. */
  const READ = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, tr, figcaption';
  /** Never read: chart drawings, legends, chart tables, downloads, the table of contents. */
  const SKIP = 'svg, nav, .print-only, .chart-legend, .chart-data, .chart-table, .chart-downloads, .chart-note, .read-aloud, [hidden], [aria-hidden="true"]';
  /** A sentence end, to cut paragraphs longer than MAX_CHARS. */
  const MAX_CHARS = 180;

  /**
   * The element's own text: nested blocks are read on their own, so they are left out here.
   * @param {HTMLElement} el
   */
  const textOf = (el) => {
    const copy = /** @type {HTMLElement} */ (el.cloneNode(true));
    for (const drop of copy.querySelectorAll(`.chart-anchor, .visually-hidden, svg, ${READ}`)) drop.remove();
    // A table row reads as its cells with a pause between them.
    const text = el.tagName === 'TR'
      ? [...copy.children].map((cell) => cell.textContent ?? '').join('，')
      : copy.textContent ?? '';
    return text.replace(/\s+/g, ' ').trim();
  };

  /**
   * Cut at 。！？；, keeping each piece under MAX_CHARS where the sentences allow.
   * @param {string} text
   */
  const split = (text) => {
    if (text.length <= MAX_CHARS) return [text];
    const sentences = text.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? [text];
    /** @type {string[]} */
    const out = [];
    let current = '';
    for (const s of sentences) {
      if (current && current.length + s.length > MAX_CHARS) { out.push(current); current = ''; }
      current += s;
    }
    if (current) out.push(current);
    return out;
  };

  /** @param {HTMLElement} article */
  const chunksOf = (article) => {
    /** @type {{ el: HTMLElement, text: string }[]} */
    const chunks = [];
    for (const el of article.querySelectorAll(READ)) {
      if (!(el instanceof HTMLElement) || el.closest(SKIP)) continue;
      const text = textOf(el);
      if (text) for (const piece of split(text)) chunks.push({ el, text: piece });
    }
    return chunks;
  };

  /** @param {HTMLElement} box */
  const setUp = (box) => {
    const synth = window.speechSynthesis;
    const article = document.querySelector(box.dataset.readAloud ?? '');
    const play = box.querySelector('[data-action="play"]');
    const pause = box.querySelector('[data-action="pause"]');
    const stop = box.querySelector('[data-action="stop"]');
    const status = box.querySelector('.read-aloud-status');
    if (!(article instanceof HTMLElement) || !(play instanceof HTMLButtonElement) || !(pause instanceof HTMLButtonElement)
      || !(stop instanceof HTMLButtonElement) || !status) return;

    let run = 0; // utterances of an earlier run may still report after cancel(): ignore them
    let paused = false;
    /** @type {HTMLElement | null} */
    let current = null;
    /** @param {HTMLElement | null} el */
    const mark = (el) => {
      current?.classList.remove('reading');
      current = el;
      current?.classList.add('reading');
    };
    /**
     * @param {'idle' | 'speaking' | 'paused'} state
     * @param {string} message
     */
    const show = (state, message) => {
      // A button that disappears must not take the keyboard focus with it.
      const focused = box.contains(document.activeElement);
      play.hidden = state !== 'idle';
      pause.hidden = state === 'idle';
      stop.hidden = state === 'idle';
      paused = state === 'paused';
      pause.textContent = paused ? '继续' : '暂停';
      status.textContent = message;
      if (state === 'idle') mark(null);
      const active = document.activeElement;
      if (focused && (active === document.body || (active instanceof HTMLElement && active.hidden))) {
        (state === 'idle' ? play : pause).focus();
      }
    };
    const voice = () => synth.getVoices().find((v) => /^zh[-_](CN|Hans)/i.test(v.lang)) ?? null;

    play.addEventListener('click', () => {
      synth.cancel();
      const chunks = chunksOf(article);
      const mine = ++run;
      if (chunks.length === 0) return show('idle', '没有可朗读的文字。');
      const zh = voice();
      chunks.forEach((chunk, i) => {
        const u = new SpeechSynthesisUtterance(chunk.text);
        u.lang = 'zh-CN';
        if (zh) u.voice = zh;
        u.rate = 0.9; // a little slower than the default, for older listeners
        u.onstart = () => { if (mine === run) mark(chunk.el); };
        if (i === chunks.length - 1) u.onend = () => { if (mine === run) show('idle', '朗读结束。'); };
        u.onerror = (event) => {
          if (mine !== run || event.error === 'interrupted' || event.error === 'canceled') return;
          run++;
          synth.cancel();
          show('idle', '这台设备暂时无法朗读中文，请检查系统的语音设置。');
        };
        synth.speak(u);
      });
      show('speaking', '正在朗读……');
    });
    pause.addEventListener('click', () => {
      if (paused) { synth.resume(); show('speaking', '正在朗读……'); }
      else { synth.pause(); show('paused', '已暂停。'); }
    });
    stop.addEventListener('click', () => {
      run++;
      synth.cancel();
      show('idle', '已停止。');
    });
    window.addEventListener('pagehide', () => { run++; synth.cancel(); });
  };

  for (const box of document.querySelectorAll('[data-read-aloud]')) if (box instanceof HTMLElement) setUp(box);
})();
