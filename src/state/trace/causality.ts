// Which trace events caused which, so a click on an event can light up what led to it and what it
// led to. The engine records the links when it emits the events (each event's `cause`: the ids of
// the earlier events that made it happen, contract section 3); this is only their projection onto
// event indices, plus the reverse direction. One pass, constant work per link.

import type { Trace } from '../../engine/trace';

export interface Causality {
  /** causes[i]: indices of the events that made event i happen. */
  causes: number[][];
  /** effects[i]: indices of the events event i made happen. */
  effects: number[][];
}

export function buildCausality(trace: Pick<Trace, 'events'>): Causality {
  const events = trace.events;
  const indexOf = new Map<string, number>();
  const causes: number[][] = events.map((e, i) => {
    const out: number[] = [];
    for (const id of e.cause ?? []) {
      const j = indexOf.get(id);
      // A cause always precedes its effect; one that does not resolve is left out, never guessed.
      if (j !== undefined && !out.includes(j)) out.push(j);
    }
    if (e.id !== undefined) indexOf.set(e.id, i);
    return out;
  });
  const effects: number[][] = events.map(() => []);
  causes.forEach((cs, i) => cs.forEach((j) => effects[j]!.push(i)));
  return { causes, effects };
}
