// One typed-row builder per known dataset: values read by the schema → the row shape later stages
// trust (types.ts). Called only for rows without errors, so required values are present.
import { normalizeCell } from './cells.ts';
import type { Values } from './datasetRules.ts';
import type {
  CleanupRow,
  ConstructionItem,
  ConstructionPoint,
  InspectionRow,
  Month,
  PhotoRow,
  PhotoStage,
  PointLevel,
  Quantity,
  Scope,
  Tables,
  Target,
  TargetMetric,
  ToiletRow,
  Village,
} from './types.ts';

const cell = (v: Values, key: string): Quantity | null => (v.get(key) as Quantity | null | undefined) ?? null;
const quantity = (v: Values, key: string): Quantity => v.get(key) as Quantity;
const plain = (v: Values, key: string): number | null => cell(v, key)?.value ?? null;
const text = (v: Values, key: string): string | null => (v.get(key) as string | null | undefined) ?? null;
const str = (v: Values, key: string): string => v.get(key) as string;

export type RowOf<T extends Exclude<keyof Tables, 'free'>> = NonNullable<Tables[T]>['rows'][number];

export const rowBuilders: { [T in Exclude<keyof Tables, 'free'>]: (v: Values, line: number) => RowOf<T> } = {
  villages: (v, line): Village => ({
    line,
    id: str(v, 'id'),
    name: str(v, 'name'),
    township: str(v, 'township'),
    kind: (text(v, 'kind') ?? '行政村') as Village['kind'],
    households: plain(v, 'households')!,
    population: plain(v, 'population')!,
    natural_villages: plain(v, 'natural_villages'),
    lng: plain(v, 'lng'),
    lat: plain(v, 'lat'),
    note: text(v, 'note'),
  }),
  cleanup: (v, line): CleanupRow => ({
    line,
    month: str(v, 'month') as Month,
    village: str(v, 'village'),
    garbage_t: cell(v, 'garbage_t'),
    ditches_km: cell(v, 'ditches_km'),
    piles: cell(v, 'piles'),
    structures_m2: cell(v, 'structures_m2'),
    ads: cell(v, 'ads'),
    spending_wan: cell(v, 'spending_wan'),
    note: text(v, 'note'),
  }),
  constructionPoints: (v, line): ConstructionPoint => ({
    line,
    id: str(v, 'id'),
    name: str(v, 'name'),
    village: str(v, 'village'),
    year: plain(v, 'year')!,
    level: str(v, 'level') as PointLevel,
    investment_wan: cell(v, 'investment_wan'),
    households: cell(v, 'households'),
    people: cell(v, 'people'),
    note: text(v, 'note'),
  }),
  constructionItems: (v, line): ConstructionItem => ({
    line,
    point: str(v, 'point'),
    item: str(v, 'item'),
    // NFKC: `％` and `㎡` are the same units as `%` and `m2` when items are totalled per unit.
    unit: normalizeCell(str(v, 'unit')),
    planned: quantity(v, 'planned'),
    done: quantity(v, 'done'),
    note: text(v, 'note'),
  }),
  toilets: (v, line): ToiletRow => ({
    line,
    month: str(v, 'month') as Month,
    village: str(v, 'village'),
    sanitary: quantity(v, 'sanitary'),
    converted: cell(v, 'converted'),
    public_toilets: cell(v, 'public_toilets'),
    note: text(v, 'note'),
  }),
  inspections: (v, line): InspectionRow => ({
    line,
    month: str(v, 'month') as Month,
    village: str(v, 'village'),
    score: quantity(v, 'score'),
    note: text(v, 'note'),
  }),
  targets: (v, line): Target => ({
    line,
    metric: str(v, 'metric') as TargetMetric,
    value: quantity(v, 'value'),
    due: str(v, 'due') as Month,
    scope: (v.get('scope') as Scope | null | undefined) ?? { kind: 'site' },
    note: text(v, 'note'),
  }),
  photos: (v, line): PhotoRow => ({
    line,
    file: str(v, 'file').replace(/\\/g, '/'),
    // A row naming only its point belongs to the point's village (set by checkRow).
    village: text(v, 'village') ?? text(v, 'pointVillage'),
    point: text(v, 'point'),
    date: text(v, 'date'),
    stage: text(v, 'stage') as PhotoStage | null,
    pair: text(v, 'pair'),
    caption: str(v, 'caption'),
    note: text(v, 'note'),
  }),
};
