// The one store, built from slices. Components read it through the named selectors in
// selectors.ts; the engine runner writes to it with setState from outside React.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCursorSlice } from './slices/cursor';
import { createEditorSlice } from './slices/editor';
import { createExplainSlice } from './slices/explain';
import { createPlaybackSlice } from './slices/playback';
import { createPrefsSlice } from './slices/prefs';
import { createPresentSlice } from './slices/present';
import { createResultSlice } from './slices/result';
import { createSavingSlice } from './slices/saving';
import { createScenarioSlice } from './slices/scenario';
import { createShareSlice } from './slices/share';
import { createViewSlice } from './slices/view';
import type { AppState } from './slices/types';

export type { AppState } from './slices/types';
export type AppStore = StoreApi<AppState>;

export function createAppStore(initialText: string): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(initialText)(...a),
    ...createResultSlice(...a),
    ...createCursorSlice(...a),
    ...createEditorSlice(...a),
    ...createViewSlice(...a),
    ...createPlaybackSlice(...a),
    ...createPrefsSlice(...a),
    ...createShareSlice(...a),
    ...createPresentSlice(...a),
    ...createExplainSlice(...a),
    ...createSavingSlice(...a),
  }));
}
