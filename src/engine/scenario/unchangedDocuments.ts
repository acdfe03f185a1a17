// The leading YAML documents of the last text read, kept for the next text that begins the same
// way (issue 16). A keystroke in a scenario's Simulation document used to read the workload's
// YAML again too: on the 40-container pod of the keystroke bench, parseScenario was ~22 of the
// 79 ms of the worker's run in a traced Chromium keystroke, and the `yaml` package's lexer,
// parser and composer ~80% of parseScenario (7.7 of 9.4 ms warm in Node).
//
// Why reuse is sound: a line that starts with `---` followed by a space, a tab or a line break is
// a document marker wherever it stands (YAML 1.2 c-forbidden: no scalar or collection may hold
// one), so a document ends where the next marker begins and reads the same whatever follows. A
// new text that is identical to the remembered one up to and including such a marker holds the
// same documents before it, at the same lines; only the text from the marker on is read again.
// Directives (`%YAML`, `%TAG`) would carry state from before a marker into the document after
// it, so a text with a line starting with `%` is never remembered.
//
// Only documents that read without a single problem are kept; the result of a read is the same
// whether or not documents were reused (unchangedDocuments.test.ts checks it on random edits).
// The documents are shared between reads: nothing downstream writes to a YNode.

import type { YamlDoc } from './yamlDocs';

/** Texts longer than this are not remembered: their documents would stay in memory until the next read. */
export const MAX_REMEMBERED_CHARS = 200_000;

/** A document marker (`---` and a space, tab or line break) in a remembered text, and what came before it. */
export interface Boundary {
  /** Offset of the marker's first `-`, at the start of a line. */
  offset: number;
  /** The marker's line, 1-based. */
  line: number;
  /** The non-empty documents before the marker, as read. */
  docs: readonly YamlDoc[];
}

interface Remembered {
  text: string;
  /** In increasing offset order. */
  boundaries: readonly Boundary[];
}

let remembered: Remembered | undefined;

/** How many leading characters two texts share. */
export function sharedPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Whether a document marker begins at `offset` of `text` (the caller knows it starts a line). */
export function isMarkerAt(text: string, offset: number): boolean {
  if (!text.startsWith('---', offset)) return false;
  const next = text.charCodeAt(offset + 3);
  return next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * The boundaries of the remembered text that `text` keeps (everything before one and the marker's
 * four characters unchanged), in order: the last is where reading starts again. Empty when none.
 */
export function keptBoundaries(text: string): readonly Boundary[] {
  if (!remembered) return [];
  const shared = sharedPrefixLength(remembered.text, text);
  const all = remembered.boundaries;
  let n = 0;
  while (n < all.length && all[n]!.offset + 4 <= shared) n++;
  return n === all.length ? all : all.slice(0, n);
}

/** Whether a text may be remembered at all (see the header). */
export function rememberable(text: string): boolean {
  return text.length <= MAX_REMEMBERED_CHARS && !/^%/m.test(text);
}

/** Keeps `boundaries` of `text` for the next read (an empty list forgets the last text). */
export function remember(text: string, boundaries: readonly Boundary[]): void {
  remembered = boundaries.length > 0 && rememberable(text) ? { text, boundaries } : undefined;
}

/** Forgets the remembered text (tests). */
export function forgetDocuments(): void {
  remembered = undefined;
}
