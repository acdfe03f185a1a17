// Test kit for published Indexed Jobs whose pods behave by their completion index (a script that
// reads JOB_COMPLETION_INDEX, which the engine does not read): every pod runs the Simulation
// document's behaviour, and the pods of the listed indexes exit with their code `after` seconds
// after their container's start instead, as crash events with `index: N` ([16.4]). A pod's start
// depends only on what happened before it, so the events are recomputed from each run's pods
// until they no longer change (each run settles at least one more pod).
import { expect } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';

export type PodCreated = Extract<TraceEvent, { type: 'job.podCreated' }>;
export type KubectlRow = Extract<TraceEvent, { type: 'pod.kubectl' }>;

export interface IndexedRun {
  events: TraceEvent[];
  /** The scenario as run, with the crash events added. */
  scenario: string;
}

export function runIndexedJob(fixture: string, exitCodes: Map<number, number>, container: string, after: number): IndexedRun {
  expect(fixture).not.toMatch(/^events:/m);
  let at = new Map<string, number>(); // `${index}#${n}` (the n-th pod of that index) -> crash time
  for (let round = 0; round < 40; round++) {
    const lines = [...at].map(([key, t]) => {
      const index = Number(key.split('#')[0]);
      return `  - { at: ${t.toFixed(3)}s, container: ${container}, index: ${index}, do: crash, exitCode: ${exitCodes.get(index)} }`;
    });
    const scenario = lines.length ? `${fixture.trimEnd()}\nevents:\n${lines.join('\n')}\n` : fixture;
    const r = runScenario(scenario);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const events = r.trace!.events;
    // the crash times this run's pods call for, recomputed from scratch
    const wanted = new Map<string, number>();
    const seen = new Map<number, number>();
    for (const e of events) {
      if (e.type !== 'job.podCreated' || e.index === undefined) continue;
      const n = seen.get(e.index) ?? 0;
      seen.set(e.index, n + 1);
      if (!exitCodes.has(e.index)) continue;
      const start = events.find((s) => s.type === 'container.start' && s.pod === e.pod && s.container === container);
      if (start) wanted.set(`${e.index}#${n}`, Number((start.t + after).toFixed(3)));
    }
    const same = wanted.size === at.size && [...wanted].every(([k, t]) => at.get(k) === t);
    if (same) return { events, scenario };
    at = wanted;
  }
  throw new Error('the crash events did not settle');
}

export const createdOf = (events: TraceEvent[]): PodCreated[] => events.filter((e): e is PodCreated => e.type === 'job.podCreated');

/** Each pod's last `kubectl get pods` row, `READY STATUS RESTARTS`, by pod name. */
export function lastRows(events: TraceEvent[]): Map<string, string> {
  const rows = new Map<string, string>();
  for (const e of events) if (e.type === 'pod.kubectl' && e.pod) rows.set(e.pod, `${e.ready} ${e.status} ${e.restarts.split(' ')[0]}`);
  return rows;
}

/** A published `kubectl get pods` line of a Job's pod: its index (from the name), row and AGE. */
export interface ListedPod { name: string; index: number; row: string; age: number }

export function listedPods(text: string, job: string): ListedPod[] {
  return text.trim().split('\n').map((line) => {
    const [name, ready, status, restarts, age] = line.trim().split(/\s+/);
    const index = Number(name!.slice(job.length + 1).split('-')[0]);
    return { name: name!, index, row: `${ready} ${status} ${restarts}`, age: Number(age!.replace(/s$/, '')) };
  });
}
