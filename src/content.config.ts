// The reports as an Astro content collection over content/reports/, so `npm run dev` watches them
// and reloads the page while staff write. Front matter is validated and Markdown is rendered by
// our own pipeline (src/texts/, src/markdown/), which reports errors as `content/<file>.md:<line>`.
//
// The collection is only the list of files: each entry is a file name, its path and a digest of
// its text, with no data, no body and no `rendered` HTML. Astro's glob loader would also parse
// every report and render it with remark, output the site never uses (a report of 10,000 nested
// list items took 106 s and 858 MB that way, and overflowed the stack).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection, z } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { readConfig } from './config.mjs';

function reportFiles(siteDir: string): Loader {
  const reportsDir = path.join(siteDir, 'content', 'reports');
  return {
    name: 'report-files',
    load: async ({ store, generateDigest, watcher, logger }) => {
      const sync = () => {
        let names: string[] = [];
        try {
          names = readdirSync(reportsDir).filter((n) => /\.md$/i.test(n));
        } catch {
          // no reports folder: no reports
        }
        const present = new Set(names);
        for (const id of store.keys()) if (!present.has(id)) store.delete(id);
        for (const name of names) {
          const file = path.join(reportsDir, name);
          let text = '';
          try {
            text = readFileSync(file, 'utf8');
          } catch {
            // unreadable: src/texts/reports.ts reports it
          }
          store.set({ id: name, data: {}, filePath: path.relative(process.cwd(), file), digest: generateDigest(text) });
        }
      };
      sync();
      if (!watcher) return;
      watcher.add(reportsDir);
      const onChange = (changed: string) => {
        if (path.dirname(path.resolve(changed)) !== reportsDir || !/\.md$/i.test(changed)) return;
        sync();
        logger.info(`Reloaded ${path.basename(changed)}`);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

const reports = defineCollection({
  loader: reportFiles(readConfig().siteDir),
  schema: z.object({}).passthrough(),
});

export const collections = { reports };
