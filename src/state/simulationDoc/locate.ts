// Finding the scenario's Simulation document (contract section 1) in the editor's text, on the
// main thread and on every keystroke: the work is linear in the text and bounded. A line scan
// splits the YAML stream into documents, and only a document that can be the Simulation document
// is parsed (a large workload is skipped); the yaml package's duplicate-key check, which compares
// every key with every earlier one, is off (the engine reports duplicates itself). Texts the
// engine refuses are not read.

import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';

/** A Simulation document larger than this is not parsed on the page (the engine still reads it). */
export const MAX_SIMULATION_DOC_CHARS = 256_000;

export interface SimulationDoc {
  /** Where the document's own text starts in the whole scenario. */
  base: number;
  /** The document's own text: every node range of `map` points into it. */
  source: string;
  map: YAMLMap;
  /** It can be edited safely: a block mapping (a flow-style document is only read). */
  editable: boolean;
}

export type Found = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'found'; doc: SimulationDoc };

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r]|$)/gm;

/** The documents of a YAML stream as [start, end) offsets; a `---` line belongs to the document it opens. */
export function documentRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(MARKER)) {
    const at = m.index;
    if (at > start) out.push([start, at]);
    if (m[0] === '...') {
      const nl = text.indexOf('\n', at);
      start = nl < 0 ? text.length : nl + 1;
    } else {
      start = at;
    }
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}

/** The engine's rule (engine/scenario/simulationDoc.ts isSimulationDoc). */
function isSimulationMap(map: YAMLMap): boolean {
  const kind: unknown = map.get('kind');
  const api: unknown = map.get('apiVersion');
  return kind === 'Simulation' || (typeof api === 'string' && api.startsWith('sidecar-lab/'));
}

const mayName = (s: string) => s.includes('Simulation') || s.includes('sidecar-lab/');

/** The text's Simulation document; 'unreadable' when it has YAML errors or the text is too large. */
export function findSimulation(text: string): Found {
  if (text.length > MAX_TEXT_CHARS) return { kind: 'unreadable' };
  if (!mayName(text)) return { kind: 'none' };
  for (const [start, end] of documentRanges(text)) {
    const source = text.slice(start, end);
    if (!mayName(source)) continue;
    if (source.length > MAX_SIMULATION_DOC_CHARS) return { kind: 'unreadable' };
    const doc = parseDocument(source, { uniqueKeys: false });
    const map = doc.contents;
    if (!isMap(map) || !isSimulationMap(map)) continue;
    if (doc.errors.length > 0) return { kind: 'unreadable' };
    return { kind: 'found', doc: { base: start, source, map, editable: !map.flow } };
  }
  return { kind: 'none' };
}

/** The pair of `map` whose key is `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** The whole scenario with the Simulation document's text replaced by `edited`. */
export function spliceDocument(text: string, doc: SimulationDoc, edited: string): string {
  return text.slice(0, doc.base) + edited + text.slice(doc.base + doc.source.length);
}
