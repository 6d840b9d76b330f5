#!/usr/bin/env node
// Cross-platform entry for `npm run dev|build|preview` (Windows has no `VAR=value cmd`).
// Turns Astro's telemetry off, and for `build`: validates data and content first (same report as
// `npm run check`) and never leaves a half-built site in the output folder.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const [command = 'dev', ...args] = process.argv.slice(2);

function run(argv) {
  const result = spawnSync(process.execPath, argv, { stdio: 'inherit', env });
  return result.status ?? 1;
}

function outDir() {
  const i = args.indexOf('--outDir');
  return path.resolve(i >= 0 && args[i + 1] ? args[i + 1] : 'dist');
}

// astro's package.json does not export its bin file: find it next to the package root.
const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');
if (command === 'build') {
  const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
  const checked = run([tsx, path.join(here, 'check.ts'), '--before-build']);
  if (checked !== 0) {
    rmSync(outDir(), { recursive: true, force: true });
    console.error('构建已停止：请先改正上面列出的错误。dist/ 中没有留下不完整的网站。');
    process.exit(checked);
  }
}
const code = run([astro, command, ...args]);
if (command === 'build' && code !== 0) {
  rmSync(outDir(), { recursive: true, force: true });
  console.error('构建失败：dist/ 已清空，以免上传不完整的网站。');
}
process.exit(code);
