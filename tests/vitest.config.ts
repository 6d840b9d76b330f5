import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { ALL_TESTS, BUILD_TESTS } from './projects.ts';

// Kept under tests/ so the top level stays as DEVELOPERS.md lists it.
// Two projects (tests/projects.ts says which file goes where):
// - unit: every other file, in parallel, one worker per core (each file in its own process: no
//   shared module state);
// - build: files that run `astro build`, the dev server, `astro check`, Chromium or nginx. Builds
//   share Astro's caches in the project folder (and the build lock), so these run one file at a
//   time, after the unit files (groupOrder), not beside them.
// `npm test` runs both; `npm test -- --project unit` is the fast loop.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    testTimeout: 20_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [ALL_TESTS],
          exclude: [...configDefaults.exclude, ...BUILD_TESTS],
          // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine.
          maxWorkers: Math.max(2, availableParallelism()),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: [...BUILD_TESTS],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // a run id for buildSiteOnce: files that only read the same site share one build per run
          globalSetup: ['tests/e2e/support/buildRun.ts'],
        },
      },
    ],
  },
});
