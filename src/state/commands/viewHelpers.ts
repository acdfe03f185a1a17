// Shared by the view commands: the window now shown, and where a zoom centres.

import { selectCursorTime } from '../selectors';
import type { AppStore } from '../store';
import { effectiveWindow, type TimeWindow } from '../view/window';

export function shownWindow(store: AppStore): TimeWindow {
  const s = store.getState();
  return effectiveWindow(s.view, s.trace);
}

/** Zooms centre on the cursor when it is in view, else on the middle of the view. */
export function zoomAnchor(store: AppStore): number {
  const w = shownWindow(store);
  const c = selectCursorTime(store.getState());
  return c >= w.t0 && c <= w.t1 ? c : (w.t0 + w.t1) / 2;
}

export const hasTrace = (s: { trace: unknown }) => s.trace !== null;
