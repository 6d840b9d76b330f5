// Every link, asset and download goes through `href`, so the site works under any sub-path
// (`npm run build -- --base /town/`). The base is the project's (`project.base`): pages take it from
// getProject() (src/build/current.ts, the one module that reads Astro's settings), tests and the
// CLI from loadProject's options.

/** The configured base, always with a trailing slash (`/`, `/town/`). */
export function basePath(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A site-relative path (`/cleanup/`, `data/cleanup.csv`) under the base. */
export function href(path: string, base: string): string {
  return basePath(base) + path.replace(/^\/+/, '');
}

/** Percent-encode each segment (Chinese report slugs) but keep the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}
