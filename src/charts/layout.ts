// The two drawings of every chart. The wide one is shown from 601 px up (scaled to at least
// ~570 px, so 14 px text stays above 12 px); the narrow one is drawn for a 360 px phone whose
// content column is about 330 px (14 px text at 340 → ≥ 13 px on screen).

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
  { name: 'wide', width: 640, height: 340, fontSize: 14, valueTicks: 6, rowStep: 30, maxLabelShare: 0.3 },
  { name: 'narrow', width: 340, height: 280, fontSize: 14, valueTicks: 4, rowStep: 30, maxLabelShare: 0.4 },
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
