// `npm run dev` follows the site's files (issue 13). Astro keeps each route's getStaticPaths
// result until its dev server's file watcher reports an added, removed or changed file. Two gaps:
// data/ and content/ of SITE_DIR may lie outside the project, where nothing is watched; and a file
// moved away and back within a moment (same size and modification time) makes the watcher report
// nothing at all, so a topic stayed 404 after its file was restored. This integration watches
// those folders, and before each request compares their fingerprint (names, sizes, modification
// times: src/project/sourceFingerprint.mjs, which also keys the project's cache in
// src/project/project.ts) with the last one: on a difference it reports a change to the watcher,
// which makes Astro drop its getStaticPaths results. An open browser is told to reload.
// Plain JavaScript: astro.config.mjs loads it natively.
import path from 'node:path';
import { sourceFingerprint } from './sourceFingerprint.mjs';

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

        let last = sourceFingerprint(siteDir);
        server.middlewares.use((request, _response, next) => {
          // Vite's own requests (modules, HMR) need no check; pages and downloads do.
          if (!request.url?.startsWith('/@') && !request.url?.startsWith('/node_modules/')) {
            const now = sourceFingerprint(siteDir);
            if (now !== last) {
              last = now;
              server.watcher.emit('change', watched[0]);
            }
          }
          next();
        });
      },
    },
  };
}
