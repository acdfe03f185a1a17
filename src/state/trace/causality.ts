// The cause/effect links of one event at a time (issue 16): what the page asks for when an event
// is selected (the selection panel, the overlay's arrows, presenter mode's narration). The same
// projection as buildCausality (causality.ts: each event's `cause` ids as indices, and the reverse)
// without building it for every event of the trace: an event's causes are looked up where the
// engine's numbering puts their ids (else in a map of ids made on first need), its effects are
// the later events whose `cause` names its id. A 50,000-event run costs nothing until a click,
// then one pass over the events after the selected one. Answers are remembered per event.

import type { Trace } from '../../engine/trace';

export interface CausalLinks {
  /** Indices of the events that made event `i` happen, in the order its `cause` names them. */
  causesOf(i: number): readonly number[];
  /** Indices of the events event `i` made happen, in trace order. */
  effectsOf(i: number): readonly number[];
}

/** Shared by every answer with no link (most events of a long run). */
const NONE: readonly number[] = Object.freeze([]);

export function causalLinks(trace: Pick<Trace, 'events'>): CausalLinks {
  const events = trace.events;
  const causes = new Map<number, readonly number[]>();
  const effects = new Map<number, readonly number[]>();
  let byId: Map<string, number> | null = null;

  /** The index of the latest event before `i` whose id is `id` (ids are unique, so: the one). */
  const earlier = (id: string, i: number): number | undefined => {
    if (id.charCodeAt(0) === 101 /* e */) {
      const k = Number(id.slice(1));
      if (Number.isInteger(k) && k < i && events[k]!.id === id) return k;
    }
    if (byId === null) {
      byId = new Map();
      for (let k = 0; k < events.length; k++) {
        const own = events[k]!.id;
        if (own !== undefined) byId.set(own, k);
      }
    }
    const k = byId.get(id);
    if (k === undefined) return undefined;
    if (k < i) return k;
    // A repeated id (never from the engine): the latest one before i.
    for (let j = i - 1; j >= 0; j--) if (events[j]!.id === id) return j;
    return undefined;
  };

  const causesOf = (i: number): readonly number[] => {
    const known = causes.get(i);
    if (known) return known;
    const ids = events[i]?.cause;
    let out: number[] | null = null;
    for (const id of ids ?? []) {
      const j = earlier(id, i);
      if (j === undefined || out?.includes(j)) continue;
      (out ??= []).push(j);
    }
    const answer = out ?? NONE;
    causes.set(i, answer);
    return answer;
  };

  const effectsOf = (j: number): readonly number[] => {
    const known = effects.get(j);
    if (known) return known;
    const id = events[j]?.id;
    let out: number[] | null = null;
    if (id !== undefined) {
      for (let i = j + 1; i < events.length; i++) {
        const ids = events[i]!.cause;
        if (ids !== undefined && ids.includes(id) && causesOf(i).includes(j)) (out ??= []).push(i);
      }
    }
    const answer = out ?? NONE;
    effects.set(j, answer);
    return answer;
  };

  return { causesOf, effectsOf };
}
