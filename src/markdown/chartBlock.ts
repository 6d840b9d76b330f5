// The body of a ```chart block (contract §4.1): `key: value` lines, read into options with the
// line of each, so that an error names the line staff must fix. Pure: no tables, no rendering.
import { nameKey, nearest, suggestion } from '../data/cells/names.ts';
import type { ChartType } from '../charts/types.ts';

export const chartKeys = ['data', 'type', 'x', 'y', 'color', 'where', 'title', 'caption', 'preset', 'village', 'township'] as const;
export type ChartKey = (typeof chartKeys)[number];

export const chartTypes: readonly ChartType[] = ['bar', 'line', 'area', 'dot', 'table'];

/** Chinese names staff may use for the keys. */
const keyAliases: Record<string, ChartKey> = {
  数据: 'data',
  数据集: 'data',
  类型: 'type',
  图表类型: 'type',
  横轴: 'x',
  纵轴: 'y',
  颜色: 'color',
  分组: 'color',
  条件: 'where',
  筛选: 'where',
  标题: 'title',
  说明: 'caption',
  图注: 'caption',
  预设: 'preset',
  村: 'village',
  乡镇: 'township',
};

/** One `key: value` line; `line` is 0-based within the block body. */
export interface BlockEntry {
  key: ChartKey;
  value: string;
  line: number;
}

export interface BlockProblem {
  /** 0-based within the block body; `null`: the block as a whole (reported at its opening fence) */
  line: number | null;
  message: string;
  /** the unreadable data file this problem follows from (contract §5) */
  cause?: string;
}

export interface ParsedBlock {
  entries: BlockEntry[];
  problems: BlockProblem[];
}

/** Split the body into entries; unknown keys, malformed and repeated lines are problems. */
export function parseChartBlock(body: string): ParsedBlock {
  const entries: BlockEntry[] = [];
  const problems: BlockProblem[] = [];
  body.split(/\r?\n/).forEach((raw, line) => {
    const text = raw.trim();
    if (text === '') return;
    // Keys are compared after NFKC; values (titles, captions) are kept as written, full-width colons included.
    const m = /^([^:：]+?)\s*[:：]\s*(.*)$/u.exec(text);
    if (!m) {
      problems.push({ line, message: `无法识别的一行 "${raw.trim()}"：每行应写成 键: 值，如 data: cleanup` });
      return;
    }
    const name = nameKey(m[1]!);
    const key = (chartKeys as readonly string[]).includes(name) ? (name as ChartKey) : keyAliases[name];
    if (key === undefined) {
      const near = nearest(m[1]!, [...chartKeys.map((k) => [k, k] as const), ...Object.entries(keyAliases)]);
      problems.push({
        line,
        message: `未知的图表设置 "${m[1]!.trim()}"${near === undefined ? `（可用：${chartKeys.join('、')}）` : suggestion(near)}`,
      });
      return;
    }
    const value = m[2]!.trim();
    if (value === '') {
      problems.push({ line, message: `"${key}" 没有填写值` });
      return;
    }
    const earlier = entries.find((e) => e.key === key);
    if (earlier && key !== 'where') {
      problems.push({ line, message: `"${key}" 重复出现（第一次在本图表块的第 ${earlier.line + 1} 行）；每项只能写一次` });
      return;
    }
    entries.push({ key, value, line });
  });
  return { entries, problems };
}

export function isChartType(name: string): name is ChartType {
  return (chartTypes as readonly string[]).includes(name);
}
