import { expect, test } from 'vitest';
import { schemas } from '../src/data/schemas.ts';
test('schemas list villages first', () => {
  expect(schemas[0]!.name).toBe('villages');
});
