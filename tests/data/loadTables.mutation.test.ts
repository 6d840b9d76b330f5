// Mutation check for the property tests: make a loader throw (as a bug would) and the properties
// of loadTables must fail, although guarded() still turns the crash into an issue and returns.
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadTables } from '../../src/data/load.ts';
import { encoder, VILLAGES } from './helpers.ts';
import { properties, wellFormed, type SyncProperty } from './loadTablesProperties.ts';

const mutant = vi.hoisted(() => ({ known: false, free: false }));

vi.mock('../../src/data/known.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/data/known.ts')>();
  return {
    ...actual,
    loadKnown: (...args: Parameters<typeof actual.loadKnown>) => {
      if (mutant.known) throw new TypeError('mutant: loadKnown throws');
      return actual.loadKnown(...args);
    },
  };
});
vi.mock('../../src/data/free.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/data/free.ts')>();
  return {
    ...actual,
    loadFree: (...args: Parameters<typeof actual.loadFree>) => {
      if (mutant.free) throw new TypeError('mutant: loadFree throws');
      return actual.loadFree(...args);
    },
  };
});

/** Runs a property; it must fail, and for the mutant's crash (not for some other reason). */
function failsOnTheCrash(property: SyncProperty, numRuns: number, mutantMessage: RegExp): void {
  const details = fc.check(property, { numRuns });
  expect(details.failed).toBe(true);
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  expect(reason).toMatch(/internal error/);
  expect(reason).toMatch(mutantMessage);
}

afterEach(() => {
  mutant.known = false;
  mutant.free = false;
});

describe('the loadTables properties fail when a loader throws', () => {
  test('unmutated, the crash-free files pass (the mocks alone change nothing)', () => {
    expect(() => wellFormed(loadTables([{ path: 'data/villages.csv', bytes: encoder.encode(VILLAGES) }]))).not.toThrow();
  });
  test('guarded() still catches the crash: loadTables returns and reports it', () => {
    mutant.known = true;
    const result = loadTables([{ path: 'data/villages.csv', bytes: encoder.encode(VILLAGES) }]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'internal-error', internal: true, path: 'data/villages.csv' }));
  });
  for (const [name, { property, numRuns }] of Object.entries(properties)) {
    test(`loadKnown throws: "${name}" fails`, () => {
      mutant.known = true;
      failsOnTheCrash(property, numRuns, /mutant: loadKnown throws/);
    });
  }
  for (const name of ['random bytes in any file', 'random cells and shapes in every dataset'] as const) {
    test(`loadFree throws: "${name}" fails`, () => {
      mutant.free = true;
      failsOnTheCrash(properties[name].property, properties[name].numRuns, /mutant: loadFree throws/);
    });
  }
});
