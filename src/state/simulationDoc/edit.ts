// The one way the Simulation document is edited: find it, change its own text, put it back, and
// read the result again. A text without one gets a new document appended. An edit that cannot be
// made safely (YAML errors, a flow-style document, an unusual shape, or a result that does not
// read back as asked) gives null, and the text stays as it is.

import { isMap, isScalar, parseAllDocuments, type YAMLMap } from 'yaml';
import { findSimulation, pairOf, spliceDocument, type SimulationDoc } from './locate';
import { appendDocument, insertLinesAfter, keyColumn, pairLineEnd, rangeOf, splice } from './textOps';

export interface SimulationEdit {
  /** The document's own text, edited; null when it cannot be edited safely. */
  edit(doc: SimulationDoc): string | null;
  /** The body (after apiVersion and kind) of a new document when the text has none; null: nothing to write. */
  create: string | null;
  /** Whether the whole edited text says what was asked. */
  check(out: string): boolean;
}

export function editSimulation(text: string, e: SimulationEdit): string | null {
  const found = findSimulation(text);
  if (found.kind === 'unreadable') return null;
  let out: string;
  if (found.kind === 'none') {
    if (e.create === null) return text;
    out = appendDocument(text, e.create);
    if (!appendedStandsAlone(out)) return null;
  } else {
    if (!found.doc.editable) return null;
    const edited = e.edit(found.doc);
    if (edited === null) return null;
    out = spliceDocument(text, found.doc, edited);
  }
  return out === text || e.check(out) ? out : null;
}

/**
 * The appended document is read as a document of its own: a broken workload (an unclosed quote)
 * can swallow the `---` line, which the line scan of findSimulation would not see. Linear: the
 * duplicate-key check is off.
 */
function appendedStandsAlone(out: string): boolean {
  const docs = parseAllDocuments(out, { uniqueKeys: false });
  const last = Array.isArray(docs) ? docs.at(-1) : undefined;
  if (last === undefined || last.errors.length > 0 || !isMap(last.contents)) return false;
  const kind: unknown = last.contents.get('kind');
  return kind === 'Simulation';
}

/** Where a new top-level key goes: after `after` (the first of these keys present), else after kind/apiVersion. */
export function insertionPoint(source: string, map: YAMLMap, after: string[]): number {
  for (const key of [...after, 'kind', 'apiVersion']) {
    const p = pairOf(map, key);
    if (p) return pairLineEnd(source, p);
  }
  const last = map.items.at(-1);
  return last ? pairLineEnd(source, last) : source.length;
}

/** The document's own text with the top-level scalar `key` set to `literal` (added after kind when missing). */
export function setTopScalar(doc: SimulationDoc, key: string, literal: string): string | null {
  const { source, map } = doc;
  const pair = pairOf(map, key);
  if (!pair) {
    const indent = ' '.repeat(keyColumn(source, map));
    return insertLinesAfter(source, insertionPoint(source, map, []), `${indent}${key}: ${literal}`);
  }
  const r = rangeOf(pair.value);
  const k = rangeOf(pair.key);
  if (r && r[0] === r[1] && k) {
    // `key:` with nothing after the colon.
    const colon = source.indexOf(':', k[1]);
    return colon < 0 ? null : splice(source, colon + 1, colon + 1, ` ${literal}`);
  }
  return r && isScalar(pair.value) ? splice(source, r[0], r[1], literal) : null;
}
