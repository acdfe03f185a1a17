// Which trace events caused which, so a click on an event can light up what led to it and what it
// led to. The engine records the links when it emits the events (each event's `cause`: the ids of
// the earlier events that made it happen, contract section 3); this is only their projection onto
// event indices, plus the reverse direction. One pass, constant work per link.

import type { Trace } from '../../engine/trace';

export interface Causality {
  /** causes[i]: indices of the events that made event i happen. */
  causes: readonly (readonly number[])[];
  /** effects[i]: indices of the events event i made happen. */
  effects: readonly (readonly number[])[];
}

/** Shared by every event with no link that way (issue 16: most of a 50,000-event run has none). */
const NONE: readonly number[] = Object.freeze([]);

export function buildCausality(trace: Pick<Trace, 'events'>): Causality {
  const events = trace.events;
  const indexOf = new Map<string, number>();
  const causes: (readonly number[])[] = new Array<readonly number[]>(events.length);
  const effects: (readonly number[])[] = new Array<readonly number[]>(events.length).fill(NONE);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    let out: number[] | null = null;
    for (const id of e.cause ?? NONE_IDS) {
      const j = indexOf.get(id);
      if (j === undefined || out?.includes(j)) continue;
      (out ??= []).push(j);
      const had = effects[j]!;
      if (had === NONE) effects[j] = [i];
      else (had as number[]).push(i);
    }
    causes[i] = out ?? NONE;
    if (e.id !== undefined) indexOf.set(e.id, i);
  }
  return { causes, effects };
}

const NONE_IDS: readonly string[] = Object.freeze([]);
