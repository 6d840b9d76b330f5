// The two drawings of every chart, sized so that chart text on screen stays at least 0.75 × the
// body text at every 字号 (issue 12). Both SVGs are drawn 100% of their column wide, capped in rem
// by chartCss, so their text grows with the reader's text size instead of shrinking:
// - wide: 640 units for 16 px text (40 em across), shown from a column of 31rem up (text ≥ 0.78
//   rem) and capped at 40rem (text = 1 rem);
// - narrow: 340 units for 20 px text (17 em across): on a 360 px phone (a 312-324 px column)
//   text is 18.4 px at 特大 and 19 px at 标准.
// The thresholds live in chartCss (css.ts); change them together.
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
  { name: 'narrow', width: 340, height: 340, fontSize: 20, valueTicks: 4, rowStep: 40, maxLabelShare: 0.5 },
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
