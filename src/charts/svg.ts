// Plot's SVG made fit for the page: no per-chart <style> (chartCss carries it once), no
// aria-label on <g> (axe: aria-prohibited-attr), deterministic ids, an accessible name and
// description (standalone only), the text size (the fonts: chartCss, svgFile), coordinates rounded to whole units.
import { escapeText } from './escape.ts';

/** System Chinese fonts only: a web font would cost residents megabytes of data. */
export const fontFamily = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

/** The class of every chart SVG (Plot's `className`), styled by chartCss. */
export const plotClass = 'chart-plot';

export interface SvgText {
  /** accessible name: the chart title */
  title: string;
  /**
   * accessible description (the summary sentence), for an SVG that stands alone; omitted inline,
   * where the figure's <p class="chart-summary"> says it once (issue 12: it was heard twice)
   */
  summary?: string;
  /** prefix for ids inside this SVG, unique on the page (`chart-<id>-wide`) */
  idPrefix: string;
  fontSize: number;
}

const geometry = /^(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height)$/;

/** Finishes a Plot SVG and returns its markup (inline: no xmlns). */
export function finishSvg(svg: Element, text: SvgText): string {
  for (const child of [...svg.children]) if (child.localName === 'style') child.remove();
  // The rest works on the markup's tags: string edits are far cheaper than linkedom's selectors,
  // and every attribute in Plot's output is Plot's own (no user text: titles are text nodes).
  const ids = new Map<string, string>();
  const markup = svg.outerHTML
    .replace(/<[a-zA-Z][^>]*>/g, (tag) =>
      tag.replace(/ id="([^"]*)"/g, (_, id: string) => {
        ids.set(id, `${text.idPrefix}-${ids.size + 1}`);
        return ` id="${ids.get(id)}"`;
      }),
    )
    .replace(/<[a-zA-Z][^>]*>/g, (tag) =>
      tag.replace(/ ([\w:-]+)="([^"]*)"/g, (attribute, name: string, value: string) => {
        // aria-hidden too: inside role="img" every child is presentational already
        if (name === 'aria-label' || name === 'aria-description' || name === 'aria-hidden') return '';
        if (geometry.test(name)) return ` ${name}="${roundNumbers(value, name === 'r' ? 10 : 1)}"`;
        if (ids.size > 0 && value.includes('#')) return ` ${name}="${renameRefs(value, ids)}"`;
        return attribute;
      }),
    );
  // The root's own name, description, class and fonts, with text escaped here: linkedom leaves
  // `&` and `<` unescaped in attribute values, wrong in HTML and invalid in the SVG file.
  // No font-family: chartCss sets it on .chart-plot, and the SVG file's own root on the file.
  const root = `<svg class="${plotClass}" role="img" aria-label="${escapeText(text.title)}" font-size="${text.fontSize}"`;
  const head = `<title>${escapeText(text.title)}</title>${text.summary ? `<desc>${escapeText(text.summary)}</desc>` : ''}`;
  // `<line … />` → `<line …/>`: the space is sent on every mark; the gridlines one path
  return gridPath(markup.replaceAll(' />', '/>')).replace(/^<svg([^>]*)>/, (_, attributes: string) => {
    const kept = attributes.replace(/ (class|font-family|font-size)="[^"]*"/g, '');
    return `${root}${kept}>${head}`;
  });
}

// Plot writes float noise (203.20000000000002); whole units are plenty for positions and sizes (a
// unit is at most 1 px: a 640-unit drawing is shown at most 40rem wide, a 264-unit one 15rem) and
// every digit more is sent on every page; a dot's radius keeps a tenth (r="3.5").
function roundNumbers(value: string, per: number): string {
  return value.replace(/-?\d+\.\d+(?![\de])/g, (n) => String(Math.round(Number(n) * per) / per));
}

// Plot's grid is a <g> of one <line> per tick: drawn as one <path> of the same segments (zero-area
// subpaths: nothing is filled), ~40 bytes less per gridline.
const gridGroup = /<g stroke-opacity="0\.1" stroke="currentColor">((?:<line [^>]*\/>)+)<\/g>/g;
const gridLine = /<line y2="(-?[\d.]+)" y1="(-?[\d.]+)" x2="(-?[\d.]+)" x1="(-?[\d.]+)"\/>/g;
function gridPath(markup: string): string {
  return markup.replace(gridGroup, (group, lines: string) => {
    const segments = [...lines.matchAll(gridLine)];
    if (segments.length !== lines.split('<line').length - 1) return group; // another attribute: left as drawn
    const d = segments.map(([, y2, y1, x2, x1]) => (y1 === y2 ? `M${x1},${y1}H${x2}` : x1 === x2 ? `M${x1},${y1}V${y2}` : `M${x1},${y1}L${x2},${y2}`));
    return `<path stroke-opacity="0.1" stroke="currentColor" d="${d.join('')}"/>`;
  });
}

// Plot numbers clip paths with a process-wide counter (plot-clip-N): ids are renamed by order of
// appearance (see above) and references follow, so two builds write the same bytes.
function renameRefs(value: string, ids: Map<string, string>): string {
  return value.replace(/#([^\s)"']+)/g, (ref, id: string) => (ids.has(id) ? `#${ids.get(id)}` : ref));
}
