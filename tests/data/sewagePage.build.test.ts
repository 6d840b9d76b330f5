// The four files of tests/data/sewagePage.ts type-check with the rest of src/: a monthly dataset with
// a topic page needs no cast and no edit elsewhere (issue 23). A build-project test: it runs tsc.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { sewageCopy } from './sewagePage.ts';

const copy = sewageCopy();
afterAll(() => copy.remove());

test('src/ with sewage and its topic page passes tsc --noEmit', () => {
  // the repo's compiler options, over the copy's src/ alone
  writeFileSync(
    path.join(copy.root, 'tsconfig.json'),
    JSON.stringify({ extends: 'astro/tsconfigs/strict', include: ['src/**/*'], compilerOptions: { noUncheckedIndexedAccess: true, types: ['node'] } }),
  );
  const tsc = path.join(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', copy.root], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe('');
}, 240_000);
