// Finds the scenario's Simulation document for a text edit, on the main thread (an inject
// button, a drag, a delete). The work is linear in the text and bounded: texts the engine
// refuses are not edited, only the document that names the Simulation kind is parsed (a large
// workload is skipped by a line scan), and the yaml package's duplicate-key check, which
// compares every key with every earlier one, is off (the engine reports duplicates itself).

import { isMap, isScalar, parseAllDocuments, type Document, type Pair, type YAMLMap } from 'yaml';
import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';

export interface Located {
  doc: Document.Parsed;
  map: YAMLMap;
  events: Pair | undefined;
  /** The Simulation document's own text: every range above points into it. */
  text: string;
  /** Where that text starts in the whole scenario. */
  offset: number;
}

/** Offsets where a YAML document may start: 0 and every line that opens with `---`. */
export function documentStarts(text: string): number[] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index > 0) starts.push(m.index);
  }
  return starts;
}

const NAMES_SIMULATION = /^[ \t]*(?:kind:[ \t]*["']?Simulation\b|apiVersion:[ \t]*["']?sidecar-lab\/)/m;

const parseLinear = (text: string) => parseAllDocuments(text, { uniqueKeys: false });

function isSimulation(map: YAMLMap): boolean {
  const kind: unknown = map.get('kind');
  const api: unknown = map.get('apiVersion');
  return kind === 'Simulation' || (typeof api === 'string' && api.startsWith('sidecar-lab/'));
}

/**
 * The Simulation document, 'none' when the scenario has none (a new one may be appended), or
 * null when the text cannot be edited safely (too large, YAML errors, a flow-style document).
 */
export function findSimulation(text: string): Located | null | 'none' {
  if (text.length > MAX_TEXT_CHARS) return null;
  const starts = documentStarts(text);
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const own = text.slice(offset, starts[i + 1] ?? text.length);
    if (!NAMES_SIMULATION.test(own)) continue;
    const docs = parseLinear(own);
    if (!Array.isArray(docs)) continue;
    if (docs.some((d) => d.errors.length > 0)) return null;
    for (const doc of docs) {
      const map = doc.contents;
      if (!isMap(map) || !isSimulation(map)) continue;
      if (map.flow) return null;
      const events = map.items.find((p) => isScalar(p.key) && p.key.value === 'events') as Pair | undefined;
      return { doc, map, events, text: own, offset };
    }
  }
  // No Simulation document: the caller appends one, so the rest must be sound YAML.
  const docs = parseLinear(text);
  if (Array.isArray(docs) && docs.some((d) => d.errors.length > 0)) return null;
  return 'none';
}

/** The whole scenario with the Simulation document's text replaced by `edited`. */
export function spliceDocument(text: string, found: Located, edited: string): string {
  return text.slice(0, found.offset) + edited + text.slice(found.offset + found.text.length);
}
