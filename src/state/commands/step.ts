// Steps the cursor to the previous or next moment at which the trace has an event.

import type { Trace } from '../../engine/trace';
import { selectCursorTime } from '../selectors';
import type { Command } from './types';
import { hasTrace } from './viewHelpers';
import { describeEvent } from '../trace/describeEvent';
import { formatSeconds } from '../format';

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

/** What a step landed on, for the live region: "12.5 s: app exits with code 1 (Error). (+2 more)" */
export function landedOn(trace: Trace, t: number): string {
  const here = trace.events.filter((e) => Math.abs(e.t - t) < EPS && e.type !== 'sim.horizon');
  if (here.length === 0) return `${formatSeconds(t)} s: the end of the simulation.`;
  // The most telling event of the instant: a container's change before the status it shows.
  const lead = here.find((e) => e.type.startsWith('container.') && e.type !== 'container.waiting') ?? here[0]!;
  return `${formatSeconds(t)} s: ${describeEvent(lead)}${here.length > 1 ? ` (+${here.length - 1} more)` : ''}`;
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
    const t = prevEventTime(eventTimes(s.trace), selectCursorTime(s));
    s.setCursorTime(t);
    s.announce(landedOn(s.trace, t));
  },
};

export const stepNext: Command = {
  id: 'stepNext', label: 'Next event', group: 'Playback', keys: ['ArrowRight', '.'], timelineOnly: true,
  enabled: hasTrace,
  run({ store }) {
    const s = store.getState();
    if (!s.trace) return;
    s.setPlaying(false);
    const t = nextEventTime(eventTimes(s.trace), selectCursorTime(s), s.trace.end);
    s.setCursorTime(t);
    s.announce(landedOn(s.trace, t));
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
