import { expect, test } from 'vitest';
import { registry as schemas } from '../src/data/registry.ts';
test('schemas list villages first', () => {
  expect(schemas[0]!.name).toBe('villages');
});
