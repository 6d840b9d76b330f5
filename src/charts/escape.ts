// Text from staff-written Markdown and CSV goes into HTML and SVG: escape all of it.
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML or XML content and double- or single-quoted attribute values. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
