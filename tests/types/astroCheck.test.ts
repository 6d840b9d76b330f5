// `.astro` files are type-checked only by `astro check` (tsc does not read them): run it here so
// `npm test` fails on a type error in a page, layout or component.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// astro's package.json does not export its bin file: find it next to the package root.
const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');

test('astro check reports 0 errors', () => {
  const result = spawnSync(process.execPath, [astro, 'check'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output, output).toMatch(/- 0 errors/);
  expect(result.status, output).toBe(0);
}, 300_000);
