import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept under tests/ so the top level stays as DEVELOPERS.md lists it.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // Build and browser tests run `astro build`, which shares caches in the project folder:
    // one test file at a time keeps them apart (unit tests are fast either way).
    fileParallelism: false,
  },
});
