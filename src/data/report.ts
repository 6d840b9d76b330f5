// The error report (contract §5): one line per problem, errors before warnings, then a summary.
import type { Issue } from './types.ts';

const isError = (issue: Issue) => issue.code !== 'warning';

function compare(a: Issue, b: Issue): number {
  if (isError(a) !== isError(b)) return isError(a) ? -1 : 1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  // A whole-file problem (no row) comes before the file's rows.
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0) return row;
  return (a.column ?? 0) - (b.column ?? 0);
}

/** Errors before warnings; then by path, row, column (stable for equal positions). */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(compare);
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

/** Every issue, sorted, one per line, then a one-line summary in Chinese. */
export function formatReport(issues: Issue[]): string {
  const errors = issues.filter(isError).length;
  const warnings = issues.length - errors;
  const summary =
    errors > 0
      ? `共 ${errors} 个错误、${warnings} 个警告。`
      : warnings > 0
        ? `检查通过：没有错误，有 ${warnings} 个警告。`
        : '检查通过：没有错误。';
  return [...sortIssues(issues).map(formatIssue), summary].join('\n');
}
