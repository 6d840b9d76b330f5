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
