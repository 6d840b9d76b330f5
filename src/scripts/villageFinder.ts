// 查找我的村 in the browser: reveal the search box (hidden without JavaScript, so never a dead
// control) and hide the villages, and whole townships, that the query does not find.
import { normaliseQuery, villageMatcher } from './villageMatch.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-village-finder]')) {
  const box = root.querySelector<HTMLElement>('.finder-box');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('.finder-status');
  if (!box || !input || !status) continue;
  const sections = [...root.querySelectorAll<HTMLElement>('[data-township]')].map((section) => ({
    section,
    items: [...section.querySelectorAll<HTMLElement>('li[data-py]')].map((li) => ({
      li,
      link: li.querySelector('a'),
      name: normaliseQuery(li.textContent ?? ''),
      syllables: (li.dataset.py ?? '').split(' '),
    })),
  }));

  const update = () => {
    const query = input.value.trim();
    const matches = villageMatcher(query);
    let found = 0;
    let first: HTMLAnchorElement | null = null;
    for (const { section, items } of sections) {
      let shown = 0;
      for (const item of items) {
        const hit = matches(item.name, item.syllables);
        item.li.hidden = !hit;
        if (hit) { shown++; first ??= item.link; }
      }
      section.hidden = shown === 0;
      found += shown;
    }
    status.textContent = query === ''
      ? ''
      : found === 0
        ? `没有找到与“${query}”相符的村。请换个写法，或清空搜索框查看全部村。`
        : found === 1
          ? '找到 1 个村。'
          : `找到 ${found} 个村。按回车键打开第一个：${first?.textContent ?? ''}。`;
    return first;
  };

  input.addEventListener('input', update);
  // Enter opens the only village the query finds, or the first of several (list order).
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || input.value.trim() === '') return;
    event.preventDefault();
    update()?.click();
  });
  box.hidden = false;
  if (input.value) update(); // the browser restored a query (back button)
}
