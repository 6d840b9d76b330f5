// The encoding step of `npm run build` and `npm run check`: after the project is loaded, encode
// (or find in the cache) every photo in use; a photo that cannot be decoded joins the report.
import { hasErrors, sortIssues } from '../data/report.ts';
import type { Issue } from '../data/types.ts';
import type { PhotoCatalog } from './catalog.ts';
import { processPhotos, type ProcessStats } from './process.ts';

/** What the step reads and updates of the project (src/project/project.ts's Project). */
export interface PhotoStep {
  photos: PhotoCatalog;
  issues: Issue[];
  hasErrors: boolean;
}

export async function preparePhotos(project: PhotoStep): Promise<ProcessStats> {
  const { issues, stats } = await processPhotos(project.photos);
  if (issues.length > 0) {
    project.issues = sortIssues([...project.issues, ...issues]);
    project.hasErrors = hasErrors(project.issues);
  }
  // Rows whose file turned out unreadable are not shown.
  project.photos.photos = project.photos.photos.filter((p) => p.source.ok);
  return stats;
}
