// A trace's whys on their way from the engine worker to the page (issue 16). The events of a run
// repeat a few hundred sentences thousands of times (the 40-container pod of the keystroke bench:
// 14,596 events, about 1,400 distinct whys, half of the 3.5 MB the worker posted), and Chromium's
// postMessage writes and reads every string again: posting that result took the worker 43-113 ms.
// So the worker sends each sentence once, in a table, and each event's entry in it as a Uint32Array
// whose buffer is transferred, not copied; the page puts the sentences back (toOutcome) before
// anything reads the result. The events then share one string per sentence on the page too.

import type { TraceEvent } from '../engine/trace';

/** Each distinct why once, and for each event (in order) the entry that is its why. */
export interface WhyTable {
  sentences: string[];
  index: Uint32Array;
}

/**
 * Takes the whys out of `events` (each is left ''), into a table. The events are changed in
 * place: only for a result the worker posts and then drops.
 */
export function detachWhys(events: TraceEvent[]): WhyTable {
  const entries = new Map<string, number>();
  const sentences: string[] = [];
  const index = new Uint32Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    let entry = entries.get(e.why);
    if (entry === undefined) {
      entry = sentences.length;
      entries.set(e.why, entry);
      sentences.push(e.why);
    }
    index[i] = entry;
    e.why = '';
  }
  return { sentences, index };
}

/** Puts the whys of `table` back into `events`; false (and nothing changed) when they do not match. */
export function attachWhys(events: TraceEvent[], table: WhyTable): boolean {
  const { sentences, index } = table;
  if (index.length !== events.length) return false;
  for (let i = 0; i < index.length; i++) if (index[i]! >= sentences.length) return false;
  for (let i = 0; i < events.length; i++) events[i]!.why = sentences[index[i]!]!;
  return true;
}
