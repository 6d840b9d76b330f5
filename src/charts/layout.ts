// The two drawings of every chart, so that chart text on screen is at least the reader's body text
// at every 字号 on a phone (issue 21; issue 12 asked for 0.75×). Each SVG is drawn 100% of its
// column wide, capped in rem by chartCss, so its text grows with the reader's text size. A drawing
// `width` units across with `fontSize` text is `width / fontSize` em of text across: shown in a
// column at least that many rem wide, its text is at least 1 rem (the body text):
// - wide: 640 / 16 = 40 em, shown from a 40rem column (a tablet or desktop), capped at 40rem;
// - narrow: 264 / 24 = 11 em, shown below 40rem and capped at 15rem (text ≤ 1.36 rem): a 360 px
//   phone at 标准 (18 rem) and at 特大 (13 rem), a 320 px one at 特大 (11.3 rem); under 11 rem (the
//   phone's 2× zoom, a 32 px default font: 8 rem) its text stays at 0.73 of the body text, 13 px
//   at 2× zoom. Horizontal charts write each name above its bar there.
// A third, in-between drawing (340 / 20) was tried: it cost 2.7 KB gzipped on a report with four
// charts, past the page-weight target. The thresholds live in chartCss (css.ts); change them together.
export interface Variant {
  name: 'wide' | 'narrow';
  width: number;
  /** height of a vertical chart */
  height: number;
  fontSize: number;
  /** value-axis tick count to aim for */
  valueTicks: number;
  /** height of one category row in a horizontal chart */
  rowStep: number;
  /** widest share of the width given to category names in a horizontal chart */
  maxLabelShare: number;
}

export const variants: readonly Variant[] = [
  { name: 'wide', width: 640, height: 340, fontSize: 16, valueTicks: 6, rowStep: 34, maxLabelShare: 0.3 },
  { name: 'narrow', width: 264, height: 300, fontSize: 24, valueTicks: 3, rowStep: 44, maxLabelShare: 0.45 },
];

/** Width of one character in em (see textWidth). */
function charEm(char: string): number {
  if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(char)) return 1;
  if (/[.,:;'|!il ]/.test(char)) return 0.3;
  if (/[%mwMW@…—]/.test(char)) return 0.9;
  return 0.62;
}

/**
 * Estimated width of a text in px. Plot cannot measure text (there is no layout engine at build
 * time) and its own estimate knows Latin only; CJK characters are one em wide, digits ~0.6 em.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em * fontSize;
}

const ELLIPSIS_EM = charEm('…');

/**
 * `text` cut to fit `width`, with an ellipsis (the table and the tooltip keep the full name).
 * Linear in the length: the width of every prefix is summed once (a 100,000-character village
 * name used to be re-measured per removed character). Same sums in the same order as textWidth,
 * so the cut is exactly where measuring each candidate would put it.
 */
export function fitText(text: string, width: number, fontSize: number): string {
  const chars = [...text];
  const prefix = new Float64Array(chars.length + 1);
  let em = 0;
  for (let i = 0; i < chars.length; i++) prefix[i + 1] = em += charEm(chars[i]!);
  if (em * fontSize <= width) return text;
  let keep = chars.length;
  while (keep > 1 && (prefix[keep]! + ELLIPSIS_EM) * fontSize > width) keep--;
  return chars.slice(0, keep).join('') + '…';
}
