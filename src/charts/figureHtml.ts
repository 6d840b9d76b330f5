// figureHtml: the whole <figure> of a chart, the same on topic pages and in Markdown reports:
// heading, wide and narrow SVG (CSS shows one), legend, summary, data table, downloads and
// notes, with a 分享本图 link to the figure's address. Everything from staff-written text is escaped.
import { formatMonth } from '../format.ts';
import { escapeText } from './escape.ts';
import { legendHtml, legendItems } from './legend.ts';
import { chartData } from './rows.ts';
import type { RenderedChart } from './types.ts';

export interface FigureLinks {
  csvHref: string;
  svgHref: string;
  /** the chart's PNG picture (contract §6.2), when one is published */
  pngHref?: string;
}

export function figureHtml(chart: RenderedChart, links: FigureLinks): string {
  const { spec } = chart;
  const anchor = `chart-${spec.id}`;
  const parts = [
    `<figure class="chart chart-${spec.type}" id="${anchor}" data-pagefind-ignore>`,
    `<figcaption class="chart-heading"><h3 id="${anchor}-title">${escapeText(spec.title)}</h3></figcaption>`,
  ];
  // 分享本图: the chart's own address, a 44 px target with words (it was a 12 px `#` inside the
  // heading, read after the title by screen readers); the title describes it.
  const share = `<a class="chart-anchor" href="#${anchor}" aria-describedby="${anchor}-title">分享本图</a>`;
  if (spec.rows.length === 0) {
    parts.push('<p class="chart-empty">暂无数据</p>', `<p class="chart-downloads">${share}</p>`);
  } else {
    if (chart.svg !== '') {
      parts.push(
        ...(chart.svgNarrow === ''
          ? [`<div class="chart-compact">${chart.svg}</div>`]
          : [`<div class="chart-wide">${chart.svg}</div>`, `<div class="chart-narrow">${chart.svgNarrow}</div>`]),
        legendHtml(legendItems(spec, chartData(spec))),
      );
    }
    parts.push(`<p class="chart-summary">${escapeText(chart.summary)}</p>`);
    // A table chart is its table; other charts keep theirs folded.
    parts.push(
      spec.type === 'table'
        ? tableHtml(chart)
        : `<details class="chart-data"><summary>查看数据表</summary>${tableHtml(chart)}</details>`,
    );
    const downloads = [share, `<a href="${escapeText(links.csvHref)}" download>下载数据（CSV）</a>`];
    if (chart.svgFile !== '') downloads.push(`<a href="${escapeText(links.svgHref)}" download>下载图表（SVG）</a>`);
    if (chart.pictureParts && links.pngHref) downloads.push(`<a href="${escapeText(links.pngHref)}" download>图片（PNG）</a>`);
    parts.push(`<p class="chart-downloads">${downloads.join('')}</p>`);
  }
  for (const note of [spec.caption, spec.source, spec.asOf && `数据截至 ${formatMonth(spec.asOf)}`]) {
    if (note) parts.push(`<p class="chart-note">${escapeText(note)}</p>`);
  }
  parts.push('</figure>');
  return parts.join('\n');
}

/** Row headers are the x values; the last column (the figures) is right-aligned by chartCss. */
function tableHtml(chart: RenderedChart): string {
  const { head, body } = chart.table;
  const th = head.map((h) => `<th scope="col">${escapeText(h)}</th>`).join('');
  const rows = body.map(
    (cells) =>
      '<tr>' +
      cells
        .map((c, i) => (i === 0 ? `<th scope="row">${escapeText(c)}</th>` : `<td>${escapeText(c)}</td>`))
        .join('') +
      '</tr>',
  );
  return `<div class="chart-table"><table><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
