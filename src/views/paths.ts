// Every link, asset and download goes through `href`, so the site works under any sub-path
// (`npm run build -- --base /town/`).

/** The configured base, always with a trailing slash (`/`, `/town/`). */
export function basePath(base: string = import.meta.env.BASE_URL ?? '/'): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A site-relative path (`/cleanup/`, `data/cleanup.csv`) under the configured base. */
export function href(path: string, base?: string): string {
  return basePath(base) + path.replace(/^\/+/, '');
}

/** Percent-encode each segment (Chinese report slugs) but keep the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}
