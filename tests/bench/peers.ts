// Reference figures for "what a resident downloads". These are CONSTANTS, measured once on this
// machine with the same throttling as pages.ts (Slow 4G, 4x CPU, cache disabled, 390x844); they
// are not re-measured by the benchmark.

export interface PeerFigures {
  label: string;
  requests: number;
  bytes: number;
  jsBytes: number;
  /** ms from navigation start until the chart's SVG was in the DOM */
  firstChartMs: number;
  /** whether the chart is in the HTML, i.e. shown with JavaScript disabled */
  chartWithoutJs: boolean;
}

/** An Observable Framework 1.13 page with one Observable Plot chart. */
export const OBSERVABLE_FRAMEWORK: PeerFigures = {
  label: 'peer: Observable Framework 1.13 page, one Plot chart (measured constant)',
  requests: 40,
  bytes: 205_374,
  jsBytes: 196_948,
  firstChartMs: 2_055,
  chartWithoutJs: false,
};

/** A hand-written HTML page with one inline SVG chart: the floor. */
export const HAND_WRITTEN: PeerFigures = {
  label: 'peer: hand-written page, one inline SVG chart (measured constant)',
  requests: 2,
  bytes: 5_000,
  jsBytes: 0,
  firstChartMs: 338,
  chartWithoutJs: true,
};

export const TARGETS = {
  /** our heaviest page transfers at most this share of the Framework page's bytes */
  maxBytesShareOfPeer: 1 / 10,
  /** the first chart is in the DOM this soon after navigation start */
  maxFirstChartMs: 400,
};

/** Lighthouse's mobile "Slow 4G" and CPU settings, as CDP parameters. */
export const SLOW_4G = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 390, height: 844 },
};

/**
 * Build scale references of issue 23 (measured constants, this machine, one run after the other):
 * the previous release and the release before issue 23 at 3,000 villages, and a province (20,000
 * villages × 24 months) before issue 23; with the targets set there. Memory is the peak of the
 * build (MB as the issue wrote them).
 */
export const SCALE_REFERENCES = [
  { villages: 3_000, label: 'previous release', ms: 43_000, bytes: 728e6 },
  { villages: 3_000, label: 'before issue 23', ms: 50_000, bytes: 984e6 },
  { villages: 20_000, label: 'before issue 23', ms: 403_000, bytes: 3.44e9 },
] as const;

export const SCALE_TARGETS = [
  { villages: 3_000, maxBytes: 728e6, maxMs: null },
  { villages: 20_000, maxBytes: 2.5e9, maxMs: 240_000 },
] as const;
