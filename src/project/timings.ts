// Build timings for the benchmark (`npm run bench`): kept in the process-wide state
// (src/config.mjs) because the Astro integration that writes them (astro.config.mjs) and
// the page modules are separate module instances in the same process.
import { processState } from '../config.mjs';

export interface BuildTimings {
  loadMs: number;
  chartMs: number;
  charts: number;
  pages: number;
  /** photo encoding in the validation step (src/photos/prepare.ts) */
  photosMs?: number;
  /** PNG pictures (src/outputs/picture.ts): time in renderFigure, and how many */
  pictureMs?: number;
  pictures?: number;
  /** charts met a second time in the build and taken from the render cache (src/views/renderCache.ts) */
  figuresReused?: number;
  /** the Astro process's NODE_OPTIONS (the heap cap src/cli/astro.mjs set), written at the end */
  nodeOptions?: string;
}

export function timings(): BuildTimings {
  const state = processState();
  return (state.timings ??= { loadMs: 0, chartMs: 0, charts: 0, pages: 0 }) as BuildTimings;
}
