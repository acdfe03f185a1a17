import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { sidecarPodTrace } from '../testFixtures';
import { startPlaybackDriver, type FrameSource } from './driver';

function fakeFrames() {
  let queue: ((now: number) => void)[] = [];
  const frames: FrameSource = {
    request: (cb) => queue.push(cb),
    cancel: () => { queue = []; },
  };
  const tick = (now: number) => {
    const q = queue;
    queue = [];
    q.forEach((cb) => cb(now));
  };
  return { frames, tick };
}

describe('playback driver', () => {
  it('moves the cursor while playing and stops at the end', () => {
    const store = createAppStore('x');
    store.setState({ trace: sidecarPodTrace(), speed: 60 });
    store.getState().setCursorTime(10);
    const { frames, tick } = fakeFrames();
    const stop = startPlaybackDriver(store, frames);
    store.getState().setPlaying(true);
    tick(0);
    tick(100);
    expect(store.getState().cursorTime).toBe(16);
    store.getState().setPlaying(false);
    tick(200);
    expect(store.getState().cursorTime).toBe(16);
    store.getState().setPlaying(true);
    for (let now = 300; now < 3000; now += 100) tick(now);
    expect(store.getState().cursorTime).toBeNull(); // at the end
    expect(store.getState().playing).toBe(false);
    stop();
  });

  it('starts over from 0 when played at the end', () => {
    const store = createAppStore('x');
    store.setState({ trace: sidecarPodTrace() });
    const stop = startPlaybackDriver(store, fakeFrames().frames);
    store.getState().setPlaying(true);
    expect(store.getState().cursorTime).toBe(0);
    stop();
  });
});
