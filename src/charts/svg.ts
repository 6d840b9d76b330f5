// Plot's SVG made fit for the page: no per-chart <style> (chartCss carries it once), no
// aria-label on <g> (axe: aria-prohibited-attr), deterministic ids, an accessible name and
// description, and the site's fonts and text size.
import { document } from './dom.ts';

const svgNs = 'http://www.w3.org/2000/svg';

/** System Chinese fonts only: a web font would cost residents megabytes of data. */
export const fontFamily = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

/** The class of every chart SVG (Plot's `className`), styled by chartCss. */
export const plotClass = 'chart-plot';

export interface SvgText {
  /** accessible name: the chart title */
  title: string;
  /** accessible description: the summary sentence */
  summary: string;
  /** prefix for ids inside this SVG, unique on the page (`chart-<id>-wide`) */
  idPrefix: string;
  fontSize: number;
}

/** Finishes a Plot SVG in place and returns its markup (inline: no xmlns). */
export function finishSvg(svg: Element, text: SvgText): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const element of [...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  svg.removeAttribute('aria-description');
  svg.setAttribute('class', plotClass);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', text.title);
  svg.setAttribute('font-family', fontFamily.replaceAll('"', "'"));
  svg.setAttribute('font-size', String(text.fontSize));
  const title = document.createElementNS(svgNs, 'title');
  title.textContent = text.title;
  const desc = document.createElementNS(svgNs, 'desc');
  desc.textContent = text.summary;
  svg.prepend(title, desc);
  renumberIds(svg, text.idPrefix);
  return svg.outerHTML;
}

// Plot numbers clip paths with a process-wide counter (plot-clip-N): rename every id by order of
// appearance, and every reference to it, so two builds write the same bytes.
function renumberIds(svg: Element, prefix: string): void {
  const elements = [...svg.querySelectorAll('[id]')];
  if (elements.length === 0) return;
  const names = new Map(elements.map((element, i) => [element.getAttribute('id')!, `${prefix}-${i + 1}`]));
  for (const element of elements) element.setAttribute('id', names.get(element.getAttribute('id')!)!);
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) {
      if (!value.includes('#')) continue;
      const renamed = value.replace(/#([^\s)"']+)/g, (ref, id: string) => (names.has(id) ? `#${names.get(id)}` : ref));
      if (renamed !== value) element.setAttribute(name, renamed);
    }
  }
}
