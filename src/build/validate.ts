// `npm run build`'s validation step, run inside the Astro process (astro.config.mjs) so that the
// data and content are read and checked once per build: the pages then use the same project.
import { formatReport } from '../data/report.ts';
import { basePath } from './paths.ts';
import { loadProject, type Project } from './project.ts';
import { timings } from './timings.ts';
import { preparePhotos } from '../photos/prepare.ts';

// The config and the pages are separate module instances in one process: share through globalThis.
const slot = Symbol.for('renju.validatedProject');
type Slot = Record<symbol, Project | undefined>;

/** Load and check everything; print the report (as `npm run check` does). False on any error. */
export async function validateForBuild(root: string, base: string): Promise<boolean> {
  const project = loadProject(root, { base: basePath(base) });
  timings().loadMs += project.timings.loadMs;
  const started = performance.now();
  await preparePhotos(project);
  timings().photosMs = performance.now() - started;
  if (project.hasErrors) {
    console.error(formatReport(project.issues));
    return false;
  }
  if (project.issues.length > 0) console.log(formatReport(project.issues));
  (globalThis as unknown as Slot)[slot] = project;
  return true;
}

/** The project validated for this build, if it matches the root and base asked for. */
export function validatedProject(root: string, base: string): Project | undefined {
  const project = (globalThis as unknown as Slot)[slot];
  return project && project.root === root && project.base === basePath(base) ? project : undefined;
}
