// The downloadable SVG: a standalone file (xmlns, its own CSS, system fonts) that still makes
// sense when shared on its own: title, legend, the wide chart, the summary and the source.
import { escapeText } from './escape.ts';
import { textWidth } from './layout.ts';
import { legendSvg, type LegendItem } from './legend.ts';
import { fontFamily, plotClass } from './svg.ts';

export interface SvgFileParts {
  title: string;
  summary: string;
  legend: readonly LegendItem[];
  /** the finished wide chart (inline markup, no xmlns) and its size */
  chart: string;
  width: number;
  height: number;
  /** caption, source and 数据截至 lines, in order */
  notes: readonly string[];
}

const pad = 16;
const css = `svg{font-family:${fontFamily}}.${plotClass} text,.${plotClass} tspan{white-space:pre}`;

export function svgFile(parts: SvgFileParts): string {
  const width = parts.width + pad;
  const inner = width - 2 * pad;
  const body: string[] = [];
  let y = pad;

  for (const line of wrapText(parts.title, inner, 18)) {
    body.push(textLine(line, pad, y + 18, 'font-size="18" font-weight="bold"'));
    y += 26;
  }
  const legend = legendSvg(parts.legend, inner, 14);
  if (legend.height > 0) {
    body.push(`<g transform="translate(${pad},${y + 4})">${legend.svg}</g>`);
    y += legend.height + 4;
  }
  body.push(`<g transform="translate(${pad / 2},${y + 4})">${parts.chart}</g>`);
  y += parts.height + 8;
  for (const line of wrapText(parts.summary, inner, 14)) {
    body.push(textLine(line, pad, y + 14, 'font-size="14"'));
    y += 22;
  }
  for (const note of parts.notes) {
    for (const line of wrapText(note, inner, 13)) {
      body.push(textLine(line, pad, y + 13, 'font-size="13" fill="#555555"'));
      y += 20;
    }
  }
  const height = y + pad;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${fontFamily.replaceAll('"', "'")}" font-size="14" fill="#1a1a1a">` +
    `<title>${escapeText(parts.title)}</title><desc>${escapeText(parts.summary)}</desc>` +
    `<style>${css}</style><rect width="${width}" height="${height}" fill="#ffffff"/>` +
    body.join('') +
    '</svg>\n'
  );
}

function textLine(text: string, x: number, y: number, attributes: string): string {
  return `<text x="${x}" y="${y}" ${attributes}>${escapeText(text)}</text>`;
}

const noBreakBefore = /[，。、；：！？）》」』%]/;

/**
 * The pieces a line may break between: a figure with its marks and unit (`1,000余`, `85.2%`,
 * `2023年`, `data/cleanup.csv`) stays whole, and any other character is a piece of its own.
 */
const PIECE = /[0-9A-Za-z][0-9A-Za-z.,:%+\-/_]*[余多]?[年月日号]?|[\s\S]/gu;

/**
 * Greedy line breaking by estimated width: Chinese breaks between any two characters, never
 * inside a figure (a resident must not read `5` and `50余` for `550余`).
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of text.match(PIECE) ?? []) {
    // Closing punctuation never starts a line (it may overhang by a character instead).
    if (line !== '' && !noBreakBefore.test(piece) && textWidth(line + piece, fontSize) > width) {
      lines.push(line);
      line = '';
    }
    // A piece wider than a whole line (a long address) is broken where it must be.
    if (textWidth(piece, fontSize) > width) {
      for (const char of piece) {
        if (line !== '' && textWidth(line + char, fontSize) > width) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
      continue;
    }
    line += piece;
  }
  if (line !== '') lines.push(line);
  return withoutOrphan(lines, width, fontSize);
}

/**
 * A last line of one character (`榜` under `2023年6月人居环境整治红黑`) reads as a stray: the
 * line above gives it its last piece, unless that piece is a space or closing punctuation.
 */
function withoutOrphan(lines: string[], width: number, fontSize: number): string[] {
  const last = lines.at(-1) ?? '';
  const above = lines.at(-2)?.match(PIECE) ?? [];
  if ([...last].length !== 1 || above.length < 3) return lines;
  const moved = above.at(-1)!;
  if (/\s/.test(moved) || noBreakBefore.test(moved) || textWidth(moved + last, fontSize) > width) return lines;
  return [...lines.slice(0, -2), above.slice(0, -1).join(''), moved + last];
}
