// The version and feature gates a scenario text sets in its Simulation document, read and
// written as careful text edits: only the lines concerned change, so the user's comments and
// formatting stay, and the version travels with the text (share links, reload). A missing
// Simulation document or key is created. Pure: no Monaco, no store.
//
// Reading runs on every keystroke, so it never parses the whole text: a line scan finds the
// documents, and only the one that can be the Simulation document is parsed.

import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';
import { normalizeVersion } from '../../engine/scenario/simulationDoc';
import { isSupportedVersion, type KubeVersion } from '../../engine/version';

/** A Simulation document larger than this is not parsed on the page (the engine still reads it). */
export const MAX_SIMULATION_DOC_CHARS = 256_000;

export interface SimulationSettings {
  /** The text has a Simulation document. */
  hasDocument: boolean;
  /** Its kubernetesVersion as written, normalized the engine's way ("v1.30.2" -> "1.30"). */
  version?: string;
  /** Its featureGates entries with a true/false value, in written order. */
  gates: Record<string, boolean>;
  /** The document can be edited safely (it parses, and it is a block mapping). */
  editable: boolean;
}

const NONE: SimulationSettings = Object.freeze({ hasDocument: false, gates: Object.freeze({}) as Record<string, boolean>, editable: true });
const UNREADABLE: SimulationSettings = Object.freeze({ hasDocument: false, gates: Object.freeze({}) as Record<string, boolean>, editable: false });

interface Located {
  /** Offset of the document's first character in the whole text. */
  base: number;
  map: YAMLMap;
}

type Found = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'found'; doc: Located };

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
  const kind = map.get('kind');
  const api = map.get('apiVersion');
  return kind === 'Simulation' || (typeof api === 'string' && api.startsWith('sidecar-lab/'));
}

function findSimulation(text: string): Found {
  if (text.length > MAX_TEXT_CHARS) return { kind: 'unreadable' };
  if (!text.includes('Simulation') && !text.includes('sidecar-lab/')) return { kind: 'none' };
  for (const [start, end] of documentRanges(text)) {
    const slice = text.slice(start, end);
    if (!slice.includes('Simulation') && !slice.includes('sidecar-lab/')) continue;
    if (slice.length > MAX_SIMULATION_DOC_CHARS) return { kind: 'unreadable' };
    const doc = parseDocument(slice, { uniqueKeys: false });
    const map = doc.contents;
    if (!isMap(map) || !isSimulationMap(map)) continue;
    if (doc.errors.length > 0 || map.flow) return { kind: 'unreadable' };
    return { kind: 'found', doc: { base: start, map } };
  }
  return { kind: 'none' };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function readVersion(text: string, loc: Located): string | undefined {
  const value = pairOf(loc.map, 'kubernetesVersion')?.value;
  if (!isScalar(value) || value.value === null || !value.range) return undefined;
  // The source text, as the engine reads it: unquoted 1.30 is "1.30", not the number 1.3.
  const raw = typeof value.value === 'string' ? value.value : text.slice(loc.base + value.range[0], loc.base + value.range[1]);
  return normalizeVersion(raw);
}

function readGates(loc: Located): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const value = pairOf(loc.map, 'featureGates')?.value;
  if (!isMap(value)) return out;
  for (const p of value.items) {
    if (isScalar(p.key) && typeof p.key.value === 'string' && isScalar(p.value) && typeof p.value.value === 'boolean') {
      out[p.key.value] = p.value.value;
    }
  }
  return out;
}

let lastText: string | undefined;
let lastSettings: SimulationSettings = NONE;

/** The settings `text` writes. The last answer is cached, so calling it per render is cheap. */
export function readSimulationSettings(text: string): SimulationSettings {
  if (text === lastText) return lastSettings;
  const found = findSimulation(text);
  let settings: SimulationSettings;
  if (found.kind === 'none') settings = NONE;
  else if (found.kind === 'unreadable') settings = UNREADABLE;
  else {
    const version = readVersion(text, found.doc);
    settings = { hasDocument: true, gates: readGates(found.doc), editable: true, ...(version !== undefined ? { version } : {}) };
  }
  lastText = text;
  // The same answer keeps its identity, so a component reading it re-renders only on a change.
  if (!sameSettings(settings, lastSettings)) lastSettings = settings;
  return lastSettings;
}

function sameSettings(a: SimulationSettings, b: SimulationSettings): boolean {
  if (a.hasDocument !== b.hasDocument || a.version !== b.version || a.editable !== b.editable) return false;
  const ak = Object.keys(a.gates);
  return ak.length === Object.keys(b.gates).length && ak.every((k) => a.gates[k] === b.gates[k]);
}

