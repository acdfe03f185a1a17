// The smallest single edit that turns one text into another: the common start and end stay,
// the middle is replaced. Applying a changed text this way keeps the cursor, the scroll position
// and the markers of the unchanged parts, and makes one undo step of it. Pure.

export interface TextEdit {
  /** Offsets into the old text: [start, end) is replaced by `text`. */
  start: number;
  end: number;
  text: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // Never split a surrogate pair or a CRLF.
  if (p > 0 && (isHigh(before.charCodeAt(p - 1)) || (before.charCodeAt(p - 1) === 13 && before.charCodeAt(p) === 10))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0) {
    const first = before.length - s;
    if (isLow(before.charCodeAt(first)) || (before.charCodeAt(first) === 10 && before.charCodeAt(first - 1) === 13)) s--;
  }
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}
