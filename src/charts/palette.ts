// A categorical palette for series (villages, townships): Okabe & Ito's colour-blind-safe hues
// ("Color Universal Design", 2008), the light ones darkened, then Paul Tol's muted indigo, olive
// and wine. Every colour has at least 3:1 contrast against white (WCAG 1.4.11, graphical objects);
// tests/charts/palette.test.ts pins the ratios.

export const palette: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#B07800', // orange, darkened
  '#332288', // indigo
  '#999933', // olive
  '#882255', // wine
  '#3A8FC7', // sky blue, darkened
  '#555555', // dark grey
];

/** The one grey of the series grouped as 其他 (4.6:1 on white, 4:1 on the dark-mode ground). */
export const otherColor = '#757575';

/** The colour of a chart without a color field. */
export const singleColor = palette[0]!;

export interface ColorScale {
  domain: string[];
  range: string[];
  /** the colour of one value; values outside the domain get the last colour */
  color(value: string): string;
}

/**
 * Colours by position in an explicit domain, so that the same village or township gets the same
 * colour on every chart that passes the same `colorDomain` (Plot would otherwise sort the values
 * by code point, per chart). Past the palette's length colours repeat; the legend and the table
 * still tell the series apart, but a stacked chart with that many series is unreadable anyway.
 * `colors` overrides the first colours, in domain order (ChartSpec.colorRange).
 */
export function colorScale(domain: readonly string[], colors: readonly string[] = []): ColorScale {
  const range = domain.map((_, i) => colors[i] ?? palette[i % palette.length]!);
  const index = new Map(domain.map((value, i) => [value, i]));
  return {
    domain: [...domain],
    range,
    color: (value) => range[index.get(value) ?? range.length - 1] ?? singleColor,
  };
}
