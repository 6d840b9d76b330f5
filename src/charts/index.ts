// The chart renderer's public API.
export { renderChart } from './render.ts';
export { figureHtml, type FigureLinks } from './figure.ts';
export { chartCss } from './css.ts';
export { colorScale, palette, type ColorScale } from './palette.ts';
export type { ChartField, ChartRow, ChartSpec, ChartType, RenderedChart } from './types.ts';
