// The cause links the engine records at emission (contract section 3, second round): each event's
// `cause` names the earlier events that made it happen, read from the simulator's own state (the
// runtime instance's event ids, the deletion, the back-off, the probe worker's last result, the
// fault, and the runtime events a status write shows). Rules: [8.1] [8.3] [8.5] deletion and
// kill, [4.5] back-off, [4.4] [5.5] probe kills, [2.1] [3.1] start order, [7] conditions.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { simulate } from './simulate';
import { buildScenario, type PodDesc } from '../testing/build';
import { causeProblems } from '../testing/invariants';
import type { Trace, TraceEvent } from '../trace';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

function first<T extends TraceEvent['type']>(trace: Trace, type: T, pred: (e: Ev<T>) => boolean = () => true): Ev<T> {
  const e = trace.events.find((x): x is Ev<T> => x.type === type && pred(x as Ev<T>));
  if (!e) throw new Error(`no ${type}`);
  return e;
}
const byId = (trace: Trace, id: string) => trace.events.find((e) => e.id === id)!;
const causesOf = (trace: Trace, e: TraceEvent) => (e.cause ?? []).map((id) => byId(trace, id));
const run = (d: PodDesc) => {
  const trace = simulate(buildScenario(d));
  expect(causeProblems(trace)).toEqual([]);
  return trace;
};

const sidecarPod = (events: PodDesc['events'], extra: Partial<PodDesc> = {}): PodDesc => ({
  until: 200, version: '1.33', grace: 10,
  init: [{ name: 'setup', kind: 'init', behavior: { exitAfter: 3 } }, { name: 'proxy', kind: 'sidecar', behavior: { onStop: { kind: 'exit', after: 0, exitCode: 0 } } }],
  main: [{ name: 'app', behavior: { onStop: { kind: 'ignore' } } }],
  events, ...extra,
});

describe('cause links recorded at emission (contract section 3)', () => {
  it('ids are e0, e1, … in trace order; the first event and faults have no cause', () => {
    const trace = run(sidecarPod([{ at: 30, do: 'crash', container: 'app' }]));
    expect(trace.events.map((e) => e.id)).toEqual(trace.events.map((_, i) => `e${i}`));
    expect(trace.events[0]!.cause).toBeUndefined();
    expect(first(trace, 'fault').cause).toBeUndefined();
  });

  it('SIGKILL ← SIGTERM ← container.kill ← pod.deleted [8.1] [8.3] [8.5]', () => {
    const trace = run(sidecarPod([{ at: 30, do: 'deletePod' }]));
    const deleted = first(trace, 'pod.deleted');
    const kill = first(trace, 'container.kill', (e) => e.container === 'app');
    const term = first(trace, 'container.signal', (e) => e.container === 'app' && e.signal === 'SIGTERM');
    const sigkill = first(trace, 'container.signal', (e) => e.container === 'app' && e.signal === 'SIGKILL');
    const exit = first(trace, 'container.exit', (e) => e.container === 'app');
    expect(kill.cause).toEqual([deleted.id]);
    expect(term.cause).toEqual([kill.id]);
    expect(sigkill.cause).toEqual([term.id]);
    expect(exit.cause).toEqual([sigkill.id]);
  });

  it('a restart after a back-off cites the exit and the back-off; the CrashLoopBackOff reason cites the back-off [4.5] [10.2]', () => {
    const trace = run(sidecarPod([{ at: 30, do: 'crash', container: 'app' }, { at: 33, do: 'crash', container: 'app' }]));
    const backoff = first(trace, 'container.backoff');
    const secondExit = byId(trace, backoff.cause![0]!);
    expect(secondExit).toMatchObject({ type: 'container.exit', container: 'app', attempt: 1 });
    const restart = first(trace, 'container.start', (e) => e.container === 'app' && e.attempt === 2);
    expect(restart.cause).toEqual([secondExit.id, backoff.id]);
    expect(first(trace, 'container.waiting', (e) => e.reason === 'CrashLoopBackOff').cause).toContain(backoff.id);
    // The crash itself: fault → exit.
    const crash = first(trace, 'fault');
    expect(first(trace, 'container.exit', (e) => e.container === 'app').cause).toEqual([crash.id]);
  });

  it('a liveness kill cites the failed probe result, which cites the injected fault and the failed run [4.4] [5.5] [5.13]', () => {
    const trace = run({
      until: 120, version: '1.33',
      main: [{ name: 'app', livenessProbe: { periodSeconds: 2, failureThreshold: 1 } }],
      events: [{ at: 20, do: 'failLiveness', container: 'app', for: 5 }],
    });
    const fault = first(trace, 'fault');
    const failure = first(trace, 'probe.result', (e) => e.result === 'failure');
    const kill = first(trace, 'container.kill');
    // ...and the failed run that reached failureThreshold, first ([5.13]), which cites the fault too.
    const failedRun = first(trace, 'probe.failed');
    expect(failure.cause).toEqual([failedRun.id, fault.id]);
    expect(failedRun.cause).toEqual([fault.id]);
    expect(kill).toMatchObject({ reason: 'LivenessProbe', cause: [failure.id] });
  });

  it('the next container starts because of its predecessor: an init exit, a sidecar\'s started status [2.1] [3.1]', () => {
    const trace = run(sidecarPod([]));
    const setupExit = first(trace, 'container.exit', (e) => e.container === 'setup');
    expect(first(trace, 'container.start', (e) => e.container === 'proxy').cause).toEqual([setupExit.id]);
    const proxyStarted = first(trace, 'container.started', (e) => e.container === 'proxy');
    expect(first(trace, 'container.start', (e) => e.container === 'app').cause).toEqual([proxyStarted.id]);
  });

  it('status events cite the runtime events whose change they show [7] [14.1]', () => {
    const trace = run(sidecarPod([]));
    // Initialized turns True once the last init container (the sidecar) runs: the write cites its start.
    const initialized = first(trace, 'pod.condition', (e) => e.condition === 'Initialized' && e.status === 'True');
    expect(initialized.cause).toContain(first(trace, 'container.start', (e) => e.container === 'proxy').id);
    expect(causesOf(trace, initialized).every((c) => 'container' in c && c.container === 'proxy')).toBe(true);
    const setupReady = first(trace, 'container.ready', (e) => e.container === 'setup');
    expect(setupReady.cause).toEqual([first(trace, 'container.exit', (e) => e.container === 'setup').id]);
    for (const e of trace.events) {
      if (e.type !== 'pod.kubectl' || e.t === 0) continue;
      expect(e.cause?.length ?? 0).toBeGreaterThan(0);
    }
    const appReady = first(trace, 'container.ready', (e) => e.container === 'app');
    expect(causesOf(trace, appReady).map((c) => c.type)).toContain('container.started');
  });

  it("a Job's pods prefix their ids with the pod's name, so ids stay unique across pods", () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', 'sleep 2; exit 1']
`;
    const trace = runScenario(text).trace!;
    expect(trace.pods!.length).toBeGreaterThan(1);
    expect(causeProblems(trace)).toEqual([]);
    for (const e of trace.events) expect(e.id!.startsWith(e.type.startsWith('job.') ? 'job/' : `${e.pod}/`)).toBe(true);
    const second = trace.pods![1]!.name;
    const created = first(trace, 'job.podCreated', (e) => e.pod === second);
    expect(byId(trace, created.cause![0]!)).toMatchObject({ type: 'pod.phase', phase: 'Failed', pod: trace.pods![0]!.name });
    expect(first(trace, 'pod.scheduled', (e) => e.pod === second).cause).toEqual([created.id]);
  });
});
