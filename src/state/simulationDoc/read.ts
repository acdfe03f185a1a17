// What the scenario text's Simulation document says: its Kubernetes version and feature gates.
// The text is the only source of these: the version picker, the gate toggles, the schema, the
// explain view, share links and the history all read them from here, memoised by text, so the
// store keeps no copy that could disagree with the editor.

import { isMap, isScalar } from 'yaml';
import { normalizeVersion } from '../../engine/scenario/simulationDoc';
import { isSupportedVersion, NEWEST_VERSION, type KubeVersion } from '../../engine/version';
import { findSimulation, pairOf, type Found, type SimulationDoc } from './locate';
import { spansAfterEdit, spansOf, type SettingsSpans } from './settingsReuse';
import { rangeOf } from './textOps';

export interface SimulationSettings {
  /** The text has a Simulation document the page can read. */
  hasDocument: boolean;
  /** Its kubernetesVersion as written, normalized the engine's way ("v1.30.2" -> "1.30"). */
  version?: string;
  /** Its featureGates entries with a true/false value, in written order. */
  gates: Record<string, boolean>;
  /** The document can be edited safely (it parses, and it is a block mapping). */
  editable: boolean;
}

const NO_GATES = Object.freeze({}) as Record<string, boolean>;
const NONE: SimulationSettings = Object.freeze({ hasDocument: false, gates: NO_GATES, editable: true });
const UNREADABLE: SimulationSettings = Object.freeze({ hasDocument: false, gates: NO_GATES, editable: false });

function readVersion(doc: SimulationDoc): string | undefined {
  const value = pairOf(doc.map, 'kubernetesVersion')?.value;
  const r = rangeOf(value);
  if (!isScalar(value) || value.value === null || !r) return undefined;
  // The source text, as the engine reads it: unquoted 1.30 is "1.30", not the number 1.3.
  const raw = typeof value.value === 'string' ? value.value : doc.source.slice(r[0], r[1]);
  return normalizeVersion(raw);
}

function readGates(doc: SimulationDoc): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const value = pairOf(doc.map, 'featureGates')?.value;
  if (!isMap(value)) return out;
  for (const p of value.items) {
    if (isScalar(p.key) && typeof p.key.value === 'string' && isScalar(p.value) && typeof p.value.value === 'boolean') {
      out[p.key.value] = p.value.value;
    }
  }
  return out;
}

function sameSettings(a: SimulationSettings, b: SimulationSettings): boolean {
  if (a.hasDocument !== b.hasDocument || a.version !== b.version || a.editable !== b.editable) return false;
  const ak = Object.keys(a.gates);
  return ak.length === Object.keys(b.gates).length && ak.every((k) => a.gates[k] === b.gates[k]);
}

let lastText: string | undefined;
let lastSettings: SimulationSettings = NONE;
/** Where an edit of the last text keeps its settings (settingsReuse.ts); undefined: parse again. */
let lastSpans: SettingsSpans | undefined;

/** What `text` writes, read afresh. */
function settingsOf(found: Found): SimulationSettings {
  if (found.kind === 'none') return NONE;
  if (found.kind === 'unreadable') return UNREADABLE;
  const version = readVersion(found.doc);
  return { hasDocument: true, gates: readGates(found.doc), editable: found.doc.editable, ...(version !== undefined ? { version } : {}) };
}

/**
 * The settings `text` writes. The last answer is cached, so calling it per render is cheap; and a
 * keystroke that cannot change them (letters and digits typed in a fault's line, a container's
 * behaviour, the Pod) keeps the last answer without parsing the text again (settingsReuse.ts).
 */
export function readSimulationSettings(text: string): SimulationSettings {
  if (text === lastText) return lastSettings;
  const kept = lastText !== undefined && lastSpans !== undefined ? spansAfterEdit(lastText, text, lastSpans) : undefined;
  if (kept) {
    lastText = text;
    lastSpans = kept;
    return lastSettings;
  }
  const found = findSimulation(text);
  const settings = settingsOf(found);
  lastText = text;
  lastSpans = found.kind === 'found' ? spansOf(found.doc) : undefined;
  // The same answer keeps its identity, so a component reading it re-renders only on a change.
  if (!sameSettings(settings, lastSettings)) lastSettings = settings;
  return lastSettings;
}

/** The settings `text` writes, parsed afresh (no cache, no reuse): what readSimulationSettings must agree with. */
export function freshSimulationSettings(text: string): SimulationSettings {
  return settingsOf(findSimulation(text));
}

/** The supported version the text names, if it names one. */
export function scenarioVersion(text: string): KubeVersion | undefined {
  const v = readSimulationSettings(text).version;
  return v !== undefined && isSupportedVersion(v) ? v : undefined;
}

/** The version the engine simulates the text with: the one it names, else the newest (the engine's default). */
export function effectiveVersion(text: string): KubeVersion {
  return scenarioVersion(text) ?? NEWEST_VERSION;
}
