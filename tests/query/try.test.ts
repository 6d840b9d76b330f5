import { test } from 'vitest';
import { sampleTables } from '/work/main/tests/query/sampleTables.ts';
import { evaluateFigure } from '/work/main/src/query/figure.ts';
test('try', () => {
  const t = sampleTables();
  for (const e of ['sum cleanup.garbage_t', 'sum cleanup.清理垃圾 where township=洋江镇', 'latest toilets.sanitary', 'latest toilets.sanitary where month=2023-05', 'latest toilets.coverage', 'mean toilets.coverage', 'count cleanup.village where month=2023年6月', 'max cleanup.month', 'min inspections.rank', 'sum cleanups.x', 'sum cleanup.garbage', 'total cleanup.garbage_t', 'sum cleanup.garbage_t where village=石塘村', 'sum cleanup.garbage_t where village=xx', 'mean construction-points.progress', 'sum construction-items.planned where township=洋江镇', 'latest toilets.public_toilets']) {
    const r = evaluateFigure(t, e);
    console.log(e, '=>', r.ok ? r.value.text : r.errors.map((x) => x.message).join(' | '));
  }
});
