// The history of the user's own texts: every scenario of theirs that something else replaced (a
// link, a gallery entry, an explained pod, another tab), newest first, kept in localStorage so
// it can be restored at any time. Pure: lists in, lists out.

import { scenarioName } from './entryName';
import { sameText } from './sameText';

export const HISTORY_KEY = 'sidecar-lab:history';

/** Most entries kept; the oldest go first. */
export const MAX_HISTORY_ENTRIES = 30;
/** Most characters of text kept in all (localStorage holds about 5 M characters per site). */
export const MAX_HISTORY_CHARS = 1_500_000;

export interface HistoryEntry {
  /** Unique within the list: the time it was kept and a counter. */
  id: string;
  text: string;
  kubernetesVersion: string;
  /** "Pod web": the workload's kind and metadata.name. */
  name: string;
  /** When it was kept, ms since the epoch. */
  savedAt: number;
  /** What replaced it: "a shared scenario", "the gallery scenario “…”", "another tab". */
  replacedBy: string;
}

export interface Candidate {
  text: string;
  /** Absent: the version the text names, else the newest (a stored slot of an older release carries its own). */
  kubernetesVersion?: string;
  replacedBy: string;
}

let counter = 0;

/**
 * The list with `c` on top. The same text (lone surrogates aside) moves up instead of being kept
 * twice; then the oldest entries go until the list fits its limits. A text larger than all the
 * room there is is not kept (the caller says so).
 */
export function addEntry(list: readonly HistoryEntry[], c: Candidate, now: number): { list: HistoryEntry[]; entry: HistoryEntry | null } {
  if (c.text.length > MAX_HISTORY_CHARS) return { list: [...list], entry: null };
  const entry: HistoryEntry = { id: `${now.toString(36)}-${(counter++).toString(36)}`, text: c.text, kubernetesVersion: c.kubernetesVersion ?? '', name: scenarioName(c.text), savedAt: now, replacedBy: c.replacedBy };
  const out = [entry, ...list.filter((e) => !sameText(e.text, c.text))];
  return { list: fit(out), entry };
}

/** The newest entries that stay within the count and size limits. */
export function fit(list: readonly HistoryEntry[], maxChars = MAX_HISTORY_CHARS): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let chars = 0;
  for (const e of list) {
    if (out.length >= MAX_HISTORY_ENTRIES || chars + e.text.length > maxChars) break;
    out.push(e);
    chars += e.text.length;
  }
  return out;
}

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.text === 'string' && typeof e.kubernetesVersion === 'string'
    && typeof e.name === 'string' && typeof e.savedAt === 'number' && Number.isFinite(e.savedAt) && typeof e.replacedBy === 'string';
}

/** The stored list; anything damaged or foreign in it is dropped, never thrown. */
export function parseHistory(raw: string | null): HistoryEntry[] {
  if (raw === null) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? fit(v.filter(isEntry)) : [];
  } catch {
    return [];
  }
}
