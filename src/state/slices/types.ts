// The store's full shape, and the type each slice creator has (zustand's slices pattern).

import type { StateCreator } from 'zustand/vanilla';
import type { CursorSlice } from './cursor';
import type { EditorSlice } from './editor';
import type { ExplainSlice } from './explain';
import type { PlaybackSlice } from './playback';
import type { PrefsSlice } from './prefs';
import type { PresentSlice } from './present';
import type { ResultSlice } from './result';
import type { SavingSlice } from './saving';
import type { ScenarioSlice } from './scenario';
import type { ShareSlice } from './share';
import type { ViewSlice } from './view';

export type AppState = ScenarioSlice & ResultSlice & CursorSlice & EditorSlice & ViewSlice & PlaybackSlice & PrefsSlice & ShareSlice & PresentSlice & ExplainSlice & SavingSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
