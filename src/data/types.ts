// Typed tables: the shapes every later stage (metrics, charts, markdown, pages) trusts.
// Values are normalised at the edge (src/data/load.ts); inner code does not re-check them.
// Row types are inferred in each dataset's module (src/data/datasets/); the shapes they are made
// of are declared below the datasets, in src/data/shapes/, and re-exported here.
import type { TablesOf } from './schema/dataset.ts';
import type { Registry } from './registry.ts';
import type { Dataset, FreeRow } from './shapes/types.ts';

export type * from './shapes/types.ts';

// Each row type is inferred in its dataset's module; the stages that read rows import them from here.
export type { Village } from './datasets/villages.ts';
export type { CleanupRow } from './datasets/cleanup.ts';
export type { ConstructionPoint, PointLevel } from './datasets/constructionPoints.ts';
export type { ConstructionItem } from './datasets/constructionItems.ts';
export type { ToiletRow } from './datasets/toilets.ts';
export type { InspectionRow } from './datasets/inspections.ts';
export type { Target } from './datasets/targets.ts';
export type { TargetMetric } from './shapes/targetMetrics.ts';
export type { PhotoRow, PhotoStage } from './datasets/photos.ts';

/**
 * Every known dataset under its table key (src/data/registry.ts); datasets whose file is absent are
 * `null`: their topic is left out of the site.
 */
export interface Tables extends TablesOf<Registry> {
  /** free datasets (§3.8), sorted by name */
  free: Dataset<FreeRow>[];
  /**
   * Files of a dataset (by name) that were found but not read: in a folder under data/ that is no
   * township's, or in a folder inside one (§3.11). A message about the missing dataset names them.
   */
  elsewhere?: Record<string, string[]>;
}
