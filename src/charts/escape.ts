// Text from staff-written Markdown and CSV goes into HTML and SVG: escape all of it.
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates):
 * one of them makes a feed or an SVG file not well-formed, and readers reject the whole file. They
 * reach the text from Word (U+000B for Shift+Enter) or a pasted terminal (ESC) and mean nothing.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML forbids (a vertical tab or form feed becomes a space). */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : ''));
}

/** Escapes text for HTML or XML content and double- or single-quoted attribute values. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => entities[c]!);
}
