import { test } from 'vitest';
import { buildSite } from './support/build.ts';
import { writeFileSync } from 'node:fs';
test('b', async () => {
  try { await buildSite({ outDir: '/tmp/sb2', base: '/town/' }); console.log('ok'); }
  catch (e) { writeFileSync('/tmp/sb2.log', String((e as Error).message)); console.log(Object.keys(process.env).filter(k => /VITE|TEST|NODE/.test(k))); throw e; }
}, 120000);
