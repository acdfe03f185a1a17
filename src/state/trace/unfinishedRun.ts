// A run that ends while something is still in progress: the pod deleted but not gone (its
// containers still terminating), or a container killed whose process has not exited yet. Read
// from the trace's end state; suggests an `until` late enough for it to finish (the grace period
// from the kill or deletion, plus a margin, rounded up to ten seconds).

import type { Trace } from '../../engine/trace';

export interface UnfinishedRun {
  /** What is still in progress, as the end of a sentence: "the pod is still terminating". */
  what: string;
  end: number;
  /** A longer `until`, in seconds. */
  suggestedUntil: number;
}

const MARGIN = 10;
const roundUp = (t: number) => Math.ceil(t / 10) * 10;

export function unfinishedRun(trace: Trace): UnfinishedRun | null {
  if (trace.truncated || trace.pods) return null;
  let deletedUntil: number | null = null;
  let gone = false;
  const killedUntil = new Map<string, number>();
  const running = new Set<string>();
  for (const e of trace.events) {
    if (e.type === 'pod.deleted') deletedUntil ??= e.t + e.gracePeriodSeconds; // the first deletion's: a later one may only shorten the object's ([8.2])
    else if (e.type === 'pod.gone') gone = true;
    // a kill ordered from a stale cache may name a container that already exited ([8.11]): nothing terminates
    else if (e.type === 'container.kill') { if (running.has(e.container)) killedUntil.set(e.container, e.t + e.gracePeriodSeconds); }
    else if (e.type === 'container.exit' || e.type === 'container.start') {
      killedUntil.delete(e.container);
      if (e.type === 'container.start') running.add(e.container); else running.delete(e.container);
    }
  }
  if (deletedUntil !== null && !gone) {
    return { what: 'the pod is still terminating', end: trace.end, suggestedUntil: roundUp(Math.max(deletedUntil, trace.end) + MARGIN) };
  }
  if (killedUntil.size > 0) {
    const names = [...killedUntil.keys()];
    const latest = Math.max(...killedUntil.values(), trace.end);
    const who = names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are`;
    return { what: `${who} still terminating`, end: trace.end, suggestedUntil: roundUp(latest + MARGIN) };
  }
  return null;
}
