// Continuing from an observed state (issue 14; sim/initialState, the back-off as KR doBackOff and
// client-go flowcontrol.Backoff keep it, read 1.27-1.36): the continued run's first actions agree
// with what `sim explain` says comes next, container and time ([4.5], [4.6], [5.4]); the past is
// flagged observed; the seeded status writes no change at "now".

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { continueScenario } from '../explain/continueScenario';
import { explainPods } from '../explain/explainPods';
import { readRealPods } from '../explain/readRealPods';
import { runScenario } from '../run';
import type { KubeVersion } from '../version';
import type { Trace } from '../trace';

const fixture = (name: string) => readFileSync(new URL(`../explain/fixtures/${name}`, import.meta.url), 'utf8');

function both(name: string, version: KubeVersion, now?: number) {
  const text = fixture(name);
  const read = readRealPods(text);
  if (read.kind !== 'pods') throw new Error('not a pod');
  const created = read.input.pods[0]!.creationTimestamp!;
  const explained = explainPods(read.input, { version, ...(now === undefined ? {} : { now }) })[0]!;
  const cont = continueScenario(text, { version, now: explained.now });
  if (!cont.ok) throw new Error(cont.message);
  const run = runScenario(cont.text);
  if (!run.ok || !run.trace) throw new Error(JSON.stringify(run.problems));
  return { explained, created, trace: run.trace, from: cont.now };
}

const simulated = (trace: Trace, container: string) => trace.events.filter((e) => !e.observed && 'container' in e && e.container === container);

describe('continue from here: the continued run agrees with explain', () => {
  it('[4.5] [4.6] a CrashLoopBackOff container restarts at lastState.finishedAt + the printed back-off, as explain says (1.36)', () => {
    const { explained, created, trace, from } = both('crashloop.yaml', '1.36', Date.parse('2021-07-14T19:53:00Z') / 1000);
    const next = explained.next.find((s) => s.container === 'centos-new')!;
    expect(next.action).toBe('start');
    expect(trace.observedUntil).toBe(from);
    // The continued run's first syncs meet the back-off and say so again ([4.9]); the sync at its end pulls, then starts.
    const first = simulated(trace, 'centos-new').find((e) => e.type !== 'container.backoffAgain')!;
    expect(first.t).toBe(next.at! - created);
    const start = simulated(trace, 'centos-new').find((e) => e.type === 'container.start')!;
    expect(start.t - first.t).toBeLessThan(1);
    expect(start).toMatchObject({ attempt: 7 });
    // [6.2] the observed phase is drawn from when init was complete (Initialized's lastTransitionTime), not from "now".
    expect(trace.events.find((e) => e.type === 'pod.phase')).toMatchObject({ t: 0, phase: 'Running', observed: true });
    expect(trace.events.find((e) => e.type === 'container.waiting')).toMatchObject({ t: 374, reason: 'CrashLoopBackOff', observed: true });
  });

  it('[4.6] before 1.35 the restart comes at the back-off\'s end or up to a requeue later (1.33)', () => {
    const { explained, created, trace } = both('crashloop.yaml', '1.33', Date.parse('2021-07-14T19:53:00Z') / 1000);
    const at = explained.next.find((s) => s.container === 'centos-new')!.at! - created;
    const first = simulated(trace, 'centos-new').find((e) => e.type !== 'container.backoffAgain')!; // [4.9] refusals come first
    expect(first.t).toBeGreaterThanOrEqual(at);
    expect(first.t).toBeLessThanOrEqual(at + 15);
  });

  it('[5.4] the stuck Init:1/2 pod: the sidecar is killed when its startup probe gives up, within a period of explain\'s time', () => {
    const { explained, created, trace } = both('sidecar-startup-stuck.yaml', '1.36');
    const next = explained.next.find((s) => s.container === 'otel-collector')!;
    expect(next.action).toBe('kill');
    const kill = simulated(trace, 'otel-collector').find((e) => e.type === 'container.kill')!;
    expect(Math.abs(kill.t - (next.at! - created))).toBeLessThanOrEqual(5); // periodSeconds 5
    // wait-for-cache stays completed: never started again.
    expect(simulated(trace, 'wait-for-cache').filter((e) => e.type === 'container.start')).toEqual([]);
  });

  it('a Running pod with a sidecar goes on as it is: nothing simulated at now, the observed past is flagged, the crash repeats as seen', () => {
    const { trace, from } = both('running-sidecar.yaml', '1.33');
    expect(trace.events.filter((e) => !e.observed && e.t <= from)).toEqual([]);
    expect(trace.events.filter((e) => e.observed).every((e) => e.t <= from)).toBe(true);
    const starts = trace.events.filter((e) => e.observed && e.type === 'container.start').map((e) => [e.t, 'container' in e ? e.container : '']);
    expect(starts).toEqual([[3, 'log-shipper'], [5, 'web'], [365, 'web']]);
    // web ran 359 s before it was OOMKilled; the continued run repeats that, then waits 10 s ([4.5]).
    expect(simulated(trace, 'web')[0]).toMatchObject({ type: 'container.exit', t: 365 + 359, exitCode: 137 });
    expect(simulated(trace, 'web').find((e) => e.type === 'container.backoff')).toMatchObject({ delay: 10 });
    expect(simulated(trace, 'log-shipper').filter((e) => e.type === 'container.start')).toEqual([]);
  });
});

describe('continue from here: the continued trace keeps the cause links sound', () => {
  it('every event has a unique id (observed ones o0, o1, …) and every cause exists and comes no later', async () => {
    const { causeProblems } = await import('../testing/invariants');
    for (const name of ['crashloop.yaml', 'running-sidecar.yaml', 'sidecar-startup-stuck.yaml']) {
      const { trace } = both(name, '1.36');
      expect(trace.events.every((e) => typeof e.id === 'string'), name).toBe(true);
      expect(causeProblems(trace), name).toEqual([]);
    }
  });
});
