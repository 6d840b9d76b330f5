// The reports as an Astro content collection over the top-level content/ folder (glob loader), so
// `npm run dev` watches them and reloads the page while staff write. Front matter is validated
// and Markdown is rendered by our own pipeline (src/site/, src/markdown/), which reports errors
// as `content/<file>.md:<line>`; the schema here is deliberately lenient so that a mistake gets
// that message rather than Astro's.
import path from 'node:path';
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const siteDir = path.resolve(process.env.SITE_DIR || '.');

const reports = defineCollection({
  loader: glob({ pattern: '*.md', base: path.join(siteDir, 'content', 'reports') }),
  schema: z.object({}).passthrough(),
});

export const collections = { reports };
