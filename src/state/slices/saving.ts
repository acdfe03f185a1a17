// What the page knows about keeping the user's work: the history of their own earlier texts,
// the one "Restore mine" brings back, and a storage that refuses to save.

import type { HistoryEntry } from '../history/history';
import type { AppState, SliceCreator } from './types';

/** The browser would not save: the text that is not kept, to export by hand. */
export interface StorageProblem {
  /** `current`: the editor's text is not saved (cleared by the next save that works); `earlier`: a text the history could not keep. */
  kind: 'current' | 'earlier';
  message: string;
  text: string;
  /** A name for the download, e.g. "pod-web.yaml". */
  fileName: string;
}

export interface SavingSlice {
  /** The user's own earlier scenarios, newest first (a mirror of localStorage). */
  history: HistoryEntry[];
  /** The id of the entry "Restore mine" brings back: the last own text a link or entry replaced. */
  restorable: string | null;
  storageProblem: StorageProblem | null;
  setHistory(history: HistoryEntry[]): void;
  setRestorable(id: string | null): void;
  setStorageProblem(problem: StorageProblem | null): void;
}

export const createSavingSlice: SliceCreator<SavingSlice> = (set) => ({
  history: [],
  restorable: null,
  storageProblem: null,
  setHistory: (history) => set({ history }),
  setRestorable: (restorable) => set({ restorable }),
  setStorageProblem: (storageProblem) => set({ storageProblem }),
});

export const selectHistory = (s: AppState) => s.history;
export const selectStorageProblem = (s: AppState) => s.storageProblem;
