// Steps the cursor to the previous or next moment at which the trace has an event.

import type { Trace } from '../../engine/trace';
import { selectCursorTime } from '../selectors';
import type { Command } from './types';
import { hasTrace } from './viewHelpers';

const EPS = 1e-6;
const cache = new WeakMap<Trace, number[]>();

/** The distinct event times, sorted. */
export function eventTimes(trace: Trace): number[] {
  let times = cache.get(trace);
  if (!times) {
    times = [...new Set(trace.events.map((e) => e.t))].sort((a, b) => a - b);
    cache.set(trace, times);
  }
  return times;
}

export function prevEventTime(times: readonly number[], t: number): number {
  let best = 0;
  for (const x of times) {
    if (x < t - EPS) best = x;
    else break;
  }
  return best;
}

export function nextEventTime(times: readonly number[], t: number, end: number): number {
  for (const x of times) if (x > t + EPS) return Math.min(x, end);
  return end;
}

export const stepPrev: Command = {
  id: 'stepPrev', label: 'Previous event', group: 'Playback', keys: ['ArrowLeft', ','], timelineOnly: true,
  enabled: hasTrace,
  run({ store }) {
    const s = store.getState();
    if (!s.trace) return;
    s.setPlaying(false);
    s.setCursorTime(prevEventTime(eventTimes(s.trace), selectCursorTime(s)));
  },
};

export const stepNext: Command = {
  id: 'stepNext', label: 'Next event', group: 'Playback', keys: ['ArrowRight', '.'], timelineOnly: true,
  enabled: hasTrace,
  run({ store }) {
    const s = store.getState();
    if (!s.trace) return;
    s.setPlaying(false);
    s.setCursorTime(nextEventTime(eventTimes(s.trace), selectCursorTime(s), s.trace.end));
  },
};

export const toStart: Command = {
  id: 'toStart', label: 'Cursor to the start', group: 'Playback', keys: ['Home'], timelineOnly: true,
  enabled: hasTrace,
  run: ({ store }) => store.getState().cursorToStart(),
};

export const toEnd: Command = {
  id: 'toEnd', label: 'Cursor to the end', group: 'Playback', keys: ['End'], timelineOnly: true,
  enabled: hasTrace,
  run: ({ store }) => store.getState().cursorToEnd(),
};
