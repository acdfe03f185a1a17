// The store's full shape, and the type each slice creator has (zustand's slices pattern).

import type { StateCreator } from 'zustand/vanilla';
import type { CursorSlice } from './cursor';
import type { EditorSlice } from './editor';
import type { ResultSlice } from './result';
import type { ScenarioSlice } from './scenario';

export type AppState = ScenarioSlice & ResultSlice & CursorSlice & EditorSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
