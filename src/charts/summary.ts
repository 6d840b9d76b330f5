// The sentence under every chart (and its SVG <desc>): what the drawn rows say, in Chinese.
// Month series: the total (flows), the latest level (stocks) or the highest month (rates), and the
// last month against the one before; categories: largest and smallest; series: the figure of
// each; a target: the gap to it. Only flows are summed over months; rates never are.
import { formatChange, formatMonth, formatMonthShort, percentPoints, roundPercent } from '../format.ts';
import { formatDifference, formatKey, formatValue, isPercent, seriesName, targetName } from './labels.ts';
import type { ChartData, Datum } from './rows.ts';
import type { ChartSpec } from './types.ts';

type Drawn = Datum & { y: number };

interface Figure {
  key: string;
  y: number;
  approx: boolean;
}

/** The summary sentence, ending in `。`. */
export function chartSummary(spec: ChartSpec, chart: ChartData): string {
  const drawn = chart.data.filter((d): d is Drawn => d.y !== null);
  if (drawn.length === 0) return '暂无数据。';
  const clauses = spec.x.type === 'month' ? monthClauses(spec, drawn) : categoryClauses(spec, drawn);
  return `${clauses.filter((c) => c !== '').join('；')}。`;
}

type Measure = NonNullable<ChartSpec['y']['measure']>;

/** How the figures add up: the field says, else percentages are rates and bars and areas flows. */
export function measureOf(spec: ChartSpec): Measure {
  if (spec.y.measure) return spec.y.measure;
  if (isPercent(spec.y)) return 'rate';
  return spec.type === 'bar' || spec.type === 'area' ? 'flow' : 'rate';
}

function monthClauses(spec: ChartSpec, drawn: Drawn[]): string[] {
  const measure = measureOf(spec);
  const months = sumBy(drawn, (d) => d.x);
  const first = months[0]!;
  const last = months.at(-1)!;
  const previous = months.at(-2);
  const sameYear = first.key.slice(0, 4) === last.key.slice(0, 4);
  const name = (m: string) => (sameYear ? formatMonthShort(m) : formatMonth(m));
  const range =
    first.key === last.key
      ? formatMonth(first.key)
      : `${formatMonth(first.key)}至${sameYear ? formatMonthShort(last.key) : formatMonth(last.key)}`;
  const value = (f: Figure) => formatValue(spec.y, f.y, f.approx);
  const series = (rows: Drawn[]) => seriesList(spec, sumBy(rows, (d) => seriesName(spec, d.color!)), true);
  const label = spec.y.label;
  const lastChange = () => (previous ? compare(name(last.key), name(previous.key), change(spec, last, previous)) : '');

  if (measure === 'flow') {
    const total = sum(drawn);
    let head = `${range}共${label} ${value(total)}`;
    if (spec.color) head += `，其中${series(drawn)}`;
    if (previous) {
      const peaks = extremes(months, 1);
      head += `，${peaks.map((p) => name(p.key)).join('、')}最多（${value(peaks[0]!)}）`;
    }
    return [head, lastChange(), targetGap(spec, total)];
  }

  if (measure === 'stock') {
    // A level at month end: the latest month's, never a sum over months.
    let head = `截至${formatMonth(last.key)}共有${label} ${value(last)}`;
    if (spec.color) head += `，其中${series(drawn.filter((d) => d.x === last.key))}`;
    return [head, lastChange(), targetGap(spec, last)];
  }

  if (spec.color) {
    // Rates per series: each series' latest figure.
    const list = latestBy(drawn, (s) => seriesName(spec, s))
      .map((f) => ({ ...f, key: f.month === last.key ? f.key : `${f.key}（${formatMonth(f.month)}）` }))
      .sort((a, b) => b.y - a.y);
    return [`截至${formatMonth(last.key)}，${label}${list.length > 6 ? '' : '：'}${seriesList(spec, list, false)}`];
  }
  if (!previous) return [`${range}${label}为 ${value(first)}`, targetGap(spec, first)];
  const peaks = extremes(months, 1);
  const head = `${range}，${label}${peaks.map((p) => name(p.key)).join('、')}最高（${value(peaks[0]!)}）`;
  const versus = compare('', name(previous.key), change(spec, last, previous));
  return peaks.length === 1 && peaks[0] === last
    ? [`${head}，${versus}`, targetGap(spec, last)]
    : [head, `${name(last.key)}为 ${value(last)}，${versus}`, targetGap(spec, last)];
}

