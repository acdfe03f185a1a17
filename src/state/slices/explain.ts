// Explain mode (issue 14): the "now" the user set for an explained pod's ages and countdowns
// (null: the newest timestamp in the object), and which explained pod is shown.

import type { SliceCreator } from './types';

export interface ExplainSlice {
  /** Seconds since the epoch, or null for the object's newest timestamp. */
  explainNow: number | null;
  setExplainNow(now: number | null): void;
}

export const createExplainSlice: SliceCreator<ExplainSlice> = (set) => ({
  explainNow: null,
  setExplainNow: (explainNow) => set({ explainNow }),
});
