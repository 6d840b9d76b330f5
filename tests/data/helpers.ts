// Shared test helpers: build data/*.csv files in memory and load them.
import { loadTables, type DataFile } from '../../src/data/load.ts';
import { formatIssue, sortIssues } from '../../src/data/report.ts';
import type { Issue } from '../../src/data/types.ts';

export const encoder = new TextEncoder();

/** A villages.csv good enough for the other datasets to reference (新村 is in two townships). */
export const VILLAGES = [
  '编号,村名,乡镇,类型,户数,人口',
  'v1,长塘村,洋江镇,行政村,512,1800',
  'v2,前江村,洋江镇,行政村,400,1500',
  'xc-yj,新村,洋江镇,,300,1000',
  'xc-hk,新村,河口镇,社区,200,800',
].join('\n');

export function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** `{ 'cleanup': 'text' }` → data files; villages.csv is added unless given (or set to null). */
export function dataFiles(files: Record<string, string | Uint8Array | null>): DataFile[] {
  const all: Record<string, string | Uint8Array | null> = { villages: VILLAGES, ...files };
  return Object.entries(all)
    .filter((e): e is [string, string | Uint8Array] => e[1] !== null)
    .map(([name, body]) => ({
      path: `data/${name}.csv`,
      bytes: typeof body === 'string' ? encoder.encode(body) : body,
    }));
}

export function load(files: Record<string, string | Uint8Array | null>) {
  const result = loadTables(dataFiles(files));
  return { ...result, lines: sortIssues(result.issues).map(formatIssue) };
}

/** Issues of one code (or all errors when code is omitted). */
export function only(issues: Issue[], code?: string): Issue[] {
  return issues.filter((i) => (code === undefined ? i.code !== 'warning' : i.code === code));
}
