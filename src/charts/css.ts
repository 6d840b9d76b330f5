// The CSS every chart needs, once in the site's stylesheet (Plot would repeat a <style> per SVG):
// Plot's own defaults for its SVG, the wide/narrow switch, legend, table and links.
//
// Charts grow with the text (issues 12, 21): each SVG is as wide as its column, capped in rem, so
// its text is a fixed share of the reader's text size (see layout.ts for the numbers). The figure
// is a size container, and rem in a container query is the reader's text size: the wide drawing
// from a 40rem column, the narrow one below, whatever the window. No JavaScript. A browser without
// container queries switches at a 600 px window.
//
// On screen a figure is `content-visibility: auto`: the browser skips the style and layout of
// charts off screen until they are scrolled near (Lighthouse, 4x CPU: /cleanup/'s style and layout
// 434 -> 316 ms, total blocking time 140 -> 20 ms). It also clips painting to the figure's box, so
// nothing is drawn outside it (tests/e2e/phone.test.ts measures that); print lays out everything.
import { fontFamily, plotClass } from './svg.ts';

export const chartCss = `
.chart { margin: 1.5rem 0; }
@media screen { .chart { content-visibility: auto; contain-intrinsic-size: auto 30rem; } }
.chart-heading h3 { margin: 0 0 .5rem; font-size: 1.15rem; line-height: 1.4; }
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
.chart-wide .${plotClass} { width: 100%; max-width: 40rem; }
.chart-narrow .${plotClass}, .chart-compact .${plotClass} { width: 100%; max-width: 15rem; }
.chart-narrow { display: none; }
@media (max-width: 600px) {
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
}
@supports (container-type: inline-size) {
  .chart { container-type: inline-size; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  @container (min-width: 40rem) {
    .chart-wide { display: block; }
    .chart-narrow { display: none; }
  }
}
.chart-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .5rem 0; padding: 0; list-style: none; }
.chart-legend li { display: inline-flex; align-items: center; gap: .4em; }
.chart-swatch { flex: none; width: .9em; height: .9em; }
.chart-summary { margin: .5rem 0; line-height: 1.7; }
.chart-empty { margin: .5rem 0; padding: 1.5rem 1rem; border: 1px dashed #999; color: #444; text-align: center; }
.chart-data summary { cursor: pointer; padding: .5rem 0; }
.chart-table { overflow-x: auto; }
.chart-table table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.chart-table th, .chart-table td { padding: .35rem .75rem; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
.chart-table tbody th { font-weight: normal; }
.chart-table :is(td, thead th):last-child { text-align: right; }
.chart-downloads { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0; }
.chart-downloads a { display: inline-flex; align-items: center; min-height: 44px; min-width: 44px; }
.chart-note { margin: .25rem 0; color: #555; font-size: .9rem; }
/* Dark mode: the chart on the page's dark ground instead of a glaring white card. Plot writes
   its colours as attributes; the ink and halo colours and the palette's three darkest hues (under
   3:1 on the dark ground) are swapped here, the others keep at least 3:1 on #121413. */
@media (prefers-color-scheme: dark) {
  :root:not([data-contrast="high"]) .${plotClass} { --plot-background: #121413; background: #121413; color: #ededed; }
  :root:not([data-contrast="high"]) .${plotClass} [stroke="white"] { stroke: #121413; }
  :root:not([data-contrast="high"]) .${plotClass} [stroke="#333333"] { stroke: #ededed; }
  :root:not([data-contrast="high"]) .${plotClass} [fill="#333333"] { fill: #ededed; }
  :root:not([data-contrast="high"]) :is(.${plotClass}, .chart-swatch) [fill="#332288"] { fill: #9c8ff0; }
  :root:not([data-contrast="high"]) :is(.${plotClass}, .chart-swatch) [fill="#882255"] { fill: #e27fb2; }
  :root:not([data-contrast="high"]) :is(.${plotClass}, .chart-swatch) [fill="#555555"] { fill: #a8a8a8; }
  :root:not([data-contrast="high"]) .${plotClass} [stroke="#332288"] { stroke: #9c8ff0; }
  :root:not([data-contrast="high"]) .${plotClass} [stroke="#882255"] { stroke: #e27fb2; }
  :root:not([data-contrast="high"]) .${plotClass} [stroke="#555555"] { stroke: #a8a8a8; }
}
/* Forced colours (Windows 高对比度): the drawing keeps its hues on a white card, where they were
   chosen to read; the text around it follows the system colours. */
@media (forced-colors: active) {
  .${plotClass}, .chart-swatch { forced-color-adjust: none; }
}
`.trimStart();
