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
  const causes: (readonly number[])[] = new Array<readonly number[]>(events.length);
  const effects: (readonly number[])[] = new Array<readonly number[]>(events.length).fill(NONE);
  // The ids of events [0, indexed), for ids not found where their number says.
  const indexOf = new Map<string, number>();
  let indexed = 0;
  /** The index of the latest event before `i` whose id is `id`. */
  const earlier = (id: string, i: number): number | undefined => {
    if (id.charCodeAt(0) === 101 /* e */) {
      const k = Number(id.slice(1));
      if (Number.isInteger(k) && k < i && events[k]!.id === id) return k;
    }
    for (; indexed < i; indexed++) {
      const own = events[indexed]!.id;
      if (own !== undefined) indexOf.set(own, indexed);
    }
    return indexOf.get(id);
  };
  for (let i = 0; i < events.length; i++) {
    const ids = events[i]!.cause;
    if (ids === undefined || ids.length === 0) {
      causes[i] = NONE;
      continue;
    }
    let out: number[] | null = null;
    for (const id of ids) {
      const j = earlier(id, i);
      if (j === undefined || out?.includes(j)) continue;
      (out ??= []).push(j);
      const had = effects[j]!;
      if (had === NONE) effects[j] = [i];
      else (had as number[]).push(i);
    }
    causes[i] = out ?? NONE;
  }
  return { causes, effects };
}
