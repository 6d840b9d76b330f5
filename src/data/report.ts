// The error report (contract §5): one line per problem, errors before warnings; lines grouped by
// file, data files before content, a file's structural problem first. The same problem on three or
// more consecutive rows of one column is one line; problems that only follow from an unreadable
// data file (a chart or figure over it) are one line naming that file. Then a summary.
import { absentOf, folderOf } from './folders.ts';
import { columnName } from './read/source.ts';
import type { Issue, IssueCode } from './types.ts';

const isError = (issue: Issue) => issue.code !== 'warning';

/**
 * Data files (and the loader's own `data` lines) before content; first of all, a data file with a
 * row that rows of other files follow from (villages.csv: the cause comes first, §5).
 */
function fileRank(path: string, causes: ReadonlySet<string>): number {
  if (causes.has(path)) return 0;
  return path === 'data' || path.startsWith('data/') || path.startsWith('data[') ? 1 : 2;
}

const HEADER_CODES: ReadonlySet<IssueCode> = new Set(['blank-header', 'duplicate-header', 'unknown-header', 'missing-column']);

/** 0: the file cannot be read at all; 1: its header; 2: its rows. */
function structuralRank(issue: Issue): number {
  if (issue.structural || issue.code === 'encoding-error' || issue.row === undefined) return 0;
  if (HEADER_CODES.has(issue.code)) return 1;
  return 2;
}

/** Where an issue is listed: one that follows from a row of another file stands right after that row. */
function placeOf(issue: Issue): Issue {
  return issue.follows === undefined ? issue : { ...issue, path: issue.follows.path, row: issue.follows.row, column: Infinity };
}

function compare(x: Issue, y: Issue, causes: ReadonlySet<string>): number {
  if (isError(x) !== isError(y)) return isError(x) ? -1 : 1;
  const a = placeOf(x);
  const b = placeOf(y);
  const rank = fileRank(a.path, causes) - fileRank(b.path, causes);
  if (rank !== 0) return rank;
  // A county's files: data/ itself, then each township's folder in turn (§3.11).
  const folder = reportFolder(a.path).localeCompare(reportFolder(b.path));
  if (folder !== 0) return folder;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const structural = structuralRank(a) - structuralRank(b);
  if (structural !== 0) return structural;
  // A whole-file problem (no row) comes before the file's rows.
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0) return row;
  const column = (a.column ?? 0) - (b.column ?? 0);
  return Number.isNaN(column) ? 0 : column;
}

/** The township folder a data file's line belongs to (`洋江镇`), '' for data/ itself and content. */
function reportFolder(path: string): string {
  return path === 'data' || path.startsWith('data/') || path.startsWith('data[') ? folderOf(path) : '';
}

/**
 * Errors before warnings; then data files before content (a file other files' rows follow from
 * first), by path, structure, row, column (stable).
 */
