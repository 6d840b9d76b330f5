// Issue 18: a crash inside a reader is the tool's fault. It is `internal-error` at the file being
// read, in Chinese, never a user's code (encoding-error), and pulls no consequence lines after it
// (contract §5). The crash is forced with a mock, as a bug would cause it.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { check, cleanup, excelCsv, fixture } from './excel.ts';

const mutant = vi.hoisted(() => ({ dataset: '' }));

vi.mock('../../src/data/known.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/data/known.ts')>();
  return {
    ...actual,
    loadKnown: (...args: Parameters<typeof actual.loadKnown>) => {
      if (args[0].name === mutant.dataset) throw new RangeError('Maximum call stack size exceeded');
      return actual.loadKnown(...args);
    },
  };
});

afterEach(() => {
  mutant.dataset = '';
});

describe('a crash inside a reader (contract §5)', () => {
  test('is one internal-error line at the file, in Chinese, with no consequence lines', () => {
    const root = fixture({
      'data/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10', '1'], ['2023-06', '前江村', '12', '1']])),
      'content/reports/2023.md': '---\ntitle: 半年报\ndate: 2023-07-01\n---\n清理垃圾 {{ sum cleanup.garbage_t }} 吨。\n\n```chart\npreset: cleanup-monthly\n```\n',
    });
    mutant.dataset = 'cleanup';
    const { errors } = check(root);
    expect(errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv internal-error 读取此文件时本工具出现内部错误/)]);
    expect(errors.join('\n')).not.toMatch(/Maximum|encoding-error|不存在/);
  });

  test('without the crash the same project is clean', () => {
    const root = fixture({
      'data/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10', '1'], ['2023-06', '前江村', '12', '1']])),
    });
    expect(check(root).errors).toEqual([]);
  });
});
