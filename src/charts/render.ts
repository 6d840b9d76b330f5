// renderChart: one ChartSpec → two inline SVGs (wide, narrow: see layout.ts), the
// downloadable SVG file, the summary sentence, the data table and the CSV, all from the same
// normalised rows. `svg` is the one default drawing for a consumer that wants a single image.
import * as Plot from '@observablehq/plot';
import { formatMonth } from '../format.ts';
import { chartCsv } from './csv.ts';
import { document } from './dom.ts';
import { chartFrame, drawnOnce } from './frame.ts';
import { variants, type Variant } from './layout.ts';
import { legendItems } from './legend.ts';
import { chartMarks } from './marks.ts';
import { chartData, type ChartData } from './rows.ts';
import { chartSummary } from './summary.ts';
import { finishSvg, plotClass } from './svg.ts';
import { svgFile, type SvgFileParts } from './svgFile.ts';
import { xmlSafe } from './escape.ts';
import { chartTable } from './table.ts';
import type { ChartSpec, RenderedChart } from './types.ts';

export function renderChart(spec: ChartSpec): RenderedChart {
  const chart = chartData(spec);
  const summary = chartSummary(spec, chart);
  const table = chartTable(spec, chart);
  const csv = chartCsv(spec, chart);
  const drawable = spec.type !== 'table' && chart.data.some((d) => d.y !== null);
  if (!drawable) return { spec, svg: '', svgNarrow: '', svgFile: '', summary, table, csv };

  // A compact chart is drawn once, phone-sized (its `svg` is the narrow drawing); a horizontal one
  // is drawn twice, but its page shows the narrow drawing only (drawnOnce).
  const drawings = spec.compact ? [drawChart(spec, chart, variants[1]!)] : variants.map((variant) => drawChart(spec, chart, variant));
  const wide = drawings[0]!;
  const phone = drawings.at(-1)!;
  const once = drawnOnce(spec);
  const notes = [spec.caption, spec.source, spec.asOf && `数据截至 ${formatMonth(spec.asOf)}`];
  const fileParts: SvgFileParts = {
    title: spec.title,
    summary,
    legend: legendItems(spec, chart),
    chart: wide.svg,
    width: wide.width,
    height: wide.height,
    notes: notes.filter((n): n is string => Boolean(n)),
  };
  return {
    spec,
    // Plot writes the labels itself: drop the characters XML forbids from the finished markup.
    svg: xmlSafe(once ? phone.svg : wide.svg),
    svgNarrow: once ? '' : xmlSafe(phone.svg),
    svgFile: xmlSafe(svgFile(fileParts)),
    // The shared picture is read on a phone (WeChat): it draws the phone-sized variant.
    pictureParts: { ...fileParts, chart: xmlSafe(phone.svg), width: phone.width, height: phone.height },
    summary,
    table,
    csv,
  };
}

interface Drawing {
  svg: string;
  width: number;
  height: number;
}

function drawChart(spec: ChartSpec, chart: ChartData, variant: Variant): Drawing {
  const frame = chartFrame(spec, chart, variant);
  const colors = chart.colors;
  // No title, subtitle, caption or legend: with any of them Plot wraps the SVG in a <figure>.
  const svg = Plot.plot({
    ...frame.options,
    document,
    className: plotClass,
    color: colors ? { type: 'ordinal', domain: colors.domain, range: colors.range, legend: false } : undefined,
    marks: chartMarks(spec, chart, frame),
  }) as unknown as Element;
  const markup = finishSvg(svg, {
    title: spec.title,
    idPrefix: `chart-${spec.id}-${variant.name}`,
    fontSize: variant.fontSize,
  });
  return { svg: markup, width: frame.options.width!, height: frame.options.height! };
}
