// The legend: the series present in a chart, in colorDomain order, each with its site-wide colour.
// Drawn as HTML by figureHtml.ts (a list that wraps on narrow phones), and as SVG in the downloadable file.
import { escapeText } from './escape.ts';
import { otherColor } from './palette.ts';
import { textWidth } from './layout.ts';
import { seriesName } from './labels.ts';
import type { ChartData } from './rows.ts';
import type { ChartSpec } from './types.ts';

export interface LegendItem {
  label: string;
  color: string;
}

export function legendItems(spec: ChartSpec, chart: ChartData): LegendItem[] {
  const { colors } = chart;
  if (!colors) return [];
  const others = new Set(chart.others);
  const items = chart.series.filter((s) => !others.has(s)).map((s) => ({ label: seriesName(spec, s), color: colors.color(s) }));
  if (others.size > 0) items.push({ label: `其他（${others.size} 个）`, color: otherColor });
  return items;
}

const swatch = (color: string) =>
  `<svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect width="14" height="14" rx="2" fill="${color}"/></svg>`;

/** `<ul class="chart-legend">` of swatches and names; empty without series. */
export function legendHtml(items: readonly LegendItem[]): string {
  if (items.length === 0) return '';
  const lis = items.map((item) => `<li>${swatch(item.color)}${escapeText(item.label)}</li>`);
  return `<ul class="chart-legend">${lis.join('')}</ul>`;
}

/** The legend laid out in rows within `width`, as SVG at (0, 0); returns its markup and height. */
export function legendSvg(items: readonly LegendItem[], width: number, fontSize: number): { svg: string; height: number } {
  if (items.length === 0) return { svg: '', height: 0 };
  const lineHeight = fontSize + 10;
  let x = 0;
  let y = 0;
  const parts: string[] = [];
  for (const item of items) {
    const itemWidth = Math.ceil(fontSize + 6 + textWidth(item.label, fontSize) + 18);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += lineHeight;
    }
    parts.push(
      `<rect x="${x}" y="${y + 2}" width="${fontSize}" height="${fontSize}" rx="2" fill="${item.color}"/>` +
        `<text x="${x + fontSize + 6}" y="${y + fontSize}" text-anchor="start">${escapeText(item.label)}</text>`,
    );
    x += itemWidth;
  }
  return { svg: parts.join(''), height: y + lineHeight };
}
