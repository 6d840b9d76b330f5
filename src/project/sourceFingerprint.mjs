// What a site's project is read from, as one string (plain JavaScript: the dev server's
// integration in astro.config.mjs and src/project/project.ts both use it).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The name, size and modification time of every file under data/ and content/ of `root`
 * (folders walked). Equal strings mean the same files, so the same project.
 * @param {string} root the folder holding data/ and content/
 * @returns {string}
 */
export function sourceFingerprint(root) {
  /** @type {string[]} */
  const parts = [];
  /** @param {string} dir */
  const walk = (dir) => {
    /** @type {string[]} */
    let names;
    try {
      names = readdirSync(dir).sort();
    } catch {
      parts.push(`${dir}\u0000absent`);
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      try {
        const st = statSync(full);
        if (st.isDirectory()) walk(full);
        else parts.push(`${full}\u0000${st.size}\u0000${st.mtimeMs}`);
      } catch {
        // removed while listing: as if absent
      }
    }
  };
  walk(path.join(root, 'data'));
  walk(path.join(root, 'content'));
  return parts.join('\n');
}
