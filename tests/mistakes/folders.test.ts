// Issue 18: a county office puts a township's file in a folder (contract §3.11, §5). A folder that
// is no township's is one error naming it; every report that uses the missing dataset gets one
// line naming the file found there, not one line per figure.
import { describe, expect, test } from 'vitest';
import { check, cleanup, excelCsv, fixture } from './excel.ts';

const report = [
  '---',
  'title: 六月通报',
  'date: 2023-07-01',
  '---',
  '共清理垃圾 {{ sum cleanup.garbage_t }} 吨，投入 {{ sum cleanup.spending_wan }} 万元。',
  '',
  '```chart',
  'preset: cleanup-monthly',
  '```',
  '',
  '长塘村 {{ sum cleanup.garbage_t where village=长塘村 }} 吨。',
  '',
].join('\n');

describe('data/洋江/cleanup.csv: a folder that is no township', () => {
  const root = fixture({
    'data/洋江/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10.5', '1']])),
    'content/reports/2023-06.md': report,
    'content/reports/2023-07.md': report.replace('六月', '七月'),
  });
  const { errors } = check(root);

  test('is one error naming the folder and the township it could have meant', () => {
    expect(errors.filter((l) => l.startsWith('data/'))).toEqual([
      expect.stringMatching(/^data\/洋江\/ foreign-key-error 文件夹 "洋江" 不是村庄名录中的乡镇.*cleanup\.csv 未读取.*是否应为「洋江镇」/),
    ]);
  });

  test('each report that uses cleanup gets one line naming the file that was not read', () => {
    const content = errors.filter((l) => l.startsWith('content/'));
    expect(content).toHaveLength(2);
    for (const [i, file] of ['2023-06', '2023-07'].entries()) {
      expect(content[i]).toMatch(new RegExp(`^content/reports/${file}\\.md:5 \\S+ 此报告中的 4 处图表或数字用不了数据集 cleanup：data/cleanup\\.csv 不存在（找到了 data/洋江/cleanup\\.csv`));
      expect(content[i]).toContain('涉及第 5、7、11 行');
    }
  });
});

describe('data/洋江镇/cleanup.csv: the township folder is read', () => {
  test('its rows are the site\'s, with no error', () => {
    const root = fixture({
      'data/洋江镇/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10.5', '1'], ['2023-06', '新塘村', '2', '1']])),
      'content/reports/2023-06.md': report,
    });
    const { project, errors } = check(root);
    expect(errors).toEqual([]);
    expect(project.reports[0]!.html).toContain('共清理垃圾 <span class="figure">12.5</span> 吨');
  });
});
