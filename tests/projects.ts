// Which test files are "build" tests (they run `astro build`, the dev server, `astro check`,
// Chromium or nginx) and so run one file at a time in their own Vitest project, after the unit
// files, which run in parallel. Used by tests/vitest.config.ts and checked by
// tests/types/testProjects.test.ts, which fails when a unit file starts a build or a browser.
//
// The rule for a new file: put it under tests/e2e/ or tests/dev/, or name it `<name>.build.test.ts`.

export const BUILD_TESTS: readonly string[] = [
  'tests/e2e/**/*.test.ts',
  'tests/dev/**/*.test.ts',
  'tests/**/*.build.test.ts',
  // From before the rule; listed here rather than renamed, so other branches' edits merge cleanly.
  'tests/site/build.test.ts',
  'tests/site/links.test.ts',
  'tests/site/sharedNames.test.ts',
  'tests/photos/build.test.ts',
  'tests/types/astroCheck.test.ts',
];

export const ALL_TESTS = 'tests/**/*.test.ts';

/** The few glob forms used above (`**\/`, `*`) as a regular expression over a repo-relative path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      out += '(?:[^/]+/)*';
      i += 2;
    } else if (c === '*') {
      out += '[^/]*';
    } else {
      out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

export function isBuildTest(relativePath: string): boolean {
  return BUILD_TESTS.some((g) => globToRegExp(g).test(relativePath));
}
