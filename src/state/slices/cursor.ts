// The timeline cursor. `null` means "at the end of the trace", and follows the end when a new
// trace arrives; a number stays where the user put it (clamped to the trace).

import type { SliceCreator } from './types';

export interface CursorSlice {
  cursorTime: number | null;
  setCursorTime(t: number): void;
  cursorToStart(): void;
  cursorToEnd(): void;
}

export const createCursorSlice: SliceCreator<CursorSlice> = (set, get) => ({
  cursorTime: null,
  setCursorTime: (t) => {
    const end = get().trace?.end ?? 0;
    const clamped = Math.min(Math.max(t, 0), end);
    set({ cursorTime: clamped >= end ? null : clamped });
  },
  cursorToStart: () => set({ cursorTime: 0 }),
  cursorToEnd: () => set({ cursorTime: null }),
});
