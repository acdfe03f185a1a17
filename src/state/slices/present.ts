// Presenter mode's own state: on or off, the step shown, how fine the steps are, whether to ask
// the class before a STATUS change, and the teacher's title and caption from a link. What a
// step means is computed from the trace (state/present/); moving between steps is
// state/present/controller.ts.

import type { PresentGranularity } from '../present/steps';
import type { SliceCreator } from './types';

/** An open "what happens next?" question, asked before step `forStep` is shown. */
export interface PresentQuestion {
  forStep: number;
  chosen: string | null;
}

export interface PresentSlice {
  presenting: boolean;
  presentStep: number;
  presentGranularity: PresentGranularity;
  /** Pause before steps that change kubectl's STATUS and ask the class. */
  presentPredict: boolean;
  presentQuestion: PresentQuestion | null;
  /** The answer the class chose for the step now shown, to say whether it was right. */
  presentAnswered: { step: number; chosen: string | null } | null;
  presentTitle: string | null;
  presentCaption: string | null;
  /**
   * A `?present` link asked for presenter mode, which starts once the first trace is drawn
   * (presentSync.ts): meanwhile the editor's pane counts as hidden, so Monaco is not loaded for a
   * class that will never see it (LazyEditor). Cleared when presenting starts, or when the engine
   * answers without a trace to present.
   */
  presentLinkPending: boolean;
  setPresent(patch: Partial<Omit<PresentSlice, 'setPresent'>>): void;
}

export const createPresentSlice: SliceCreator<PresentSlice> = (set) => ({
  presenting: false,
  presentStep: 0,
  presentGranularity: 'moments',
  presentPredict: false,
  presentQuestion: null,
  presentAnswered: null,
  presentTitle: null,
  presentCaption: null,
  presentLinkPending: false,
  setPresent: (patch) => set(patch),
});
