// Keeps the editor text across reloads, in localStorage under one key. A storage that refuses
// (full, forbidden) is said through the store's storage problem, never swallowed.

import { scenarioFileName } from './history/entryName';
import type { Theme } from './slices/prefs';
import type { AppStore } from './store';

export const SCENARIO_KEY = 'sidecar-lab:scenario';

/** The part of `Storage` used here; storage may be missing or throw (private windows, quotas). */
export type TextStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function browserStorage(): TextStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadScenarioText(storage: TextStorage | null): string | null {
  try {
    return storage?.getItem(SCENARIO_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Saves the editor's text now; says so in the store when the storage refuses, clears it after. */
export function saveScenarioText(store: AppStore, storage: TextStorage | null): void {
  const s = store.getState();
  try {
    if (!storage) throw new Error('no storage');
    storage.setItem(SCENARIO_KEY, s.text);
    if (s.storageProblem?.kind === 'current') s.setStorageProblem(null);
  } catch {
    s.setStorageProblem({
      kind: 'current',
      message: 'Your work is not being saved: this browser refuses to store it (its storage for this page is full or turned off). Export it to keep it.',
      text: s.text,
      fileName: scenarioFileName(s.text),
    });
  }
}

/** Saves the text on every change (and when the page goes away); returns the unsubscribe function. */
export function persistScenarioText(store: AppStore, storage: TextStorage | null): () => void {
  return store.subscribe((s, prev) => {
    if (s.text === prev.text) return;
    saveScenarioText(store, storage);
  });
}
export const THEME_KEY = 'sidecar-lab:theme';

export function loadTheme(storage: TextStorage | null): Theme | null {
  try {
    const v = storage?.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

/** Saves the chosen theme (light or dark; nothing while it follows the system). */
export function persistTheme(store: AppStore, storage: TextStorage | null): () => void {
  return store.subscribe((s, prev) => {
    if (s.theme === prev.theme || !storage || s.theme === null) return;
    try {
      storage.setItem(THEME_KEY, s.theme);
    } catch {
      // The theme still applies to this page.
    }
  });
}
