// Share links, the gallery and the embedded view: what the page shows about them (a notice, a
// question before replacing the user's own text, the compare view) and the one action that puts
// a scenario into the app. The link codec itself is src/share; the deciding is src/state/open.

import type { Trace } from '../../engine/trace';
import type { FeatureGates, KubeVersion } from '../../engine/version';
import type { TimeWindow } from '../view/window';
import type { AppState, SliceCreator } from './types';

/** A scenario ready to go into the editor: what a link or a gallery entry resolves to (its version is in its text). */
export interface LoadedScenario {
  text: string;
  /** Seconds; null puts the cursor at the end of the trace. */
  cursor: number | null;
  /** The span to show (a link's `view=`, a lesson's moment); absent shows the whole run. */
  view?: TimeWindow;
}

export interface ShareNotice {
  tone: 'error' | 'info';
  message: string;
  /** Offers to bring back the text a link or gallery entry replaced. */
  canRestore?: boolean;
}

/** A link or gallery entry that waits for the user's answer: it would replace their own text. */
export interface PendingOpen {
  scenario: LoadedScenario;
  /** "shared scenario" or the gallery entry's title, for the question. */
  what: string;
  compare: CompareSide[] | null;
  /** Shown once it is open, e.g. a gallery entry's lesson. */
  intro?: string;
}

/** One side of the compare view. */
export interface CompareSide {
  label: string;
  text: string;
  /** The version the side's text is simulated with (derived from its text when it was opened). */
  kubernetesVersion: KubeVersion;
  cursor: number | null;
}

/** What the engine made of one compare side (the first side's is the app's own trace). */
export interface CompareResult {
  /** null while it runs, or when the side does not simulate. */
  trace: Trace | null;
  podName: string;
  /** The first error problem, or an engine failure, when there is no trace. */
  error: string | null;
  running: boolean;
  /** The gates the side ran with, when it ran. */
  featureGates?: FeatureGates;
}

export interface ShareSlice {
  /** `?embed`: the timeline alone, read-only, with a link back to the full app. */
  embed: boolean;
  shareNotice: ShareNotice | null;
  pendingOpen: PendingOpen | null;
  /** The compare view's sides (the first is the editor's scenario), or null when it is closed. */
  compare: CompareSide[] | null;
  /** Results for compare sides 1…n (index 0 is unused: the first side is the app's own trace). */
  compareResults: CompareResult[] | null;
  /** Puts a scenario into the app in one update: text and cursor. */
  loadScenario(s: LoadedScenario): void;
  setShareNotice(notice: ShareNotice | null): void;
  setPendingOpen(pending: PendingOpen | null): void;
  setCompare(sides: CompareSide[] | null): void;
}

export const createShareSlice: SliceCreator<ShareSlice> = (set) => ({
  embed: false,
  shareNotice: null,
  pendingOpen: null,
  compare: null,
  compareResults: null,
  // A new scenario starts on its own view (or the whole run), stopped and with nothing selected.
  loadScenario: ({ text, cursor, view }) =>
    set({ text, cursorTime: cursor, view: view ?? null, selected: null, playing: false }),
  setShareNotice: (shareNotice) => set({ shareNotice }),
  setPendingOpen: (pendingOpen) => set({ pendingOpen }),
  setCompare: (compare) => set({ compare }),
});

// Named selectors for this slice (kept beside it so selectors.ts stays the other slices' file).

export const selectEmbed = (s: AppState) => s.embed;
export const selectShareNotice = (s: AppState) => s.shareNotice;
export const selectPendingOpen = (s: AppState) => s.pendingOpen;
export const selectCompare = (s: AppState) => s.compare;
export const selectCompareResults = (s: AppState) => s.compareResults;
