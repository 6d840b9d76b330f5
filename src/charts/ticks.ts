// Value-axis ticks computed here rather than by Plot, because the left margin must fit the
// widest tick label before Plot draws anything. Same steps as d3-array's ticks (1, 2, 5 × 10^k).

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

function tickStep(start: number, stop: number, count: number): number {
  const step0 = Math.abs(stop - start) / Math.max(1, count);
  let step = 10 ** Math.floor(Math.log10(step0));
  const error = step0 / step;
  if (error >= Math.sqrt(50)) step *= 10;
  else if (error >= Math.sqrt(10)) step *= 5;
  else if (error >= Math.sqrt(2)) step *= 2;
  return step;
}

// i × step without float noise (0.1 × 3 = 0.30000000000000004): divide by the inverse instead.
function multiple(i: number, step: number): number {
  return step < 1 ? i / Math.round(1 / step) : i * step;
}

/** Ticks within a fixed domain. */
export function ticksWithin([lo, hi]: [number, number], count: number): number[] {
  if (!(hi > lo)) return [lo];
  const step = tickStep(lo, hi, count);
  const ticks: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); multiple(i, step) <= hi + step * 1e-9; i++) {
    ticks.push(multiple(i, step) + 0); // + 0 turns -0 into 0
  }
  return ticks;
}

/** A zero-based domain stretched to a round number above `max`, with its ticks. */
export function niceAxis(min: number, max: number, count: number): ValueAxis {
  const lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + 1;
  const step = tickStep(lo, hi, count);
  const domain: [number, number] = [
    multiple(Math.floor(lo / step + 1e-9), step),
    multiple(Math.ceil(hi / step - 1e-9), step),
  ];
  return { domain, ticks: ticksWithin(domain, count) };
}
