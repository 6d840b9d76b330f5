// Value-axis ticks computed here rather than by Plot, because the left margin must fit the
// widest tick label before Plot draws anything: d3-array's ticks and nice (as Plot itself uses).
import { nice, ticks } from 'd3-array';

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/** Ticks within a fixed domain (1, 2, 5 × 10^k apart, without float noise). */
export function ticksWithin([lo, hi]: [number, number], count: number): number[] {
  if (!(hi > lo)) return [lo];
  return ticks(lo, hi, count).map((t) => t + 0); // + 0 turns -0 into 0
}

/** A zero-based domain stretched to a round number above `max`, with its ticks. */
export function niceAxis(min: number, max: number, count: number): ValueAxis {
  const lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + 1;
  const [start, stop] = nice(lo, hi, count);
  const domain: [number, number] = [start + 0, stop + 0];
  return { domain, ticks: ticksWithin(domain, count) };
}
