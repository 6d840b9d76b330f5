// The project of the running Astro process, for pages and endpoints: in a build, the one the
// validation step loaded (src/build/validate.ts); in `npm run dev`, reloaded when a file changes.
// Kept apart from project.ts so that loading a project and validating it import each other nowhere.
import { basePath } from '../paths.ts';
import { clockFromEnv, loadProject, siteRoot, type Project, type ProjectOptions } from '../project/project.ts';
import { sourceFingerprint } from '../project/sourceFingerprint.mjs';
import { timings } from '../project/timings.ts';
import { validatedProject } from './validate.ts';

const cache = new Map<string, Project>();

/** SITE_NOW, when set, fixes the clock of every project this process loads. */
function clock(): Pick<ProjectOptions, 'now'> {
  const now = clockFromEnv();
  return now ? { now } : {};
}

const devCache = new Map<string, { fingerprint: string; project: Project }>();

/**
 * The project in `npm run dev`: staff edit files while the server runs, so it is loaded again when
 * a file under data/ or content/ is added, removed or changed, and otherwise shared by every call
 * (a page makes several). Pages appear and disappear with their data; src/project/devWatch.mjs makes
 * Astro ask getStaticPaths again when the same fingerprint changes.
 */
export function devProject(root: string, base: string): Project {
  const key = `${root}\u0000${base}`;
  const fingerprint = sourceFingerprint(root);
  const hit = devCache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.project;
  const project = loadProject(root, { base, dev: true, ...clock() });
  devCache.set(key, { fingerprint, project });
  return project;
}

/** The project of this build (Astro pages): loaded once, keyed by root, base and mode. */
export function getProject(): Project {
  const root = siteRoot();
  const base = import.meta.env.BASE_URL ?? '/';
  const dev = Boolean(import.meta.env.DEV);
  if (dev) return devProject(root, base);
  const key = `${root}\u0000${base}`;
  let project = cache.get(key);
  if (!project) {
    project = validatedProject(root, base);
    if (!project) {
      project = loadProject(root, { base: basePath(base), dev, ...clock() });
      timings().loadMs += project.timings.loadMs;
    }
    cache.set(key, project);
  }
  return project;
}
