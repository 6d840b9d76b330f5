// Quoting the value as the person typed it, in messages (contract §5: "quotes the bad value").

/** `"十吨"`: trimmed, and shortened past 40 characters so one line stays one line. */
export function quote(raw: string): string {
  const s = raw.trim();
  const chars = [...s];
  return `"${chars.length > 40 ? chars.slice(0, 40).join('') + '…' : s}"`;
}
