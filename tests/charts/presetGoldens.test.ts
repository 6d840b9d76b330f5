// A golden file for every preset of src/presets/presets.ts, wide and narrow, drawn from a small
// synthetic project (tests/support/synthetic.ts: seeded, so the same files every run) that has
// every dataset. A layout change shows here as a diff per preset; to accept many at once:
// `UPDATE_GOLDENS=1 npx vitest run --config tests/vitest.config.ts tests/charts/presetGoldens.test.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { loadProject } from '../../src/project/project.ts';
import { absentPresetDataset, presetNames, presetSpec } from '../../src/presets/presets.ts';
import { writeSyntheticProject } from '../support/synthetic.ts';
import { expectGolden } from './golden.ts';

const root = mkdtempSync(path.join(tmpdir(), 'preset-goldens-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// 12 villages in 3 townships, 8 months: small enough to read in a diff, enough for every preset.
writeSyntheticProject(root, { villages: 12, townships: 3, months: 8, reports: 0 });
const { tables } = loadProject(root, { base: '/', now: new Date('2022-09-15T12:00:00+08:00') });

describe('a golden file per preset (site-wide scope)', () => {
  test('the synthetic project has every dataset a preset draws from', () => {
    expect(presetNames.filter((name) => absentPresetDataset(tables, name) !== undefined)).toEqual([]);
  });

  for (const name of presetNames) {
    const chart = () => renderChart(presetSpec(tables, name, { kind: 'site' }));
    test(`${name} (wide)`, () => expectGolden(`preset-${name}.svg`, chart().svg));
    // a chart drawn once (drawnOnce: horizontal) has no second drawing on the page
    if (chart().svgNarrow !== '') test(`${name} (narrow)`, () => expectGolden(`preset-${name}-narrow.svg`, chart().svgNarrow));
  }
});
