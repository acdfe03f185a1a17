// Keeping the user's own texts: which text is theirs, and putting one into the history (in
// localStorage and in the store) before anything replaces it. A storage that refuses is said,
// with the text to export, never swallowed.

import type { TextStorage } from '../persistence';
import type { AppStore } from '../store';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { scenarioFileName } from './entryName';
import { addEntry, fit, HISTORY_KEY, parseHistory, type Candidate, type HistoryEntry } from './history';
import { sameText, textHash } from './sameText';

/** A hash of the last text opened from a link or the gallery: that text is not the user's own. */
export const OPENED_KEY = 'sidecar-lab:opened-hash';
/** The single slot of earlier versions (one text a link replaced); read once into the history. */
export const PREVIOUS_KEY = 'sidecar-lab:previous-scenario';

function get(storage: TextStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The editor holds something of the user's own: not empty, not the default, not what we opened. */
export function isUsersOwnWork(storage: TextStorage | null, text: string): boolean {
  return text.trim() !== '' && !sameText(text, DEFAULT_SCENARIO) && get(storage, OPENED_KEY) !== textHash(text);
}

/** Remembers that `text` came from a link or the gallery (so it is not asked about as own work). */
export function markOpened(storage: TextStorage | null, text: string | null): void {
  try {
    storage?.setItem(OPENED_KEY, text === null ? '' : textHash(text));
  } catch {
    // Then it counts as the user's own: asked about once more, never lost.
  }
}

/** The stored history, with the old single slot moved into it once. */
export function loadHistory(storage: TextStorage | null, now = Date.now()): HistoryEntry[] {
  const list = parseHistory(get(storage, HISTORY_KEY));
  const raw = get(storage, PREVIOUS_KEY);
  if (raw === null || raw === '') return list;
  try {
    const p = JSON.parse(raw) as { text?: unknown; kubernetesVersion?: unknown };
    if (typeof p.text !== 'string' || p.text.trim() === '') return list;
    const c: Candidate = { text: p.text, kubernetesVersion: typeof p.kubernetesVersion === 'string' ? p.kubernetesVersion : '', replacedBy: 'a link or gallery entry' };
    const out = addEntry(list, c, now).list;
    if (write(storage, out)) storage?.setItem(PREVIOUS_KEY, '');
    return out;
  } catch {
    return list;
  }
}

/** Writes the list, dropping the oldest entries while the storage is full. False: not even one fits. */
function write(storage: TextStorage | null, list: HistoryEntry[]): boolean {
  if (!storage) return false;
  let out = list;
  for (;;) {
    try {
      storage.setItem(HISTORY_KEY, JSON.stringify(out));
      return true;
    } catch {
      if (out.length <= 1) return false;
      const chars = out.reduce((n, e) => n + e.text.length, 0);
      out = fit(out, Math.floor(chars / 2));
      if (out.length === 0) out = list.slice(0, 1);
    }
  }
}

/**
 * Puts the user's own `text` on top of the history before something replaces it. Returns the
 * entry, or null when it could not be kept: then the store's storage problem offers to export it.
 */
export function keepOwnText(store: AppStore, storage: TextStorage | null, c: Candidate, now = Date.now()): HistoryEntry | null {
  if (c.text.trim() === '') return null;
  const { list, entry } = addEntry(parseHistory(get(storage, HISTORY_KEY)), c, now);
  if (entry && write(storage, list)) {
    store.getState().setHistory(parseHistory(get(storage, HISTORY_KEY)));
    return entry;
  }
  store.getState().setHistory(list.filter((e) => e !== entry));
  store.getState().setStorageProblem({
    kind: 'earlier',
    message: `Your earlier scenario (${entry?.name ?? 'a large text'}) could not be kept in this browser's storage. Export it to keep it.`,
    text: c.text,
    fileName: scenarioFileName(c.text),
  });
  return null;
}

/** Refreshes the store's copy of the history from storage (another tab may have written it). */
export function refreshHistory(store: AppStore, storage: TextStorage | null): void {
  store.getState().setHistory(parseHistory(get(storage, HISTORY_KEY)));
}
