// The CSS every chart needs, once in the site's stylesheet (Plot would repeat a <style> per SVG):
// Plot's own defaults for its SVG, the wide/narrow switch at 600 px, legend, table and links.
import { fontFamily, plotClass } from './svg.ts';

export const chartCss = `
.chart { margin: 1.5rem 0; }
.chart-heading h3 { margin: 0 0 .5rem; font-size: 1.15rem; line-height: 1.4; }
.chart-anchor { margin-left: .4em; font-weight: normal; text-decoration: underline; text-underline-offset: .15em; }
.${plotClass} {
  --plot-background: #fff;
  display: block;
  max-width: 100%;
  height: auto;
  background: #fff;
  color: #1a1a1a;
  font-family: ${fontFamily};
  overflow: visible;
}
.${plotClass} text, .${plotClass} tspan { white-space: pre; }
.chart-narrow { display: none; }
.chart-compact svg { max-width: 26rem; }
@media (max-width: 600px) {
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
}
.chart-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .5rem 0; padding: 0; list-style: none; }
.chart-legend li { display: inline-flex; align-items: center; gap: .4em; }
.chart-swatch { flex: none; }
.chart-summary { margin: .5rem 0; line-height: 1.7; }
.chart-empty { margin: .5rem 0; padding: 1.5rem 1rem; border: 1px dashed #999; color: #444; text-align: center; }
.chart-data summary { cursor: pointer; padding: .5rem 0; }
.chart-table { overflow-x: auto; }
.chart-table table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.chart-table th, .chart-table td { padding: .35rem .75rem; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
.chart-table tbody th { font-weight: normal; }
.chart-table .num { text-align: right; }
.chart-downloads { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0; }
.chart-downloads a { display: inline-block; padding: .5rem 0; }
.chart-note { margin: .25rem 0; color: #555; font-size: .9rem; }
`.trimStart();
