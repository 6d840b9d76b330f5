// Row shape against the header (contract §5 `extra-cell`, `missing-cell`). Excel writes trailing
// empty cells freely, so only a non-empty cell beyond the header is extra.
import type { GridRecord } from '../read/grid.ts';
import { headerWidth } from './headers.ts';
import { quote } from '../cells/quote.ts';
import { columnOf } from '../read/source.ts';
import type { Issue } from '../shapes/types.ts';

/**
 * The shape problem of a row, or null. `width` is the header's; `lacking` names the columns the
 * short row has no cell for.
 */
export function checkShape(path: string, record: GridRecord, width: number, lacking: (have: number) => string[]): Issue | null {
  const { line, cells } = record;
  if (cells.length < width) {
    const names = lacking(cells.length).map((l) => `「${l}」`);
    const which = names.length > 0 ? `，缺少${names.slice(0, 3).join('')}${names.length > 3 ? '等' : ''}列` : '';
    return {
      path,
      row: line,
      column: cells.length === 0 ? 1 : columnOf(record, cells.length - 1) + 1,
      code: 'missing-cell',
      message: `本行只有 ${cells.length} 格，表头有 ${width} 列${which}；请补齐（没有数据的格子留空即可）`,
    };
  }
  if (headerWidth(cells) > width) {
    const beyond = cells.slice(width);
    const extra = beyond.filter((c) => c.trim() !== '');
    const column = columnOf(record, width + beyond.findIndex((c) => c.trim() !== ''));
    const more = extra.length > 1 ? ` 等 ${extra.length} 格` : '';
    return {
      path,
      row: line,
      column,
      code: 'extra-cell',
      message: `第 ${column} 列有内容 ${quote(extra[0]!)}${more}，但表头只有 ${width} 列；请给这一列加上列名，或删去多余的内容`,
    };
  }
  return null;
}
