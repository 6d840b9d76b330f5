// Writes the sample ledger data/台账.xlsx from the tidy data/inspections.csv it replaced: the
// 月度考评 sheet as a township office keeps it — a merged title carrying the year, a 填报 row,
// 序号, 乡镇 beside 村 (telling apart the two 新塘村), one column per month, footer rows.
//   tsx tests/support/sampleLedger.ts <inspections.csv> <out.xlsx>
import { readFileSync, writeFileSync } from 'node:fs';
import { writeWorkbook, type Cell } from './workbook.ts';

const [input, output] = process.argv.slice(2);
const villages = readFileSync('data/villages.csv', 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const byId = new Map(villages.map(([id, name, township]) => [id!, { name: name!, township: township! }]));
const byName = new Map(villages.map(([, name, township]) => [name!, { name: name!, township: township! }]));
const lines = readFileSync(input!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const months = [...new Set(lines.map((l) => l[0]!))];
const order: string[] = [];
const scores = new Map<string, Map<string, number>>();
for (const [month, ref, score] of lines) {
  if (!scores.has(ref!)) {
    scores.set(ref!, new Map());
    order.push(ref!);
  }
  scores.get(ref!)!.set(month!, Number(score));
}
const monthLabels = months.map((m) => `${Number(/年(\d+)月/.exec(m)![1])}月`);
const width = 4 + months.length;
const rows: Cell[][] = [
  ['洋江镇、楠杆镇2023年村庄人居环境整治月度考评得分表', ...Array<null>(width - 1).fill(null)],
  ['填报单位：镇人居环境整治办公室', null, null, null, null, '填报日期：2023年7月5日', ...Array<null>(width - 6).fill(null)],
  ['序号', '乡镇', '村', ...monthLabels, '备注'],
  ...order.map((ref, i) => {
    const v = byId.get(ref) ?? byName.get(ref)!;
    return [i + 1, v.township, v.name, ...months.map((m) => scores.get(ref)!.get(m) ?? null), null];
  }),
  ['填报人：李明', null, null, '审核人：王芳', ...Array<null>(width - 4).fill(null)],
  ['说明：满分 100 分，每月 5 日前报镇人居办。', ...Array<null>(width - 1).fill(null)],
];
const last = String.fromCharCode(64 + width);
writeFileSync(
  output!,
  writeWorkbook([
    { name: '月度考评', rows, merges: [`A1:${last}1`, `A${rows.length - 1}:C${rows.length - 1}`, `A${rows.length}:${last}${rows.length}`] },
  ]),
);
console.log(`wrote ${output}: ${order.length} villages × ${months.length} months`);
