// What reaches the terminal is never an instruction to it. Scenario and Pod files may hold
// control characters (ESC sequences that retitle or clear the terminal or hide what follows,
// BEL, C1 controls) and Unicode format characters that reorder a line (U+202E and the other
// bidirectional overrides and isolates, line and paragraph separators). Every line `sim` prints
// has them written as \uXXXX: readable in the text output, and the same escape JSON uses, so a
// JSON line still parses to the same strings. Tab stays as it is, and so does a line break,
// which in pretty-printed JSON is structure (JSON.stringify escapes those inside strings); the
// text outputs, where a break would come from the input, make each line one line (oneLine).

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function printable(line: string): string {
  return line.replace(UNPRINTABLE, escape);
}

/** A text output line from input values: a line break in them is escaped too. */
export function oneLine(line: string): string {
  return line.replace(/[\n\r]/g, escape);
}
