// The encoding step of `npm run build` and `npm run check`: after the project is loaded, encode
// (or find in the cache) every photo in use; a photo that cannot be decoded joins the report.
import type { Project } from '../project/project.ts';
import { hasErrors, sortIssues } from '../data/report.ts';
import { processPhotos, type ProcessStats } from './process.ts';

export async function preparePhotos(project: Project): Promise<ProcessStats> {
  const { issues, stats } = await processPhotos(project.photos);
  if (issues.length > 0) {
    project.issues = sortIssues([...project.issues, ...issues]);
    project.hasErrors = hasErrors(project.issues);
  }
  // Rows whose file turned out unreadable are not shown.
  project.photos.photos = project.photos.photos.filter((p) => p.source.ok);
  return stats;
}
