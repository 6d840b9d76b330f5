// The known datasets, in the order the site lists them (villages first: the others reference it).
// Adding a dataset is one module under datasets/ and one line here; the loader, validation,
// queries, downloads and templates walk this list.
import type { AnySchema } from './schema/dataset.ts';
import { cleanupSchema } from './datasets/cleanup.ts';
import { constructionItemsSchema } from './datasets/constructionItems.ts';
import { constructionPointsSchema } from './datasets/constructionPoints.ts';
import { inspectionsSchema } from './datasets/inspections.ts';
import { photosSchema } from './datasets/photos.ts';
import { targetsSchema } from './datasets/targets.ts';
import { toiletsSchema } from './datasets/toilets.ts';
import { villagesSchema } from './datasets/villages.ts';

export const registry = [
  villagesSchema,
  cleanupSchema,
  constructionPointsSchema,
  constructionItemsSchema,
  toiletsSchema,
  inspectionsSchema,
  targetsSchema,
  photosSchema,
] as const;

export type Registry = typeof registry;

/** A property of `Tables` holding a known dataset. */
export type TableKey = Registry[number]['table'];

/** The tables of a set of tables: the registry it was loaded with (loadTables records it). */
const loadedWith = new WeakMap<object, readonly AnySchema[]>();

export function recordRegistry(tables: object, datasets: readonly AnySchema[]): void {
  if (datasets !== registry) loadedWith.set(tables, datasets);
}

/** The datasets `tables` was loaded with: the site's registry unless a test gave its own. */
export function registryOf(tables: object): readonly AnySchema[] {
  return loadedWith.get(tables) ?? registry;
}

export function schemaByName(name: string, datasets: readonly AnySchema[] = registry): AnySchema | undefined {
  return datasets.find((s) => s.name === name);
}
