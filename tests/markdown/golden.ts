// Golden HTML for Markdown features, compared with tests/output/markdown/<name>.html.
// As in tests/charts/golden.ts: a missing golden file is written and the test fails; a mismatch
// writes tests/.out/markdown/<name>-changed.html; UPDATE_GOLDENS=1 rewrites the golden instead. Chart SVG is the chart renderer's business (it has its own
// golden files) and the <figure> around it is src/charts/figureHtml.ts's: a chart's figure is reduced
// here to what the Markdown side decides (type, id, title, download links); tests check separately
// that the figure is exactly figureHtml's.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { updateGoldens } from '../charts/golden.ts';

const outputDir = fileURLToPath(new URL('../output/markdown/', import.meta.url));
const changedDir = fileURLToPath(new URL('../.out/markdown/', import.meta.url));

export function tidyHtml(html: string): string {
  return html.replace(/<figure class="(chart[^"]*)" id="([^"]*)"[\s\S]*?<\/figure>/g, (figure, cls: string, id: string) => {
    const title = /<h3>([\s\S]*?)<a /.exec(figure)?.[1] ?? '';
    const links = [...figure.matchAll(/href="([^"#][^"]*)" download/g)].map((m) => m[1]);
    return `<figure class="${cls}" id="${id}">[figureHtml: ${title} · ${links.join(' · ')}]</figure>`;
  });
}

export function expectGolden(name: string, html: string): void {
  mkdirSync(outputDir, { recursive: true });
  const path = `${outputDir}${name}.html`;
  const changed = `${changedDir}${name}-changed.html`;
  const actual = tidyHtml(html);
  if (updateGoldens()) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    expect.fail(`golden file created: tests/output/markdown/${name}.html; check it, then run the tests again`);
  }
  if (actual === readFileSync(path, 'utf8')) {
    rmSync(changed, { force: true });
    return;
  }
  mkdirSync(changedDir, { recursive: true });
  writeFileSync(changed, actual);
  expect.fail(`${name}.html differs from its golden file; see tests/.out/markdown/${name}-changed.html (accept every change: UPDATE_GOLDENS=1)`);
}
