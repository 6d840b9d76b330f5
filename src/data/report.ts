// The error report (contract §5): one line per problem, errors before warnings; lines grouped by
// file, data files before content, a file's structural problem first. The same problem on three or
// more consecutive rows of one column is one line; problems that only follow from an unreadable
// data file (a chart or figure over it) are one line naming that file. Then a summary.
import type { Issue, IssueCode } from './types.ts';

const isError = (issue: Issue) => issue.code !== 'warning';

/** Data files (and the loader's own `data` lines) before content. */
function fileRank(path: string): number {
  return path === 'data' || path.startsWith('data/') || path.startsWith('data[') ? 0 : 1;
}

const HEADER_CODES: ReadonlySet<IssueCode> = new Set(['blank-header', 'duplicate-header', 'unknown-header', 'missing-column']);

/** 0: the file cannot be read at all; 1: its header; 2: its rows. */
function structuralRank(issue: Issue): number {
  if (issue.structural || issue.code === 'encoding-error' || issue.row === undefined) return 0;
  if (HEADER_CODES.has(issue.code)) return 1;
  return 2;
}

function compare(a: Issue, b: Issue): number {
  if (isError(a) !== isError(b)) return isError(a) ? -1 : 1;
  const rank = fileRank(a.path) - fileRank(b.path);
  if (rank !== 0) return rank;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const structural = structuralRank(a) - structuralRank(b);
  if (structural !== 0) return structural;
  // A whole-file problem (no row) comes before the file's rows.
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0) return row;
  return (a.column ?? 0) - (b.column ?? 0);
}

/** Errors before warnings; then data files before content, by path, structure, row, column (stable). */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(compare);
}

/** Runs of at least this many consecutive rows with the same problem in one column are one line. */
export const RUN_LENGTH = 3;

/**
 * The problem a message names, without the values it quotes: `「月份」应为年月，实际为 "45108"…` and
 * `… "45139"…` are the same problem (Excel's date serials down a whole column).
 */
function problemOf(issue: Issue): string {
  // A reference to another file names what is missing there: each name is a problem of its own.
  if (issue.code === 'foreign-key-error' || issue.code === 'unique-error') return issue.message;
  // A workbook message ends with its cell (`（单元格 C14）`), different on every row.
  return issue.message.replace(/"[^"]*"/g, '""').replace(/（单元格 [A-Z]+\d+）$/, '');
}

/**
 * `data/x.csv:3:3 … 实际为 "十吨"` on rows 3, 4, …, 74 → one line at row 3 (quoting the first
 * row's value) ending `（第 3–74 行同样的问题，共 72 处）`. The same problem: same file, column,
 * code and message but for the values it quotes.
 */
function collapseRuns(sorted: Issue[]): Issue[] {
  const out: Issue[] = [];
  // Open runs of the current file by (code, column, message): the issues of the run, and where
  // its first issue stands in `out` (the later ones are held back until the run ends).
  const open = new Map<string, { issues: Issue[]; at: number }>();
  const close = (key: string) => {
    const { issues, at } = open.get(key)!;
    open.delete(key);
    const first = issues[0]!;
    const last = issues.at(-1)!;
    if (issues.length >= RUN_LENGTH) {
      out[at] = { ...first, message: `${first.message}（第 ${first.row}–${last.row} 行同样的问题，共 ${issues.length} 处）` };
    } else out.push(...issues.slice(1)); // too short: every row keeps its own line
  };
  let path = '';
  for (const issue of sorted) {
    if (issue.path !== path) {
      for (const key of [...open.keys()]) close(key);
      path = issue.path;
    }
    if (issue.row === undefined || issue.column === undefined) {
      out.push(issue);
      continue;
    }
    const key = `${issue.code}\u0000${issue.column}\u0000${problemOf(issue)}`;
    const run = open.get(key);
    if (run && run.issues.at(-1)!.row === issue.row - 1) {
      run.issues.push(issue);
      continue;
    }
    if (run) close(key);
    out.push(issue);
    open.set(key, { issues: [issue], at: out.length - 1 });
  }
  for (const key of [...open.keys()]) close(key);
  // Short runs appended their held-back rows at the end: put every line back in its place.
  return sortIssues(out);
}

/**
 * Content problems that only follow from an unreadable data file → one line per such file, at the
 * first of them, naming every report and line that could not use its data.
 */
function foldConsequences(issues: Issue[]): Issue[] {
  const byCause = new Map<string, Issue[]>();
  const out: Issue[] = [];
  // A crash inside the tool (internal-error) pulls no consequence lines after it (§5).
  const crashed = new Set(issues.filter((i) => i.internal).map((i) => i.path));
  for (const issue of issues) {
    if (issue.cause !== undefined && crashed.has(issue.cause)) continue;
    // A warning with a cause (a chart left empty by an unreadable file) folds into the same line.
    if (issue.cause === undefined) {
      out.push(issue);
      continue;
    }
    const list = byCause.get(issue.cause);
    if (list) list.push(issue);
    else byCause.set(issue.cause, [issue]);
  }
  for (const [cause, list] of byCause) {
    const sorted = sortIssues(list);
    const files = new Map<string, number[]>();
    for (const i of sorted) {
      const rows = files.get(i.path) ?? [];
      if (i.row !== undefined && !rows.includes(i.row)) rows.push(i.row);
      files.set(i.path, rows);
    }
    const where = [...files]
      .map(([path, rows]) => (rows.length > 0 ? `${path}（第 ${rows.sort((a, b) => a - b).join('、')} 行）` : path))
      .join('、');
    // At the first error among them (a warning only when all are warnings).
    const first = sorted[0]!;
    const n = sorted.length;
    out.push({
      path: first.path,
      ...(first.row !== undefined && { row: first.row }),
      code: first.code,
      message:
        `${files.size > 1 ? `${files.size} 篇报告` : '此报告'}中的 ${n} 处图表或数字用不了 ${cause} 的数据：` +
        `该文件未能读取（原因见上方 ${cause} 的错误），改正该文件后这些图表和数字即可生成。涉及：${where}`,
    });
  }
  return out;
}

/** The report's lines, in order: consequences folded, runs collapsed, sorted (contract §5). */
export function arrangeIssues(issues: Issue[]): Issue[] {
  return collapseRuns(sortIssues(foldConsequences(issues)));
}

/** `data/cleanup.csv:14:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"` */
export function formatIssue(issue: Issue): string {
  let where = issue.path;
  if (issue.row !== undefined) {
    where += `:${issue.row}`;
    if (issue.column !== undefined) where += `:${issue.column}`;
  }
  return `${where} ${issue.code} ${issue.message}`;
}

export function hasErrors(issues: Issue[]): boolean {
  return issues.some(isError);
}

/** Every problem, arranged, one per line, then a one-line summary in Chinese. */
export function formatReport(issues: Issue[]): string {
  const lines = arrangeIssues(issues);
  const errors = lines.filter(isError).length;
  const warnings = lines.length - errors;
  const summary =
    errors > 0
      ? `共 ${errors} 个错误、${warnings} 个警告。`
      : warnings > 0
        ? `检查通过：没有错误，有 ${warnings} 个警告。`
        : '检查通过：没有错误。';
  return [...lines.map(formatIssue), summary].join('\n');
}
