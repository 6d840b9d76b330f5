// The metrics module: pure functions over typed tables (see each file for one concept).
export * from './types.ts';
export * from './tableIndex.ts';
export * from './months.ts';
export * from './quantities.ts';
export * from './latest.ts';
export * from './scope.ts';
export * from './cleanup.ts';
export * from './coverage.ts';
export * from './progress.ts';
export * from './scores.ts';
export * from './ranks.ts';
export * from './targets.ts';
export * from './targetSentence.ts';
