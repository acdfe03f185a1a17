// What part of the trace the timeline shows and which event is selected. The window survives a
// re-simulation (it is clamped to the new trace when read); `null` means "the whole
// run". The selection is an index into trace.events and is cleared by a new trace.

import type { TimeWindow } from '../view/window';
import type { SliceCreator } from './types';

export interface ViewSlice {
  view: TimeWindow | null;
  setView(view: TimeWindow | null): void;
  selected: number | null;
  select(index: number | null): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  view: null,
  setView: (view) => set({ view }),
  selected: null,
  select: (selected) => set({ selected }),
});
