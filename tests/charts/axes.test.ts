import { expect, test } from 'vitest';
import { fitText, textWidth } from '../../src/charts/layout.ts';
import { monthRange, monthTickLabels, monthTicks } from '../../src/charts/months.ts';
import { niceAxis, ticksWithin } from '../../src/charts/ticks.ts';

test('monthRange fills every month, across years', () => {
  expect(monthRange('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
});

test('monthTicks keeps calendar positions', () => {
  expect(monthTicks(monthRange('2023-01', '2023-12'), 3)).toEqual(['2023-01', '2023-04', '2023-07', '2023-10']);
});

test('monthTickLabels: 7月 within a year; the year where a range starts or the year changes', () => {
  expect([...monthTickLabels(['2023-01', '2023-02']).values()]).toEqual(['1月', '2月']);
  expect([...monthTickLabels(['2022-11', '2022-12', '2023-01', '2023-02']).values()]).toEqual([
    '2022年11月',
    '12月',
    '2023年1月',
    '2月',
  ]);
});

test('niceAxis starts at zero and ends on a round number; ticks have no float noise', () => {
  expect(niceAxis(0, 230, 5)).toEqual({ domain: [0, 250], ticks: [0, 50, 100, 150, 200, 250] });
  expect(ticksWithin([0, 0.3], 3)).toEqual([0, 0.1, 0.2, 0.3]);
  expect(niceAxis(0, 0, 4).domain[1]).toBeGreaterThan(0);
});

test('textWidth counts Chinese characters as one em', () => {
  expect(textWidth('长塘村', 14)).toBe(42);
  expect(fitText('一二三四五六', 50, 10)).toBe('一二三四…');
});

test('a nice domain ends on a tick (d3-array nice): 1,234 over 4 ticks is 0–1,500, not 0–1,400', () => {
  expect(niceAxis(0, 1234, 4)).toEqual({ domain: [0, 1500], ticks: [0, 500, 1000, 1500] });
  expect(niceAxis(-30, 230, 5).domain).toEqual([-50, 250]);
});