export function sortIssues(issues: Issue[]): Issue[] {
  const causes = new Set(issues.flatMap((i) => (i.follows === undefined ? [] : [i.follows.path])));
  return [...issues].sort((a, b) => compare(a, b, causes));
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
    if (issue.follows !== undefined) {
      out.push(issue); // listed in another file's rows: it neither opens nor ends a run there
      continue;
    }
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
 * A header problem on three or more consecutive cells of one row (a title merged across the whole
 * first row gives 16,383 duplicate names) → one line at the first cell naming the columns and the
 * count, as runs down a column are (contract §5).
 */
function collapseHeaderRuns(sorted: Issue[]): Issue[] {
  const out: Issue[] = [];
  let run: Issue[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first === undefined || last === undefined) return;
    if (run.length >= RUN_LENGTH) {
      const span = `第 ${first.column}–${last.column} 列（${columnName(first.column!)}–${columnName(last.column!)}）`;
      out.push({ ...first, message: `${first.message}（${span}同样的问题，共 ${run.length} 处）` });
    } else out.push(...run);
    run = [];
  };
  for (const issue of sorted) {
    const prev = run.at(-1);
    const joins =
      prev !== undefined &&
      HEADER_CODES.has(issue.code) &&
      issue.follows === undefined &&
      issue.path === prev.path &&
      issue.row === prev.row &&
      issue.code === prev.code &&
      issue.column === (prev.column ?? NaN) + 1 &&
      problemOf(issue) === problemOf(prev);
    if (joins) {
      run.push(issue);
      continue;
    }
    flush();
    if (HEADER_CODES.has(issue.code) && issue.row !== undefined && issue.column !== undefined) run.push(issue);
    else out.push(issue);
  }
  flush();
  return out;
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
    // An absent dataset: one line per report that uses it (contract §5).
    const key = absentOf(issue.cause) === null ? issue.cause : `${issue.cause}\u0001${issue.path}`;
    const list = byCause.get(key);
    if (list) list.push(issue);
    else byCause.set(key, [issue]);
  }
  for (const list of byCause.values()) {
    const cause = list[0]!.cause!;
    const sorted = sortIssues(list);
    const absent = absentOf(cause);
    if (absent !== null) {
      const first = sorted[0]!;
      const rows = [...new Set(sorted.map((i) => i.row).filter((r) => r !== undefined))];
      out.push({
        path: first.path,
        ...(first.row !== undefined && { row: first.row }),
        code: first.code,
        message:
          sorted.length === 1
            ? first.message
            : `此报告中的 ${sorted.length} 处图表或数字用不了数据集 ${absent.dataset}：${absent.text}。涉及第 ${rows.join('、')} 行`,
      });
      continue;
    }
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
        `该文件（或其中的行）未能读取（原因见上方 ${cause} 的错误），改正该文件后这些图表和数字即可生成。涉及：${where}`,
    });
  }
  return out;
}

/**
 * Rows of other files that name a village row which cannot be read (contract §5: the row is the
 * cause) → one line, listed right after that row's own problem, naming every row left out.
 */
function foldFollowers(issues: Issue[]): Issue[] {
  const byCause = new Map<string, Issue[]>();
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.follows === undefined) {
      out.push(issue);
      continue;
    }
    const key = `${issue.follows.path}\u0000${issue.follows.row}`;
    const list = byCause.get(key);
    if (list) list.push(issue);
    else byCause.set(key, [issue]);
  }
  for (const list of byCause.values()) {
    const sorted = [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.row ?? 0) - (b.row ?? 0)));
    const first = sorted[0]!;
    if (sorted.length === 1) {
      out.push(first);
      continue;
    }
    const files = new Map<string, number[]>();
    for (const i of sorted) files.set(i.path, [...(files.get(i.path) ?? []), ...(i.row === undefined ? [] : [i.row])]);
    const where = [...files].map(([path, rows]) => `${path} 第 ${[...new Set(rows)].join('、')} 行`).join('，');
    out.push({ ...first, message: `${first.message}（因此未能载入的共 ${sorted.length} 行：${where}）` });
  }
  return out;
}

/** The report's lines, in order: consequences folded, runs collapsed, sorted (contract §5). */
export function arrangeIssues(issues: Issue[]): Issue[] {
  return collapseRuns(collapseHeaderRuns(sortIssues(foldFollowers(foldConsequences(issues)))));
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
  // A county's report: a heading before each township folder's lines, so each can be sent on.
  const out: string[] = [];
  const headed = lines.some((i) => reportFolder(i.path) !== '');
  let folder = '';
  let inErrors = true;
  for (const line of lines) {
    const here = reportFolder(line.path);
    if (headed && (here !== folder || isError(line) !== inErrors) && here !== '') out.push(`—— ${here}（data/${here}/）——`);
    folder = here;
    inErrors = isError(line);
    out.push(formatIssue(line));
  }
  return [...out, summary].join('\n');
}
