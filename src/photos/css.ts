// Styles of the photo blocks, appended to the one stylesheet (src/outputs/css.ts).
export const photoCss = `
.photo-gallery { margin: 1.5rem 0; }
.photo-pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.5rem; margin: 0.75rem 0 1.25rem; max-width: 46rem; }
.photo-pair-title { margin: 1rem 0 0.25rem; font-size: 1.05rem; }
.photo-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr)); gap: 0.75rem; list-style: none; padding: 0; margin: 0.75rem 0; max-width: 46rem; }
.photo-grid > li { margin: 0; }
figure.photo { margin: 0; }
figure.photo .photo-link { display: block; }
figure.photo img { display: block; width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: contain; background: var(--soft); border-radius: var(--radius); }
figure.photo figcaption { font-size: 0.95rem; line-height: 1.5; margin-top: 0.3rem; }
/* 整治前 · 2023年3月12日 breaks after the dot, never inside the date (keep-all); a date wider than its column still breaks (anywhere) */
.photo-stage { display: block; font-weight: 700; word-break: keep-all; overflow-wrap: anywhere; }
.point-photos { margin-top: 0.75rem; }
.md-photo { display: block; max-width: 46rem; margin: 1rem 0; }
.md-photo img { display: block; width: 100%; height: auto; border-radius: var(--radius); }
.print-photos { display: none; }
@media print {
  .photo-gallery, .point-photos { display: none !important; }
  /* in the sheet's footer row, between the signature and the QR code: two small photos */
  .print-photos { display: grid !important; grid-template-columns: 30mm 30mm; gap: 2mm; margin: 0; break-inside: avoid; }
  .print-photos img { width: 30mm; height: 22.5mm; object-fit: cover; }
  .print-photos figcaption { font-size: 7.5pt; line-height: 1.2; margin-top: 0.5mm; }
  .print-photos .photo-caption { display: none; }
}
`;
