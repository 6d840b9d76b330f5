import { expect, test } from 'vitest';
import { scopeName } from '../../src/metrics/scope.ts';
import { datasetView } from '../../src/query/view.ts';
import { sampleCsv, tablesFrom } from './sampleTables.ts';

test("a target's scope reads as on the targets panel (scopeName), shared names with their township", () => {
  const tables = tablesFrom({
    ...sampleCsv,
    targets: ['metric,value,due,scope', 'toilet_coverage,90,2023-12,', 'toilet_coverage,95,2023-12,白沙镇', 'garbage_t,500,2023-12,v3'].join('\n'),
  });
  const view = datasetView(tables, 'targets')!;
  const shown = view.rows.map((r) => r.scope);
  expect(shown).toEqual(tables.targets!.rows.map((t) => scopeName(tables, t.scope)));
  expect(shown).toEqual(['全部乡镇', '白沙镇', '石塘村（白沙镇）']);
});
