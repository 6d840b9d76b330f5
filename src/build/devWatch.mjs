// `npm run dev` follows the site's files (issue 13). Astro asks a page's getStaticPaths again
// only after its dev server's file watcher reports an added, removed or changed file; data/ and
// content/ of SITE_DIR may lie outside the project, where nothing is watched. This integration
// watches them, and tells an open browser to reload when one changes. The project itself is
// re-read when the files' names, sizes or modification times change (src/build/project.ts).
// Plain JavaScript: astro.config.mjs loads it natively.
import path from 'node:path';

/**
 * @param {string} siteDir the folder holding data/ and content/
 * @returns {import('astro').AstroIntegration}
 */
export function devWatch(siteDir) {
  const watched = [path.join(siteDir, 'data'), path.join(siteDir, 'content')];
  return {
    name: 'dev-follows-data',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.watcher.add(watched);
        const inSite = (/** @type {string} */ file) => watched.some((dir) => file === dir || file.startsWith(dir + path.sep));
        const reload = (/** @type {string} */ file) => {
          if (inSite(path.resolve(file))) server.ws.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
        server.watcher.on('change', reload);
      },
    },
  };
}
