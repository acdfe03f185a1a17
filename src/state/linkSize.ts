// Why a share link is too long, and a lighter text to share instead where that is sound. The
// parts of a scenario that grow without bound are measured in its source (metadata annotations
// and managedFields of a manifest copied from a cluster, a status, a long env list…); annotations
// and managedFields can go, because the simulation never reads them.

import { isMap, isScalar, parseAllDocuments, type Document, type Pair, type YAMLMap } from 'yaml';

export interface BigPart {
  /** The field's path, e.g. "metadata.annotations". */
  path: string;
  /** UTF-8 bytes of its source text. */
  bytes: number;
}

/** Fields a lighter copy may leave out: the engine ignores them. */
const DROPPABLE = ['metadata.annotations', 'metadata.managedFields', 'spec.template.metadata.annotations'];

const utf8 = new TextEncoder();
const bytesOf = (s: string) => utf8.encode(s).length;

function pairsOf(map: unknown): Pair[] {
  return isMap(map) ? (map as YAMLMap).items as Pair[] : [];
}

function keyName(p: Pair): string {
  return isScalar(p.key) ? String(p.key.value) : '';
}

interface Located {
  path: string;
  pair: Pair;
}

/** Every field down to the depth the big parts live at (metadata.*, spec.*, spec.template.metadata.*). */
function located(doc: Document, prefix: string[] = [], node: unknown = doc.contents, depth = 0): Located[] {
  const out: Located[] = [];
  for (const p of pairsOf(node)) {
    const path = [...prefix, keyName(p)];
    out.push({ path: path.join('.'), pair: p });
    if (depth < 3 && ['metadata', 'spec', 'template'].includes(keyName(p))) out.push(...located(doc, path, p.value, depth + 1));
  }
  return out;
}

function span(text: string, p: Pair): [number, number] | null {
  const k = (p.key as { range?: [number, number, number] } | null)?.range;
  const v = (p.value as { range?: [number, number, number] } | null)?.range;
  if (!k || !v) return null;
  return [k[0], Math.max(v[2], v[1])];
}

/** The biggest parts of the text, largest first (fields that are themselves containers of a listed field are left out). */
export function bigParts(text: string, count = 3): BigPart[] {
  const parts: BigPart[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc)) continue;
    const all = located(doc);
    for (const l of all) {
      if (all.some((o) => o.path.startsWith(`${l.path}.`))) continue;
      const r = span(text, l.pair);
      if (r) parts.push({ path: l.path, bytes: bytesOf(text.slice(r[0], r[1])) });
    }
  }
  return parts.sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/**
 * The text without the fields the simulation never reads (annotations, managedFields), cut out
 * line by line in block style; null when there are none or they cannot be cut out cleanly (the
 * result is re-read and must hold everything else unchanged).
 */
export function withoutIgnoredFields(text: string): { text: string; dropped: string[] } | null {
  const cuts: [number, number][] = [];
  const dropped = new Set<string>();
  const docs = parseAllDocuments(text);
  for (const doc of docs) {
    if (!('contents' in doc) || doc.errors.length > 0) return null;
    for (const l of located(doc)) {
      if (!DROPPABLE.includes(l.path)) continue;
      const r = span(text, l.pair);
      if (!r) return null;
      const lineStart = text.lastIndexOf('\n', r[0] - 1) + 1;
      if (text.slice(lineStart, r[0]).trim() !== '') return null; // flow style: not cut by lines
      const nl = text.indexOf('\n', r[1] - 1);
      cuts.push([lineStart, nl === -1 ? text.length : nl + 1]);
      dropped.add(l.path);
    }
  }
  if (cuts.length === 0) return null;
  let out = text;
  for (const [a, b] of cuts.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + out.slice(b);
  const expected = docs.map((d) => {
    const js = d.toJS() as unknown;
    for (const path of DROPPABLE) deletePath(js, path.split('.'));
    return js;
  });
  const after = parseAllDocuments(out);
  if (after.length !== docs.length || after.some((d) => !('contents' in d) || d.errors.length > 0)) return null;
  const same = JSON.stringify(after.map((d) => d.toJS() as unknown)) === JSON.stringify(expected);
  return same ? { text: out, dropped: [...dropped] } : null;
}

function deletePath(obj: unknown, path: string[]): void {
  let node = obj;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[path.at(-1)!];
}
