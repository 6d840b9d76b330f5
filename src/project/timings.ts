// Build timings for the benchmark (`npm run bench`): kept on globalThis because the Astro
// integration that writes them (astro.config.mjs) and the page modules are separate module
// instances in the same process.
export interface BuildTimings {
  loadMs: number;
  chartMs: number;
  charts: number;
  pages: number;
  /** photo encoding in the validation step (src/photos/prepare.ts) */
  photosMs?: number;
}

const key = Symbol.for('renju.buildTimings');

export function timings(): BuildTimings {
  const g = globalThis as unknown as Record<symbol, BuildTimings | undefined>;
  return (g[key] ??= { loadMs: 0, chartMs: 0, charts: 0, pages: 0 });
}
