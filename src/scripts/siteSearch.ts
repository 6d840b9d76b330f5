// The search page's script: Pagefind's own JavaScript API (pagefind.js, loaded from the bundle
// under the base on first use) with a plain list of results, so the wording is Chinese, the
// results are announced, and nothing else is downloaded. `?q=` makes a search shareable.

interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindHit { data(): Promise<PagefindData> }
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindHit[] } | null>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: PagefindHit[] } | null>;
}

const PAGE = 10;

function setUpSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('.search-status');
  const list = root.querySelector<HTMLOListElement>('.search-results');
  const more = root.querySelector<HTMLButtonElement>('.search-more');
  const fallback = root.querySelector<HTMLElement>('.search-fallback');
  const bundle = root.dataset.bundle;
  if (!form || !input || !status || !list || !more || !bundle) return;

  let api: Promise<PagefindApi> | undefined;
  const load = (): Promise<PagefindApi> => {
    api ??= (import(/* @vite-ignore */ bundle) as Promise<PagefindApi>).then(async (pagefind) => {
      // Results come back as site paths (/reports/x/); the base puts them under /town/.
      await pagefind.options({ baseUrl: root.dataset.base ?? '/' });
      await pagefind.init();
      return pagefind;
    });
    return api;
  };

  let hits: PagefindHit[] = [];
  let shown = 0;
  let run = 0;

  /** Pagefind's excerpt is escaped text with <mark>; rebuild it from text nodes and marks only. */
  const excerpt = (html: string): HTMLParagraphElement => {
    const p = document.createElement('p');
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    for (const node of parsed.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(node.textContent ?? '');
      }
    }
    return p;
  };

  const showMore = async (mine: number) => {
    const next = await Promise.all(hits.slice(shown, shown + PAGE).map((hit) => hit.data()));
    if (mine !== run) return;
    for (const data of next) {
      const li = document.createElement('li');
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      heading.append(link);
      li.append(heading, excerpt(data.excerpt));
      list.append(li);
    }
    shown += next.length;
    more.hidden = shown >= hits.length;
  };

  const search = async (query: string, debounce: boolean) => {
    const mine = ++run;
    const q = query.trim();
    if (q === '') {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    try {
      const pagefind = await load();
      const found = debounce ? await pagefind.debouncedSearch(q, {}, 300) : await pagefind.search(q);
      if (found === null || mine !== run) return; // a newer query took over
      hits = found.results;
      shown = 0;
      list.replaceChildren();
      await showMore(mine);
      if (mine !== run) return;
      status.textContent = hits.length === 0
        ? `没有找到与“${q}”相关的内容。可以换个词试试，或从上方导航浏览各栏目。`
        : `找到 ${hits.length} 个相关页面。`;
    } catch {
      if (mine !== run) return;
      status.textContent = '搜索暂时无法使用，请稍后再试，或从上方导航浏览各栏目。';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
    void search(q, false);
  });
  input.addEventListener('input', () => void search(input.value, true));
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  more.addEventListener('click', () => void showMore(run));

  form.hidden = false;
  if (fallback) fallback.hidden = true;
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void search(initial, false);
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-site-search]')) setUpSearch(root);

export {}; // a module, so its names stay its own
