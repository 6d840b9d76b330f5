// 朗读 on every page with prose (reports, topics, villages, about): speechSynthesis in zh-CN, one utterance per paragraph (long utterances
// stall in some browsers, and paragraphs let the reader follow along: the one being read is
// marked). Pause, resume and stop; speech stops when the reader leaves the page.

/** What is read: prose blocks, table rows, and chart titles and summaries. */
const READ = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, tr, figcaption';
/** Never read: chart drawings, legends, chart tables, downloads, the table of contents. */
const SKIP = 'svg, nav, .print-only, .chart-legend, .chart-data, .chart-table, .chart-downloads, .chart-note, .read-aloud, [hidden], [aria-hidden="true"]';
/** A sentence end, to cut paragraphs longer than MAX_CHARS. */
const MAX_CHARS = 180;

interface Chunk { el: HTMLElement; text: string }

/** The element's own text: nested blocks are read on their own, so they are left out here. */
function textOf(el: HTMLElement): string {
  const copy = el.cloneNode(true) as HTMLElement;
  for (const drop of copy.querySelectorAll(`.chart-anchor, .visually-hidden, svg, ${READ}`)) drop.remove();
  // A table row reads as its cells with a pause between them.
  const text = el.tagName === 'TR'
    ? [...copy.children].map((cell) => cell.textContent ?? '').join('，')
    : copy.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut at 。！？；, keeping each piece under MAX_CHARS where the sentences allow. */
function split(text: string): string[] {
  if (text.length <= MAX_CHARS) return [text];
  const sentences = text.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? [text];
  const out: string[] = [];
  let current = '';
  for (const s of sentences) {
    if (current && current.length + s.length > MAX_CHARS) { out.push(current); current = ''; }
    current += s;
  }
  if (current) out.push(current);
  return out;
}

function chunksOf(article: HTMLElement): Chunk[] {
  const chunks: Chunk[] = [];
  for (const el of article.querySelectorAll<HTMLElement>(READ)) {
    if (el.closest(SKIP)) continue;
    const text = textOf(el);
    if (text) for (const piece of split(text)) chunks.push({ el, text: piece });
  }
  return chunks;
}

function setUpReadAloud(box: HTMLElement): void {
  const synth = window.speechSynthesis;
  const article = document.querySelector<HTMLElement>(box.dataset.readAloud ?? '');
  const play = box.querySelector<HTMLButtonElement>('[data-action="play"]');
  const pause = box.querySelector<HTMLButtonElement>('[data-action="pause"]');
  const stop = box.querySelector<HTMLButtonElement>('[data-action="stop"]');
  const status = box.querySelector<HTMLElement>('.read-aloud-status');
  if (!article || !play || !pause || !stop || !status) return;

  let run = 0; // utterances of an earlier run may still report after cancel(): ignore them
  let paused = false;
  let current: HTMLElement | null = null;
  const mark = (el: HTMLElement | null) => {
    current?.classList.remove('reading');
    current = el;
    current?.classList.add('reading');
  };
  const show = (state: 'idle' | 'speaking' | 'paused', message: string) => {
    // A button that disappears must not take the keyboard focus with it.
    const focused = box.contains(document.activeElement);
    play.hidden = state !== 'idle';
    pause.hidden = state === 'idle';
    stop.hidden = state === 'idle';
    paused = state === 'paused';
    pause.textContent = paused ? '继续' : '暂停';
    status.textContent = message;
    if (state === 'idle') mark(null);
    if (focused && (document.activeElement === document.body || (document.activeElement as HTMLElement | null)?.hidden)) {
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
  box.hidden = false;
}

if ('speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function') {
  for (const box of document.querySelectorAll<HTMLElement>('[data-read-aloud]')) setUpReadAloud(box);
}

export {}; // a module, so its names stay its own
