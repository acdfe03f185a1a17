// Feature gates, written into the Simulation document's featureGates (the gate toggles, a share
// link's gates): set one, or take it out again. A block map gets a line, a flow map an entry.

import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { editSimulation, insertionPoint } from './edit';
import { pairOf, type SimulationDoc } from './locate';
import { readSimulationSettings } from './read';
import { afterLine, insertLinesAfter, keyColumn, lineEnd, lineStart, pairLineEnd, rangeOf, splice } from './textOps';

/**
 * The text with the feature gate `name` set to `value` in its Simulation document's
 * featureGates (created when missing), or removed from it when `value` is undefined. Null when
 * the document cannot be edited safely.
 */
export function withFeatureGate(text: string, name: string, value: boolean | undefined): string | null {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return null;
  return editSimulation(text, {
    edit: (doc) => editGates(doc, name, value),
    create: value === undefined ? null : `featureGates:\n  ${name}: ${value}\n`,
    check: (out) => {
      const after = readSimulationSettings(out).gates;
      return value === undefined ? !(name in after) : after[name] === value;
    },
  });
}

function editGates(doc: SimulationDoc, name: string, value: boolean | undefined): string | null {
  const { source, map } = doc;
  const gatesPair = pairOf(map, 'featureGates');
  const topIndent = ' '.repeat(keyColumn(source, map));
  if (!gatesPair) {
    if (value === undefined) return source;
    return insertLinesAfter(source, insertionPoint(source, map, ['kubernetesVersion']), `${topIndent}featureGates:\n${topIndent}  ${name}: ${value}`);
  }
  const gates = gatesPair.value;
  const keyRange = rangeOf(gatesPair.key);
  if (!keyRange) return null;
  if (gates === null || (isScalar(gates) && gates.value === null)) {
    if (value === undefined) return source;
    const r = rangeOf(gates);
    if (r && r[1] > r[0]) return splice(source, r[0], r[1], `{ ${name}: ${value} }`); // `~` or `null`
    return insertLinesAfter(source, lineEnd(source, keyRange[1]), `${topIndent}  ${name}: ${value}`);
  }
  if (!isMap(gates)) return null;
  const entry = gates.items.find((p) => isScalar(p.key) && p.key.value === name);
  if (entry) {
    const r = rangeOf(entry.value);
    if (value !== undefined) return r && isScalar(entry.value) && r[1] > r[0] ? splice(source, r[0], r[1], String(value)) : null;
    return removeEntry(source, gatesPair, gates, entry);
  }
  if (value === undefined) return source;
  if (gates.flow) return addToFlow(source, gates, `${name}: ${value}`);
  const last = gates.items.at(-1);
  if (!last) return null;
  const indent = ' '.repeat(keyColumn(source, gates));
  return insertLinesAfter(source, pairLineEnd(source, last), `${indent}${name}: ${value}`);
}

function addToFlow(source: string, gates: YAMLMap, item: string): string | null {
  const r = rangeOf(gates);
  if (!r) return null;
  const close = source.lastIndexOf('}', r[1] - 1);
  const last = gates.items.at(-1);
  if (!last) return splice(source, r[0], r[1], `{ ${item} }`);
  const lastEnd = rangeOf(last.value)?.[1] ?? rangeOf(last.key)?.[1];
  if (lastEnd === undefined || close < lastEnd) return null;
  return splice(source, lastEnd, lastEnd, `, ${item}`);
}

/** Removes the lines from `start`'s line to the end of the line holding `lastChar`; null if `start`'s line holds more before it. */
function removeLines(source: string, start: number, lastChar: number): string | null {
  const from = lineStart(source, start);
  if (source.slice(from, start).trim() !== '') return null;
  return splice(source, from, afterLine(source, lineEnd(source, lastChar)), '');
}

function removeEntry(source: string, gatesPair: Pair, gates: YAMLMap, entry: Pair): string | null {
  const k = rangeOf(entry.key);
  const v = rangeOf(entry.value) ?? k;
  if (!k || !v) return null;
  if (gates.items.length === 1) {
    // The only gate: remove the whole featureGates key.
    const gk = rangeOf(gatesPair.key);
    return gk ? removeLines(source, gk[0], pairLineEnd(source, gatesPair)) : null;
  }
  if (gates.flow) {
    const i = gates.items.indexOf(entry);
    if (i > 0) {
      const prevEnd = rangeOf(gates.items[i - 1]!.value)?.[1];
      return prevEnd === undefined ? null : splice(source, prevEnd, v[1], '');
    }
    const nextStart = rangeOf(gates.items[1]!.key)?.[0];
    return nextStart === undefined ? null : splice(source, k[0], nextStart, '');
  }
  return removeLines(source, k[0], Math.max(v[1] - 1, v[0]));
}
