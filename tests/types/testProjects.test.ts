// The unit project runs files in parallel; a file there that starts a build, the dev server, a
// browser or nginx would race the build tests for Astro's caches and the build lock. This fails
// and names the file, with the rule for where it belongs (tests/projects.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BUILD_TESTS, globToRegExp, isBuildTest } from '../projects.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === '.tmp' || e.name === 'output' || e.name === 'fixtures' ? [] : testFiles(rel);
    return e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** Calls that start a build, `astro check`, the dev server, Chromium or nginx, or any child process. */
const HEAVY = /\b(?:buildSite\w*|launchChromium|startNginx|spawn|spawnSync|execFile|execFileSync|execSync|fork)\s*\(|from ['"]node:child_process['"]/;

describe('test projects (tests/projects.ts)', () => {
  const files = testFiles('tests');

  test('every unit file is free of builds, browsers, servers and child processes', () => {
    const misplaced = files.filter((f) => !isBuildTest(f) && HEAVY.test(readFileSync(path.join(repo, f), 'utf8')));
    expect(misplaced, 'move these under tests/e2e/ or tests/dev/, or name them <name>.build.test.ts').toEqual([]);
  });

  test('every listed build file exists, and the rule sorts the known files as expected', () => {
    for (const glob of BUILD_TESTS.filter((g) => !g.includes('*'))) expect(files).toContain(glob);
    expect(isBuildTest('tests/e2e/site.test.ts')).toBe(true);
    expect(isBuildTest('tests/e2e/support/x/deep.test.ts')).toBe(true);
    expect(isBuildTest('tests/charts/sewage.build.test.ts')).toBe(true);
    expect(isBuildTest('tests/charts/presets.test.ts')).toBe(false);
    expect(isBuildTest('tests/site/content.test.ts')).toBe(false);
    expect(globToRegExp('tests/**/*.build.test.ts').test('tests/a.build.test.ts')).toBe(true);
  });

  test('the heavy-call pattern finds what the build files do', () => {
    const heavy = files.filter((f) => HEAVY.test(readFileSync(path.join(repo, f), 'utf8')));
    expect(heavy.length).toBeGreaterThanOrEqual(10);
    expect(heavy.every(isBuildTest)).toBe(true);
  });
});
