// Requests for the editor that come from elsewhere on the page (a click on a problem).

import type { SliceCreator } from './types';

export interface RevealRequest {
  line: number;
  col: number;
  /** Grows on every request, so asking twice for the same place reveals it twice. */
  seq: number;
}

export interface EditorSlice {
  revealRequest: RevealRequest | null;
  requestReveal(line: number, col: number): void;
}

export const createEditorSlice: SliceCreator<EditorSlice> = (set, get) => ({
  revealRequest: null,
  requestReveal: (line, col) => set({ revealRequest: { line, col, seq: (get().revealRequest?.seq ?? 0) + 1 } }),
});
