// Property tests: whatever bytes, cells or shapes staff produce, loadTables returns tables and
// issues, never throws, never crashes inside (an internal error fails the test even though
// guarded() reports it as an encoding-error), and never drops a row without an error.
// tests/data/loadTables.mutation.test.ts shows these properties fail when a loader throws.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { properties } from './loadTablesProperties.ts';

describe('loadTables(files) never throws nor crashes inside', () => {
  for (const [name, { property, numRuns }] of Object.entries(properties)) {
    test(name, () => fc.assert(property, { numRuns }));
  }
});
