// A small, position-carrying view of a YAML document: maps keep their keys' positions, scalars
// keep their source text (so `kubernetesVersion: 1.30` can be read as "1.30", not 1.3).

import type { Span } from './problems';

export type ScalarValue = string | number | boolean | null;

export interface YScalar {
  kind: 'scalar';
  span: Span;
  value: ScalarValue;
  /** The scalar as written (plain scalars: exactly the text; quoted: the text inside the quotes). */
  source: string;
  quoted: boolean;
}

export interface YEntry {
  key: string;
  keySpan: Span;
  value: YNode;
}

export interface YMap {
  kind: 'map';
  span: Span;
  entries: YEntry[];
}

export interface YSeq {
  kind: 'seq';
  span: Span;
  items: YNode[];
}

export type YNode = YScalar | YMap | YSeq;

export function isMap(n: YNode | undefined): n is YMap { return n?.kind === 'map'; }
export function isSeq(n: YNode | undefined): n is YSeq { return n?.kind === 'seq'; }
export function isScalar(n: YNode | undefined): n is YScalar { return n?.kind === 'scalar'; }

/** An explicit null (`key:` or `key: null`): Kubernetes treats such a field as absent. */
export function isNull(n: YNode | undefined): boolean {
  return n === undefined || (n.kind === 'scalar' && n.value === null);
}

export function entry(map: YMap | undefined, key: string): YEntry | undefined {
  if (!map) return undefined;
  // The last occurrence wins, as in encoding/json (duplicates are a YAML error anyway).
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const e = map.entries[i];
    if (e && e.key === key) return e;
  }
  return undefined;
}

/** The entry for `key` unless it is absent or null. */
export function present(map: YMap | undefined, key: string): YEntry | undefined {
  const e = entry(map, key);
  return e && !isNull(e.value) ? e : undefined;
}

/** A JSON-ish name for a node's type, as encoding/json names it in type errors. */
export function jsonKind(n: YNode): string {
  if (n.kind === 'map') return 'object';
  if (n.kind === 'seq') return 'array';
  if (typeof n.value === 'string') return 'string';
  if (typeof n.value === 'number') return Number.isInteger(n.value) ? 'number' : `number ${n.source}`;
  if (typeof n.value === 'boolean') return 'bool';
  return 'null';
}

/** Where a node starts (a one-character span), for "this item" markers. */
export function startOf(span: Span): Span {
  return { line: span.line, col: span.col, endLine: span.line, endCol: span.col + 1 };
}
