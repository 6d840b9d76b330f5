// toilets.csv (contract §3.5): the monthly toilet revolution report, a stock of sanitary toilets.
import { cellOf, monthOf, quantityOf, stringOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import type { Quantity } from '../shapes/types.ts';
import { trimFloat } from '../../floatNoise.ts';
import { stockColumns, stockFalls } from './stocks.ts';
import { monthText } from '../table/mistakes.ts';
import { note, reportMonth, reportVillage, show } from './columns.ts';

function row(v: Values, line: number) {
  return {
    line,
    month: monthOf(v, 'month'),
    /** village id */
    village: stringOf(v, 'village'),
    sanitary: quantityOf(v, 'sanitary'),
    converted: cellOf(v, 'converted'),
    public_toilets: cellOf(v, 'public_toilets'),
    note: textOf(v, 'note'),
  };
}

export type ToiletRow = ReturnType<typeof row>;

export const toiletsSchema: DatasetSchema<'toilets', ToiletRow, false> = {
  name: 'toilets',
  table: 'toilets',
  title: '厕所革命',
  required: false,
  columns: [
    reportMonth,
    reportVillage,
    { key: 'sanitary', label: '无害化卫生户厕(户)', type: 'integer', unit: '户', required: true },
    { key: 'converted', label: '当月改厕(户)', type: 'integer', unit: '户' },
    { key: 'public_toilets', label: '公厕(座)', type: 'integer', unit: '座' },
    note,
  ],
  unique: [['month', 'village']],
  monthly: true,
  wide: 'sanitary',
  build: row,
  checkRow(values, refs) {
    const sanitary = values.get('sanitary') as Quantity | null | undefined;
    const id = values.get('village') as string | undefined;
    const village = id === undefined ? undefined : refs.villages?.byId.get(id);
    if (sanitary && village && sanitary.value > village.households) {
      return [
        {
          key: 'sanitary',
          code: 'constraint-error',
          message: `「无害化卫生户厕(户)」为 ${show(sanitary)}，超过该村户数 ${village.households}`,
        },
      ];
    }
    return [];
  },
  checkRows(rows) {
    // A stock never falls in silence (§3.9): the 备注 of the row says why, or it is an error.
    return stockFalls(rows)
      .filter((f) => f.note === null)
      .map((f) => {
        const { label, unit } = stockColumns.find((c) => c.key === f.key)!;
        const column = toiletsSchema.columns.find((c) => c.key === f.key)!.label;
        // the previous report in another file or sheet of the dataset (§3.9, §3.11) is named with it
        const there = (f.previous.row as { path?: string }).path;
        const where = there !== undefined && there !== (f.row as { path?: string }).path ? `${there} ` : '';
        return {
          line: f.line,
          row: f.row,
          key: f.key,
          code: 'constraint-error' as const,
          message:
            `「${column}」${monthText(f.month)}为 ${show(f.value)}，比上次上报的${monthText(f.previous.month)}（${where}第 ${f.previous.line} 行）` +
            `的 ${show(f.previous.value)} 少 ${trimFloat(f.previous.value.value - f.value.value)} ${unit}：${label}是月底的累计数，不会减少；` +
            `若是打错了请改正；若确实减少了（如拆除危房），请在本行「备注」中写明原因（如“拆除 2 户危房”），网站会把原因显示在该数字旁`,
        };
      });
  },
};
