// After a link or gallery entry loads, its cursor (the lesson's moment) must be on screen: once
// the new trace arrives, the fitted window is widened to take it in, so what led up to the
// moment stays in view too.

import { selectCursorTime } from '../selectors';
import type { AppStore } from '../store';
import { clampWindow, effectiveWindow } from '../view/window';

const pending = new WeakSet<AppStore>();

/** The next trace of this store should show its cursor. */
export function revealCursorOnNextTrace(store: AppStore): void {
  pending.add(store);
}

export function startRevealCursor(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (!pending.has(store) || s.trace === prev.trace || !s.trace || s.running) return;
    pending.delete(store);
    if (s.cursorTime === null) return;
    const w = effectiveWindow(s.view, s.trace);
    const t = selectCursorTime(s);
    if (t >= w.t0 && t <= w.t1) return;
    const t0 = Math.min(w.t0, t);
    const t1 = Math.max(w.t1, t + Math.max(1, (t - t0) * 0.08));
    store.setState({ view: clampWindow({ t0, t1 }, s.trace.end) });
  });
}
