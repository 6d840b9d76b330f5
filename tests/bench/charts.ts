// Chart rendering cost: median milliseconds of renderChart (both SVGs, the SVG file, summary,
// table and CSV) per chart type, on synthetic rows of the sizes the site draws.
import type { ChartField, ChartRow, ChartSpec, RenderedChart } from '../../src/charts/types.ts';

export interface ChartTiming {
  name: string;
  type: string;
  rows: number;
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** bytes of the wide inline SVG */
  svgBytes: number;
}

const month: ChartField = { key: 'month', label: '月份', type: 'month' };
const village: ChartField = { key: 'village', label: '村', type: 'text' };
const garbage: ChartField = { key: 'garbage_t', label: '清理垃圾', type: 'number', unit: '吨' };
const coverage: ChartField = { key: 'coverage', label: '无害化卫生户厕覆盖率', type: 'percent', unit: '%' };
const score: ChartField = { key: 'score', label: '得分', type: 'number', unit: '分' };

function months(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}

function names(count: number, prefix: string): string[] {
  const syllables = [...'东西南北上下前后新老大小石竹桃李杨柳梅松枫樟荷莲河江湖塘溪'];
  return Array.from({ length: count }, (_, i) => `${prefix}${syllables[i % syllables.length]}${syllables[(i * 7 + 3) % syllables.length]}村`);
}

/** A deterministic wobble so every run draws the same rows. */
const value = (i: number, j: number, scale: number) => Math.round((Math.sin(i * 1.3 + j * 0.7) + 1.5) * scale * 10) / 10;

/** The specs timed: one per chart type, sized like the site's topic pages. */
export function benchSpecs(monthCount = 24, series = 8, villages = 30): { name: string; spec: ChartSpec }[] {
  const ms = months(monthCount);
  const vs = names(series, '');
  const many = names(villages, '');
  const monthly: ChartRow[] = ms.map((m, i) => ({ month: m, garbage_t: value(i, 0, 40) }));
  const bySeries: ChartRow[] = ms.flatMap((m, i) => vs.map((v, j) => ({ month: m, village: v, garbage_t: value(i, j, 20) })));
  const coverageRows: ChartRow[] = ms.flatMap((m, i) => vs.map((v, j) => ({ month: m, village: v, coverage: Math.min(100, 40 + i * 2 + j) })));
  const ranking: ChartRow[] = many.map((v, j) => ({ village: v, score: 60 + ((j * 37) % 40) }));
  const base = { source: '数据来源：合成数据', asOf: ms[ms.length - 1] };
  return [
    { name: 'bar', spec: { ...base, id: 'bench-bar', type: 'bar', title: '各月清理垃圾量', x: month, y: garbage, rows: monthly } },
    {
      name: 'stacked bar',
      spec: { ...base, id: 'bench-stacked', type: 'bar', title: '各村各月清理垃圾量', x: month, y: garbage, color: village, colorDomain: vs, rows: bySeries },
    },
    {
      name: 'line',
      spec: {
        ...base, id: 'bench-line', type: 'line', title: '各村无害化卫生户厕覆盖率', x: month, y: coverage, color: village,
        colorDomain: vs, rows: coverageRows, yDomain: [0, 100], target: { value: 90, label: '目标' },
      },
    },
    {
      name: 'area',
      spec: { ...base, id: 'bench-area', type: 'area', title: '各村清理垃圾累计', x: month, y: garbage, color: village, colorDomain: vs, rows: bySeries },
    },
    { name: 'dot', spec: { ...base, id: 'bench-dot', type: 'dot', title: '各村考评得分', x: village, y: score, rows: ranking } },
    { name: 'bar by village', spec: { ...base, id: 'bench-bar-village', type: 'bar', title: '各村清理垃圾量', x: village, y: garbage, rows: ranking.map((r, j) => ({ village: r.village!, garbage_t: value(j, 1, 30) })) } },
  ];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function timeCharts(runs = 50): Promise<ChartTiming[]> {
  const { renderChart } = (await import('../../src/charts/render.ts')) as { renderChart: (spec: ChartSpec) => RenderedChart };
  const out: ChartTiming[] = [];
  for (const { name, spec } of benchSpecs()) {
    // Warm up: the first calls pay for module initialisation and JIT.
    let rendered = renderChart(spec);
    for (let i = 0; i < 5; i++) renderChart(spec);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      rendered = renderChart(spec);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({
      name,
      type: spec.type,
      rows: spec.rows.length,
      runs,
      medianMs: quantile(times, 0.5),
      p90Ms: quantile(times, 0.9),
      svgBytes: Buffer.byteLength(rendered.svg),
    });
  }
  return out;
}
