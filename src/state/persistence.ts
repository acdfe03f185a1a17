// Keeps the editor text across reloads, in localStorage under one key. A storage that refuses
// (full, forbidden) is said through the store's storage problem, never swallowed.

import { scenarioFileName } from './history/entryName';
import { isUsersOwnWork, keepOwnText } from './history/keepOwnWork';
import { sameText } from './history/sameText';
import type { Theme } from './slices/prefs';
import type { AppStore } from './store';
import { SCENARIO_KEY } from './scenarioKey';

export { SCENARIO_KEY };

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

/**
 * Saves the editor's text now; says so in the store when the storage refuses, clears it after.
 * `known` is the text this tab last read or wrote there: a different stored text was saved by
 * another tab, and goes into the history before this save replaces it (when it is the user's).
 */
export function saveScenarioText(store: AppStore, storage: TextStorage | null, known?: string | null): void {
  const s = store.getState();
  try {
    if (!storage) throw new Error('no storage');
    if (known !== undefined) keepOtherTabsText(store, storage, known);
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

function keepOtherTabsText(store: AppStore, storage: TextStorage, known: string | null): void {
  const stored = loadScenarioText(storage);
  const text = store.getState().text;
  if (stored === null || stored === known || sameText(stored, text) || !isUsersOwnWork(storage, stored)) return;
  keepOwnText(store, storage, { text: stored, replacedBy: 'this tab (it was saved in another tab)' });
}

/** Runs a save later (state/afterAnswer: once an edit's timeline is drawn); returns a function that cancels it. */
export type SaveSchedule = (save: () => void) => () => void;

const atOnce: SaveSchedule = (save) => {
  save();
  return () => {};
};

/**
 * Saves the text on every change (at once, or through `schedule`: the page saves once the edit's
 * timeline is drawn, so localStorage is not written inside the keystroke's window, issue 16), and
 * when the page goes away when `page` is given; returns the function that stops.
 */
export function persistScenarioText(store: AppStore, storage: TextStorage | null, page?: Pick<Window, 'addEventListener' | 'removeEventListener'>, schedule: SaveSchedule = atOnce): () => void {
  let known = loadScenarioText(storage);
  /** Cancels the save scheduled and not yet made, if any: it saves whatever the text is by then. */
  let pending: (() => void) | null = null;
  const save = () => {
    pending?.();
    pending = null;
    saveScenarioText(store, storage, known);
    known = store.getState().text;
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.text === prev.text || pending) return;
    let ran = false;
    const cancel = schedule(() => {
      ran = true;
      pending = null;
      save();
    });
    if (!ran) pending = cancel;
  });
  page?.addEventListener('pagehide', save);
  return () => {
    unsubscribe();
    pending?.();
    pending = null;
    page?.removeEventListener('pagehide', save);
  };
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
