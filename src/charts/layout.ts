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

/**
 * Estimated width of a text in px. Plot cannot measure text (there is no layout engine at build
 * time) and its own estimate knows Latin only; CJK characters are one em wide, digits ~0.6 em.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(char)) em += 1;
    else if (/[.,:;'|!il ]/.test(char)) em += 0.3;
    else if (/[%mwMW@…—]/.test(char)) em += 0.9;
    else em += 0.62;
  }
  return em * fontSize;
}

/** `text` cut to fit `width`, with an ellipsis (the table and the tooltip keep the full name). */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize) > width) chars.pop();
  return chars.join('') + '…';
}
