// Joins the content collection's entries to the reports our pipeline rendered (drafts are only in
// the collection; `npm run build` publishes the pipeline's list).
import path from 'node:path';
import type { Report } from '../texts/reports.ts';

export function publishedReports(entries: { filePath?: string }[], reports: Report[]): Report[] {
  const byFile = new Map(reports.map((r) => [path.basename(r.file).normalize('NFC'), r]));
  return entries.flatMap((e) => {
    const report = e.filePath ? byFile.get(path.basename(e.filePath).normalize('NFC')) : undefined;
    return report ? [report] : [];
  });
}
