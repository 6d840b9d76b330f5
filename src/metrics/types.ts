// Shapes shared by the metric functions.
import type { Month, Quantity, Village } from '../data/types.ts';

/** One point of a monthly series; `value` is `null` when nothing in scope was reported that month. */
export interface MonthValue {
  month: Month;
  value: Quantity | null;
}

/** One village's figure; `value` is `null` when the village reported nothing. */
export interface VillageValue {
  village: Village;
  value: Quantity | null;
}
