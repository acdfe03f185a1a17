// When a keystroke cannot change what readSimulationSettings reads (issue 16): the page then keeps
// the last settings instead of parsing the Simulation document again. That parse ran inside
// Monaco's keystroke handler, before the typed character was drawn: ~12 ms a keystroke on the
// bench's 40-container pod, whose Simulation document has 60 fault lines (CPU profile of the
// page's main thread over 12 keystrokes: selectVersion → scenarioVersion → parseDocument, 146 ms).
//
// Why it is sound: typing or deleting letters and digits next to a letter or digit of the same
// line (or after a space, before one) lengthens, shortens or changes one plain, quoted or comment
// token; it never makes or removes an indicator (`:`, `-`, `#`, `,`, brackets, quotes), a line
// break or an indentation, so the document's structure, its keys and its errors stay the same.
// Three kinds of place are then safe:
// - inside the value of a top-level entry of the Simulation document other than the four the
//   settings read (kind, apiVersion, kubernetesVersion, featureGates);
// - in a document after it (findSimulation stops at the first Simulation document);
// - in a document before it, when nothing before it names a Simulation document afterwards (an
//   earlier document is read only if it does).
// What a letter or digit can change is excluded: text with escapes (`\x4` + `1`), block scalar
// headers (`|2`), anchors, aliases and tags (`*a` names another anchor), directives, reserved
// indicators, and an implicit key near the parser's 1,024-character limit. settingsReuse.test.ts
// checks the answer against a fresh parse on random edits of the gallery's scenarios.

import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';
import { MAX_SIMULATION_DOC_CHARS, type SimulationDoc } from './locate';

/** Where edits keep the settings, in the text's offsets. */
export interface SettingsSpans {
  /** The Simulation document's [start, end). */
  docStart: number;
  docEnd: number;
  /** The values of its top-level entries the settings do not read, in order, each [start, end). */
  values: readonly (readonly [number, number])[];
}

/** The top-level keys the settings (and the choice of the document) read. */
const READ_KEYS = new Set(['kind', 'apiVersion', 'kubernetesVersion', 'featureGates']);

/** Characters whose neighbours' letters and digits mean something else (see the header). */
const UNSAFE_IN_DOCUMENT = /[\\|>&*!%@`]/;

const NAMES_SIMULATION = (s: string) => s.includes('Simulation') || s.includes('sidecar-lab/');

/** Lines longer than this are never edited in place (an implicit key may be 1,024 characters at most). */
const MAX_LINE_CHARS = 1000;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function allAlnum(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isAlnum(text.charCodeAt(i))) return false;
  return true;
}

/** The spans of `text` whose edits keep the settings read from `doc`; undefined when none can be vouched for. */
export function spansOf(doc: SimulationDoc): SettingsSpans | undefined {
  if (UNSAFE_IN_DOCUMENT.test(doc.source)) return undefined;
  const values: [number, number][] = [];
  for (const pair of doc.map.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    const range = (pair.value as { range?: [number, number, number] } | null)?.range;
    if (typeof key !== 'string' || READ_KEYS.has(key) || !range) continue;
    values.push([doc.base + range[0], doc.base + range[1]]);
  }
  return { docStart: doc.base, docEnd: doc.base + doc.source.length, values };
}

/**
 * The spans of `next` when editing `prev` (whose spans are `spans`) into `next` keeps the
 * settings; undefined when it may not (the caller parses `next` then).
 */
export function spansAfterEdit(prev: string, next: string, spans: SettingsSpans): SettingsSpans | undefined {
  if (next.length > MAX_TEXT_CHARS || prev === next) return prev === next ? spans : undefined;
  // The one edit: prev = X + removed + Y, next = X + added + Y.
  const limit = Math.min(prev.length, next.length);
  let a = 0;
  while (a < limit && prev.charCodeAt(a) === next.charCodeAt(a)) a++;
  let b = 0;
  while (b < limit - a && prev.charCodeAt(prev.length - 1 - b) === next.charCodeAt(next.length - 1 - b)) b++;
  const removedEnd = prev.length - b;
  const addedEnd = next.length - b;
  if (!allAlnum(prev, a, removedEnd) || !allAlnum(next, a, addedEnd)) return undefined;
  // Next to a letter or digit of the same token, or at a token's start after a space.
  const before = a > 0 ? next.charCodeAt(a - 1) : -1;
  const after = addedEnd < next.length ? next.charCodeAt(addedEnd) : -1;
  if (!isAlnum(before) && !(before === 32 && isAlnum(after))) return undefined;
  const lineStart = next.lastIndexOf('\n', a - 1) + 1;
  const lineEnd = next.indexOf('\n', addedEnd);
  if ((lineEnd < 0 ? next.length : lineEnd) - lineStart > MAX_LINE_CHARS) return undefined;

  const delta = addedEnd - removedEnd;
  const shift = (at: number) => (at >= removedEnd ? at + delta : at);
  if (a > spans.docEnd) return spans; // a later document: the offsets before it do not move
  if (removedEnd <= spans.docStart) {
    if (NAMES_SIMULATION(next.slice(0, spans.docStart + delta))) return undefined;
    return { docStart: spans.docStart + delta, docEnd: spans.docEnd + delta, values: spans.values.map(([s, e]) => [s + delta, e + delta] as const) };
  }
  const inside = spans.values.findIndex(([s, e]) => s < a && removedEnd <= e);
  if (inside < 0 || spans.docEnd + delta - spans.docStart > MAX_SIMULATION_DOC_CHARS) return undefined;
  return {
    docStart: spans.docStart,
    docEnd: spans.docEnd + delta,
    values: spans.values.map(([s, e], i) => (i < inside ? [s, e] as const : [i === inside ? s : shift(s), e + delta] as const)),
  };
}
