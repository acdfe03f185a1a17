// Drives playback: while `playing`, each animation frame advances the cursor (clock.ts) and
// keeps it in view. The frame source is injected, so tests use a fake one.

import type { AppStore } from '../store';
import { selectCursorTime } from '../selectors';
import { effectiveWindow, revealTime } from '../view/window';
import { advance, playFrom } from './clock';

export interface FrameSource {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export const browserFrames: FrameSource = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export function startPlaybackDriver(store: AppStore, frames: FrameSource = browserFrames): () => void {
  let id: number | null = null;
  let last: number | null = null;

  const frame = (now: number) => {
    id = null;
    const s = store.getState();
    if (!s.playing || !s.trace) return;
    const dt = last === null ? 0 : now - last;
    last = now;
    const { t, done } = advance(selectCursorTime(s), dt, s.speed, s.trace.end);
    s.setCursorTime(t);
    const w = effectiveWindow(s.view, s.trace);
    const shown = revealTime(w, t, s.trace.end);
    if (shown !== w) store.setState({ view: shown });
    if (done) store.setState({ playing: false });
    else id = frames.request(frame);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing === prev.playing) return;
    if (s.playing) {
      if (s.trace) {
        const from = playFrom(selectCursorTime(s), s.trace.end);
        if (from !== selectCursorTime(s)) s.setCursorTime(from);
      }
      last = null;
      id ??= frames.request(frame);
    } else if (id !== null) {
      frames.cancel(id);
      id = null;
    }
  });

  return () => {
    unsubscribe();
    if (id !== null) frames.cancel(id);
  };
}
