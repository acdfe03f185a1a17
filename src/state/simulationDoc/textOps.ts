// The small text operations every edit of the Simulation document is made of. An edit changes
// only the lines concerned, so the user's comments, blank lines, quoting and alignment stay
// exactly as written (the yaml package's Document.toString() would re-indent comments and flow
// collections); the yaml Document gives the node ranges where to cut. Offsets are into the
// document's own text (SimulationDoc.source). New lines follow the text's line ending.

import type { Pair, YAMLMap } from 'yaml';

export const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;

export const lineEnd = (text: string, i: number) => {
  const n = text.indexOf('\n', i);
  if (n < 0) return text.length;
  return n > 0 && text[n - 1] === '\r' ? n - 1 : n;
};

export const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** The text's line ending: CRLF when it uses one, else LF. */
export const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** `lines` (joined with \n) with the text's own line ending. */
export const inEol = (text: string, lines: string) => (eolOf(text) === '\n' ? lines : lines.replace(/\n/g, '\r\n'));

/** The offset after the line ending of the line that ends at `end` (or the text's end). */
export function afterLine(text: string, end: number): number {
  if (text.startsWith('\r\n', end)) return end + 2;
  return text[end] === '\n' ? end + 1 : end;
}

/** Inserts `lines` as new lines after the line that ends at `at` (a line end's offset, or the text's end). */
export function insertLinesAfter(text: string, at: number, lines: string): string {
  const eol = eolOf(text);
  const body = inEol(text, lines);
  if (at < text.length) return splice(text, at, at, `${eol}${body}`);
  return text === '' || text.endsWith('\n') ? `${text}${body}${eol}` : `${text}${eol}${body}${eol}`;
}

/** [start, end) of a node in the document's own text. */
export function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** The offset at the end of the last line of a pair (its value's last line, or its key's). */
export function pairLineEnd(text: string, pair: Pair): number {
  const r = rangeOf(pair.value) ?? rangeOf(pair.key);
  if (!r) return text.length;
  return lineEnd(text, Math.max(r[1] - 1, r[0]));
}

/** The column of a block map's keys. */
export function keyColumn(text: string, map: YAMLMap): number {
  const r = rangeOf(map.items[0]?.key);
  return r ? r[0] - lineStart(text, r[0]) : 0;
}

/** `text` with the Simulation document `body` appended (after a `---` line, unless the text ends with one). */
export function appendDocument(text: string, body: string): string {
  const eol = eolOf(text);
  const trimmed = text.replace(/\s+$/, '');
  const opened = /(?:^|\n)---[ \t]*$/.test(trimmed);
  const head = trimmed === '' ? '' : `${trimmed}${eol}`;
  return `${head}${opened ? '' : `---${eol}`}${inEol(text, `apiVersion: sidecar-lab/v1\nkind: Simulation\n${body}`)}`;
}
