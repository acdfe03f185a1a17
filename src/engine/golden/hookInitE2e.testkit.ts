// The test kit of hookInitE2e*.test.ts: upstream's e2e waits of test/e2e/common/node/lifecycle_hook.go
// and init_container.go read off a simulator run. The API object at time t is the trace's written
// statuses and pod events (podLifecycleE2e.testkit), or, for init_container.go's watch, the pod
// status the API server holds, snapshotted at every instant the run changes something.

import { fixtureText } from './harness';
import { fail } from './logAssertions';
import { pollUntil, retimed, runText, waitRunning, withoutEvent } from './podLifecycleE2e.testkit';
import type { ApiPodStatus } from '../api';
import { parseScenario } from '../scenario/parse';
import { SimNode } from '../sim/simNode';
import { startPod } from '../sim/simulatePod';
import type { Trace } from '../trace';
import { defaultGates, gateExists, type FeatureGateName, type KubeVersion } from '../version';

/** The gates a case needs, switched on only where they exist and are off by default (alpha). */
export function gatesOn(version: KubeVersion, names: FeatureGateName[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const n of names) if (gateExists(n, version) && !defaultGates(version)[n]) out[n] = true;
  return out;
}

/** A fixture run on one minor with the gates the case needs. */
export function runK(name: string, version: KubeVersion, gates: FeatureGateName[] = []): Trace {
  return runText(fixtureText(name), version, { gates: gatesOn(version, gates) });
}

/** The request upstream sends after the read that ended its wait comes this much later (10 ms). */
export const REQUEST_AFTER_READ = 0.01;

/**
 * Runs a fixture twice: without its deletion, to find when upstream's wait returns (`when`), then
 * with the deletion moved just after that moment.
 */
export function deleteWhen(name: string, version: KubeVersion, gates: FeatureGateName[], when: (before: Trace) => number): { trace: Trace; at: number } {
  const g = gatesOn(version, gates);
  const before = runText(withoutEvent(fixtureText(name), 'deletePod'), version, { gates: g });
  const at = Number((when(before) + REQUEST_AFTER_READ).toFixed(3));
  return { trace: runText(retimed(fixtureText(name), 'deletePod', at), version, { gates: g }), at };
}

/** CreateSync: the moment the pod is first Running (framework.PodStartTimeout, 5 min). */
export const createSync = (trace: Trace): number => waitRunning(trace, 0, 300);

/** framework.Poll, the interval of WaitForPodNotFoundInNamespace behind DeleteSync. */
export const DELETE_POLL = 2;

/** The deletion and the moment the API server removed the pod (DeleteSync returns at its next poll). */
export function deleteSync(trace: Trace, timeout: number): { deleted: number; grace: number; gone: number } {
  const d = trace.events.find((e) => e.type === 'pod.deleted');
  const g = trace.events.find((e) => e.type === 'pod.gone');
  if (!d || d.type !== 'pod.deleted') return fail(trace, 'the pod was never deleted', []);
  if (!g || g.t - d.t > timeout) return fail(trace, `DeleteSync: the pod is still there ${timeout}s after its deletion at ${d.t}s`, []);
  return { deleted: d.t, grace: d.gracePeriodSeconds, gone: g.t };
}

/**
 * validDuration(cost, low, high) on DeleteSync's cost: its last poll comes up to DELETE_POLL after the
 * pod is gone, so the exact cost must be at least `low` and, with a whole poll added, at most `high`.
 */
export function expectDeleteCost(trace: Trace, low: number, high: number, timeout: number, names: string[]): number {
  const { deleted, gone } = deleteSync(trace, timeout);
  const cost = gone - deleted;
  if (!(cost >= low && cost + DELETE_POLL <= high)) {
    fail(trace, `DeleteSync took ${cost.toFixed(3)}s (+ up to ${DELETE_POLL}s of polling): expected within [${low}s, ${high}s]`, names);
  }
  return cost;
}

/** e2epod.WaitForContainerTerminated: the first read (every 0.1 s from `from`) whose status is terminated. */
export function waitTerminated(trace: Trace, container: string, from: number, timeout: number): number {
  const t = pollUntil(from, timeout, 0.1, (x) => {
    let state: string | undefined;
    for (const w of trace.statusWrites ?? []) if (w.t <= x && w.container === container) state = w.state;
    return state === 'terminated';
  });
  if (t === undefined) fail(trace, `${container} not terminated within ${timeout}s of ${from}s`, [container]);
  return t;
}

// ---- init_container.go's watch ----------------------------------------------------------------

export interface Snapshot {
  t: number;
  status: ApiPodStatus;
}

/**
 * The pod's API status as a watch delivers it: the run stepped to every instant at which its trace
 * has an event, a copy of the status the API server then holds taken at each, a copy identical to
 * the one before dropped.
 */
export function apiWatch(name: string, version: KubeVersion): Snapshot[] {
  const text = fixtureText(name);
  const trace = runText(text, version);
  const parsed = parseScenario(text, { kubernetesVersion: version });
  if (!parsed.ok) throw new Error(`${name} does not parse at ${version}`);
  const scenario = parsed.scenario;
  const horizon = trace.end;
  const node = new SimNode(horizon);
  const sim = startPod(node, scenario, horizon, { events: scenario.sim.events });
  const times = [...new Set(trace.events.map((e) => e.t))].sort((a, b) => a - b);
  const out: Snapshot[] = [];
  let last = '';
  for (const t of times) {
    node.k.horizon = t;
    node.k.run();
    const json = JSON.stringify(sim.status.view);
    if (json === last) continue;
    last = json;
    out.push({ t, status: JSON.parse(json) as ApiPodStatus });
  }
  return out;
}
