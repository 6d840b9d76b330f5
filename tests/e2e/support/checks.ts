// In-page checks shared by the end-to-end test and the benchmark: axe-core, horizontal overflow,
// charts. Each returns plain data; the caller decides what counts as a failure.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** WCAG plus axe's best practices (landmark-unique, heading-order, region …: mostly `moderate`). */
export const AXE_ALL_TAGS = [...AXE_TAGS, 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Inject axe-core (needs JavaScript enabled in the context) and run it on the whole document. */
export async function runAxe(page: Page, tags: readonly string[] = AXE_TAGS): Promise<AxeViolation[]> {
  await settled(page);
  await page.addScriptTag({ path: AXE_PATH });
  return (await page.evaluate(`(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ${JSON.stringify(tags)} },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: String(n.html).slice(0, 300),
        summary: String(n.failureSummary ?? '').replace(/\\s+/g, ' ').slice(0, 400),
      })),
    }));
  })()`)) as AxeViolation[];
}

/**
 * Wait until the page's own after-first-frame work has run (a11yTools.js names the tables that
 * scroll sideways one frame after DOMContentLoaded): a frame, then a task queued behind the page's.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))');
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) =>
    `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.map((n) => `      at ${n.target}\n        ${n.html}\n        ${n.summary}`).join('\n'),
  ).join('\n    ');
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** the outermost elements that reach past the right edge */
  culprits: string[];
}

/** `document.documentElement.scrollWidth <= innerWidth`, with the elements that break it. */
export async function horizontalOverflow(page: Page): Promise<Overflow | undefined> {
  return (await page.evaluate(OVERFLOW_SCRIPT)) as Overflow | undefined;
}

// In-page code is a string: tsx/esbuild's keepNames would wrap named functions in a `__name`
// helper that does not exist in the page.
const OVERFLOW_SCRIPT = `(() => {
  const { scrollWidth } = document.documentElement;
  const { innerWidth } = window;
  if (scrollWidth <= innerWidth) return undefined;
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';
    return el.tagName.toLowerCase() + id + cls + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)';
  };
  const culprits = [];
  const walk = (el) => {
    if (culprits.length >= 8) return;
    const rect = el.getBoundingClientRect();
    // An element that scrolls or clips its own overflow (a wide table in a scroll box) is fine.
    const scrolls = /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
    if (rect.right > innerWidth + 0.5 && rect.width > 0) {
      // Report the deepest too-wide element, not every ancestor of it.
      const before = culprits.length;
      if (!scrolls) for (const child of el.children) walk(child);
      if (culprits.length === before) culprits.push(describe(el));
      return;
    }
    if (!scrolls) for (const child of el.children) walk(child);
  };
  walk(document.body);
  return { scrollWidth, innerWidth, culprits };
})()`;

export interface ChartCheck {
  /** every figure.chart on the page */
  figures: number;
  /** figures that draw a chart (not a table chart, not the 暂无数据 state) */
  drawn: number;
  /** drawn figures without a visible svg[role=img] at the current width, described */
  withoutSvg: string[];
}

/**
 * Every `figure.chart` that draws a chart (not `.chart-table`, not holding `.chart-empty`) shows
 * an `svg[role=img]` at the current width. Works with JavaScript disabled in the context.
 */
export async function chartCheck(page: Page): Promise<ChartCheck> {
  return (await page.evaluate(CHART_SCRIPT)) as ChartCheck;
}

const CHART_SCRIPT = `(() => {
  const figures = [...document.querySelectorAll('figure.chart')];
  const drawn = figures.filter((f) => !f.classList.contains('chart-table') && !f.querySelector('.chart-empty'));
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const withoutSvg = drawn
    .filter((f) => ![...f.querySelectorAll('svg[role="img"]')].some(visible))
    .map((f) => {
      const svgs = f.querySelectorAll('svg').length;
      const title = (f.querySelector('figcaption, h2, h3')?.textContent ?? '').replace(/#$/, '').trim().slice(0, 60);
      return 'figure.chart' + (f.id ? '#' + f.id : '') + ' "' + title + '" (' + svgs + ' svg, none visible with role=img)';
    });
  return { figures: figures.length, drawn: drawn.length, withoutSvg };
})()`;