/** The supported version the text names, if it names one. */
export function scenarioVersion(text: string): KubeVersion | undefined {
  const v = readSimulationSettings(text).version;
  return v !== undefined && isSupportedVersion(v) ? v : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing.

const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (text: string, i: number) => {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
};
const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** Inserts `lines` as new lines after the line that ends at `at` (a newline's offset, or the text's end). */
function insertLinesAfter(text: string, at: number, lines: string): string {
  if (at < text.length) return splice(text, at, at, `\n${lines}`);
  return text === '' || text.endsWith('\n') ? `${text}${lines}\n` : `${text}\n${lines}\n`;
}

/** [start, end) of a node in the whole text. */
function rangeOf(loc: Located, node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [loc.base + r[0], loc.base + r[1]] : undefined;
}

/** The offset at the end of the last line of a pair (its value's last line, or its key's). */
function pairLineEnd(text: string, loc: Located, pair: Pair): number {
  const r = rangeOf(loc, pair.value) ?? rangeOf(loc, pair.key);
  if (!r) return text.length;
  return lineEnd(text, Math.max(r[1] - 1, r[0]));
}

function keyColumn(text: string, loc: Located, map: YAMLMap): number {
  const r = rangeOf(loc, map.items[0]?.key);
  return r ? r[0] - lineStart(text, r[0]) : 0;
}

/** Where a new top-level key goes: after `after` (the first of these keys present), else after kind/apiVersion. */
function insertionPoint(text: string, loc: Located, after: string[]): number {
  for (const key of [...after, 'kind', 'apiVersion']) {
    const p = pairOf(loc.map, key);
    if (p) return pairLineEnd(text, loc, p);
  }
  const last = loc.map.items.at(-1);
  return last ? pairLineEnd(text, loc, last) : text.length;
}

function newDocument(text: string, body: string): string {
  const trimmed = text.replace(/\s+$/, '');
  const opened = /(?:^|\n)---[ \t]*$/.test(trimmed);
  const head = trimmed === '' ? '' : `${trimmed}\n`;
  return `${head}${opened ? '' : '---\n'}apiVersion: sidecar-lab/v1\nkind: Simulation\n${body}`;
}

const versionLiteral = (v: string) => `"${v}"`;

/**
 * The text with its Simulation document's kubernetesVersion set to `version` (the document or
 * the key is created when missing). Null when the document cannot be edited safely.
 */
export function withKubernetesVersion(text: string, version: KubeVersion): string | null {
  const found = findSimulation(text);
  if (found.kind === 'unreadable') return null;
  let out: string;
  if (found.kind === 'none') {
    out = newDocument(text, `kubernetesVersion: ${versionLiteral(version)}\n`);
  } else {
    const loc = found.doc;
    const pair = pairOf(loc.map, 'kubernetesVersion');
    if (pair) {
      const r = rangeOf(loc, pair.value);
      const k = rangeOf(loc, pair.key);
      if (r && r[0] === r[1] && k) {
        // `kubernetesVersion:` with nothing after the colon.
        const colon = text.indexOf(':', k[1]);
        out = splice(text, colon + 1, colon + 1, ` ${versionLiteral(version)}`);
      } else if (r && isScalar(pair.value)) {
        out = splice(text, r[0], r[1], versionLiteral(version));
      } else {
        return null;
      }
    } else {
      const indent = ' '.repeat(keyColumn(text, loc, loc.map));
      out = insertLinesAfter(text, insertionPoint(text, loc, []), `${indent}kubernetesVersion: ${versionLiteral(version)}`);
    }
  }
  return readSimulationSettings(out).version === version ? out : null;
}

/**
 * The text with the feature gate `name` set to `value` in its Simulation document's
 * featureGates (created when missing), or removed from it when `value` is undefined. Null when
 * the document cannot be edited safely.
 */
export function withFeatureGate(text: string, name: string, value: boolean | undefined): string | null {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return null;
  const found = findSimulation(text);
  if (found.kind === 'unreadable') return null;
  let out: string | null;
  if (found.kind === 'none') {
    if (value === undefined) return text;
    out = newDocument(text, `featureGates:\n  ${name}: ${value}\n`);
  } else {
    out = editGates(text, found.doc, name, value);
  }
  if (out === null) return null;
  const after = readSimulationSettings(out).gates;
  const ok = value === undefined ? !(name in after) : after[name] === value;
  return ok ? out : null;
}

function editGates(text: string, loc: Located, name: string, value: boolean | undefined): string | null {
  const gatesPair = pairOf(loc.map, 'featureGates');
  const topIndent = ' '.repeat(keyColumn(text, loc, loc.map));
  if (!gatesPair) {
    if (value === undefined) return text;
    return insertLinesAfter(text, insertionPoint(text, loc, ['kubernetesVersion']), `${topIndent}featureGates:\n${topIndent}  ${name}: ${value}`);
  }
  const gates = gatesPair.value;
  const keyRange = rangeOf(loc, gatesPair.key);
  if (!keyRange) return null;
  if (gates === null || (isScalar(gates) && gates.value === null)) {
    if (value === undefined) return text;
    const r = rangeOf(loc, gates);
    if (r && r[1] > r[0]) return splice(text, r[0], r[1], `{ ${name}: ${value} }`); // `~` or `null`
    return insertLinesAfter(text, lineEnd(text, keyRange[1]), `${topIndent}  ${name}: ${value}`);
  }
  if (!isMap(gates)) return null;
  const entry = gates.items.find((p) => isScalar(p.key) && p.key.value === name);
  if (entry) {
    const r = rangeOf(loc, entry.value);
    if (value !== undefined) return r && isScalar(entry.value) && r[1] > r[0] ? splice(text, r[0], r[1], String(value)) : null;
    return removeEntry(text, loc, gatesPair, gates, entry);
  }
  if (value === undefined) return text;
  if (gates.flow) {
    const r = rangeOf(loc, gates);
    if (!r) return null;
    const close = text.lastIndexOf('}', r[1] - 1);
    const last = gates.items.at(-1);
    if (!last) return splice(text, r[0], r[1], `{ ${name}: ${value} }`);
    const lastEnd = rangeOf(loc, last.value)?.[1] ?? rangeOf(loc, last.key)?.[1];
    if (lastEnd === undefined || close < lastEnd) return null;
    return splice(text, lastEnd, lastEnd, `, ${name}: ${value}`);
  }
  const last = gates.items.at(-1);
  if (!last) return null;
  const indent = ' '.repeat(keyColumn(text, loc, gates));
  return insertLinesAfter(text, pairLineEnd(text, loc, last), `${indent}${name}: ${value}`);
}

function removeEntry(text: string, loc: Located, gatesPair: Pair, gates: YAMLMap, entry: Pair): string | null {
  const k = rangeOf(loc, entry.key);
  const v = rangeOf(loc, entry.value) ?? k;
  if (!k || !v) return null;
  if (gates.items.length === 1) {
    // The only gate: remove the whole featureGates key.
    const gk = rangeOf(loc, gatesPair.key);
    if (!gk) return null;
    const start = lineStart(text, gk[0]);
    const end = pairLineEnd(text, loc, gatesPair);
    if (text.slice(start, gk[0]).trim() !== '') return null;
    return splice(text, start, Math.min(end + 1, text.length), '');
  }
  if (gates.flow) {
    const i = gates.items.indexOf(entry);
    if (i > 0) {
      const prevEnd = rangeOf(loc, gates.items[i - 1]!.value)?.[1];
      return prevEnd === undefined ? null : splice(text, prevEnd, v[1], '');
    }
    const nextStart = rangeOf(loc, gates.items[1]!.key)?.[0];
    return nextStart === undefined ? null : splice(text, k[0], nextStart, '');
  }
  const start = lineStart(text, k[0]);
  if (text.slice(start, k[0]).trim() !== '') return null;
  const end = lineEnd(text, Math.max(v[1] - 1, v[0]));
  return splice(text, start, Math.min(end + 1, text.length), '');
}

/**
 * The text with its Simulation document's `until` set to `seconds` (written like `80s`; the
 * document or the key is created when missing). Null when the document cannot be edited safely.
 */
export function withUntil(text: string, seconds: number): string | null {
  const literal = `${Math.round(seconds * 1000) / 1000}s`;
  const found = findSimulation(text);
  if (found.kind === 'unreadable') return null;
  let out: string;
  if (found.kind === 'none') {
    out = newDocument(text, `until: ${literal}\n`);
  } else {
    const loc = found.doc;
    const pair = pairOf(loc.map, 'until');
    if (pair) {
      const r = rangeOf(loc, pair.value);
      const k = rangeOf(loc, pair.key);
      if (r && r[0] === r[1] && k) {
        const colon = text.indexOf(':', k[1]);
        out = splice(text, colon + 1, colon + 1, ` ${literal}`);
      } else if (r && isScalar(pair.value)) {
        out = splice(text, r[0], r[1], literal);
      } else {
        return null;
      }
    } else {
      const indent = ' '.repeat(keyColumn(text, loc, loc.map));
      out = insertLinesAfter(text, insertionPoint(text, loc, []), `${indent}until: ${literal}`);
    }
  }
  const check = findSimulation(out);
  const written = check.kind === 'found' ? pairOf(check.doc.map, 'until')?.value : undefined;
  return isScalar(written) && String(written.value) === literal ? out : null;
}