function categoryClauses(spec: ChartSpec, drawn: Drawn[]): string[] {
  const summable = measureOf(spec) !== 'rate';
  const value = (f: Figure) => formatValue(spec.y, f.y, f.approx);
  const names = (fs: Figure[]) => fs.map((f) => formatKey(spec.x, f.key)).join('、');
  const label = spec.y.label;
  const [most, least] = summable ? ['最多', '最少'] : ['最高', '最低'];

  if (spec.color && !summable) {
    // Rates per category and series: the highest and lowest single figures.
    const figures = drawn.map((d) => ({ key: `${seriesName(spec, d.color!)}${formatKey(spec.x, d.x)}`, y: d.y, approx: d.approx }));
    const [top, bottom] = [extremes(figures, 1)[0]!, extremes(figures, -1)[0]!];
    return [`${label}${most}的是${top.key}（${value(top)}），${least}的是${bottom.key}（${value(bottom)}）`];
  }
  const categories = sumBy(drawn, (d) => d.x);
  const total = sum(drawn);
  const parts: string[] = [];
  if (categories.length === 1) {
    parts.push(`${names(categories)}${label} ${value(categories[0]!)}`);
  } else {
    const top = extremes(categories, 1);
    const bottom = extremes(categories, -1);
    const spread =
      top[0]!.y === bottom[0]!.y
        ? `各${spec.x.label}${label}均为 ${value(top[0]!)}`
        : `${names(top)}${most}（${value(top[0]!)}），${names(bottom)}${least}（${value(bottom[0]!)}）`;
    parts.push(
      summable
        ? `各${spec.x.label}共${label} ${value(total)}` +
            (spec.color ? `，其中${seriesList(spec, sumBy(drawn, (d) => seriesName(spec, d.color!)), true)}` : '') +
            `；${spread}`
        : top[0]!.y === bottom[0]!.y
          ? spread
          : `各${spec.x.label}中，${names(top)}${label}${most}（${value(top[0]!)}），${names(bottom)}${least}（${value(bottom[0]!)}）`,
    );
  }
  if (spec.target) {
    if (summable) parts.push(targetGap(spec, total));
    else if (categories.length === 1) parts.push(targetGap(spec, categories[0]!));
    else {
      const shown = (y: number) => (isPercent(spec.y) ? roundPercent(y) : y);
      const reached = categories.filter((c) => shown(c.y) >= spec.target!.value).length;
      const goal = `${targetName(spec.target)}（${formatValue(spec.y, spec.target.value)}）`;
      parts.push(
        reached === categories.length
          ? `均已达到${goal}`
          : reached === 0
            ? `均未达到${goal}`
            : `${reached} 个${spec.x.label}已达到${goal}，${categories.length - reached} 个未达到`,
      );
    }
  }
  return parts;
}

/** `增加 12 吨` / `减少 12 吨` / `持平`; percentages: `提高 1.2 个百分点` / `下降 …`. */
function change(spec: ChartSpec, now: Figure, before: Figure): string {
  const approx = now.approx || before.approx;
  if (!isPercent(spec.y)) return formatChange(now.y - before.y, spec.y.unit ?? '', approx);
  // Percentages are compared as shown (one decimal), so the sentence agrees with the figures.
  const diff = percentPoints(now.y, before.y);
  if (Math.abs(diff) < 0.05) return '持平';
  return `${diff > 0 ? '提高' : '下降'} ${formatDifference(spec.y, Math.abs(diff), approx)}`;
}

/** `6月比5月减少 12 吨`, but `6月与5月持平`. */
function compare(now: string, before: string, change: string): string {
  return change === '持平' ? `${now}与${before}持平` : `${now}比${before}${change}`;
}

/** The gap between a figure (a total, or the latest rate) and the target, if there is one. */
function targetGap(spec: ChartSpec, figure: Figure): string {
  if (!spec.target) return '';
  const goal = `${targetName(spec.target)}（${formatValue(spec.y, spec.target.value)}）`;
  const gap = isPercent(spec.y) ? percentPoints(spec.target.value, figure.y) : spec.target.value - figure.y;
  return gap > 1e-9 ? `距${goal}还差 ${formatDifference(spec.y, gap, figure.approx)}` : `已达到${goal}`;
}

/** `长塘村 600 吨、石门村 400 吨`; past six series, the first three and the last. */
function seriesList(spec: ChartSpec, figures: Figure[], summable: boolean): string {
  const sorted = [...figures].sort((a, b) => b.y - a.y);
  const item = (f: Figure) => `${f.key} ${formatValue(spec.y, f.y, f.approx)}`;
  if (sorted.length <= 6) return sorted.map(item).join('、');
  const [most, least] = summable ? ['最多', '最少'] : ['最高', '最低'];
  return `${sorted.slice(0, 3).map(item).join('、')}${most}，${item(sorted.at(-1)!)}${least}`;
}

function sum(figures: readonly { y: number; approx: boolean }[]): Figure {
  return { key: '', y: figures.reduce((s, f) => s + f.y, 0), approx: figures.some((f) => f.approx) };
}

/** Figures summed by key, in order of first appearance (the drawing order). */
function sumBy(drawn: readonly Drawn[], key: (d: Datum) => string): Figure[] {
  const groups = new Map<string, Figure>();
  for (const d of drawn) {
    const k = key(d);
    const group = groups.get(k) ?? { key: k, y: 0, approx: false };
    group.y += d.y;
    group.approx ||= d.approx;
    groups.set(k, group);
  }
  return [...groups.values()];
}

/** Each series' figure in its latest month. */
function latestBy(drawn: readonly Drawn[], name: (series: string) => string): (Figure & { month: string })[] {
  const latest = new Map<string, Figure & { month: string }>();
  for (const d of drawn) latest.set(d.color!, { key: name(d.color!), y: d.y, approx: d.approx, month: d.x });
  return [...latest.values()];
}

/** All figures sharing the largest (sign 1) or smallest (sign -1) value, in order. */
function extremes(figures: readonly Figure[], sign: 1 | -1): Figure[] {
  const best = Math.max(...figures.map((f) => sign * f.y));
  return figures.filter((f) => sign * f.y === best);
}
