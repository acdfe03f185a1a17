import { describe, expect, it } from 'vitest';
import { TRACE_SCHEMA, type Trace } from '../../engine/trace';
import { crashLoopTrace, sidecarPodTrace } from '../../state/testFixtures';
import { layoutTimeline } from './layout';
import { eventTimes } from '../../state/commands/step';
import type { Bar, Lane } from './model';

const lanes = (trace: Trace) => layoutTimeline(trace, 'my-pod').groups.flatMap((g) => g.lanes);
const lane = (trace: Trace, name: string): Lane => {
  const found = lanes(trace).find((l) => l.name === name);
  if (!found) throw new Error(`no lane ${name}`);
  return found;
};
const brief = (bars: Bar[]) => bars.map((b) => [b.start, b.end, b.tone, b.label]);

describe('layoutTimeline', () => {
  it('puts the pod first, then init, sidecar and main groups in spec order', () => {
    const layout = layoutTimeline(sidecarPodTrace(), 'myapp-pod');
    expect(layout.groups.map((g) => [g.kind, g.label, g.lanes.map((l) => l.name)])).toEqual([
      ['pod', 'Pod', ['myapp-pod']],
      ['init', 'Init containers', ['init-myservice', 'init-mydb']],
      ['sidecar', 'Sidecar containers', ['istio-proxy']],
      ['main', 'Containers', ['myapp-container']],
    ]);
    expect(layout.end).toBe(120);
  });

  it('orders a group by spec index, not by the order of the trace', () => {
    const trace = sidecarPodTrace();
    trace.containers.reverse();
    expect(lanes(trace).map((l) => l.name)).toEqual(['my-pod', 'init-myservice', 'init-mydb', 'istio-proxy', 'myapp-container']);
  });

  it('leaves out empty groups', () => {
    expect(layoutTimeline(crashLoopTrace(), 'p').groups.map((g) => g.kind)).toEqual(['pod', 'main']);
  });

  it('draws the pod phases until the end', () => {
    expect(brief(lane(sidecarPodTrace(), 'my-pod').bars)).toEqual([
      [0, 11.5, 'phase-pending', 'Pending'],
      [11.5, 120, 'phase-running', 'Running'],
    ]);
  });

  it('draws an init container running, then terminated with its exit code', () => {
    expect(brief(lane(sidecarPodTrace(), 'init-myservice').bars)).toEqual([
      [0.5, 4.5, 'running', 'Running'],
      [4.5, 120, 'exited-ok', 'Completed (0)'],
    ]);
    expect(lane(sidecarPodTrace(), 'init-myservice').marks).toEqual([{ t: 4.5, kind: 'exit', label: 'exit 0 (Completed)', event: 6 }]);
  });

  it('keeps a completed init container completed when it turns ready afterwards', () => {
    const trace = sidecarPodTrace();
    trace.events.splice(7, 0,
      { t: 4.5, type: 'container.started', container: 'init-myservice', attempt: 0, why: '' },
      { t: 4.5, type: 'container.ready', container: 'init-myservice', attempt: 0, why: '' });
    expect(brief(lane(trace, 'init-myservice').bars)).toEqual([
      [0.5, 4.5, 'running', 'Running'],
      [4.5, 120, 'exited-ok', 'Completed (0)'],
    ]);
  });

  it('shows the image pull as waiting, and drops the zero-length states of one instant', () => {
    expect(brief(lane(sidecarPodTrace(), 'istio-proxy').bars)).toEqual([
      [7.5, 9.5, 'waiting', 'Pulling'],
      [9.5, 11.5, 'started', 'Started'],
      [11.5, 120, 'ready', 'Ready'],
    ]);
  });

  it('tells the runs of a crash-looping container apart, with back-off and marks', () => {
    const app = lane(crashLoopTrace(), 'app');
    expect(brief(app.bars)).toEqual([
      [0, 1, 'waiting', 'ContainerCreating'],
      [1, 3, 'running', 'Running'],
      [3, 13, 'backoff', 'back-off 10s'],
      [13, 14, 'running', 'Running #2'],
      [14, 15, 'started', 'Started #2'],
      [15, 20, 'ready', 'Ready #2'],
      [20, 21, 'terminating', 'Terminating #2'],
      [21, 25, 'exited-error', 'Error (137)'],
    ]);
    expect(app.bars.map((b) => b.attempt)).toEqual([undefined, 0, 0, 1, 1, 1, 1, 1]);
    expect(app.bars.map((b) => b.event)).toEqual([1, 2, 7, 10, 12, 13, 15, 18]);
    expect(app.marks.map((m) => [m.t, m.kind])).toEqual([
      [3, 'fault'], [3, 'exit'], [20, 'kill'], [20, 'signal'], [21, 'exit'],
    ]);
    expect(lane(crashLoopTrace(), 'my-pod').marks).toEqual([{ t: 20, kind: 'deleted', label: 'deleted, grace 30 s', event: 14 }]);
  });

  it('draws the conditions and the kubectl STATUS under the pod phase', () => {
    const pod = lane(sidecarPodTrace(), 'my-pod');
    expect(pod.subRows.map((r) => r.name)).toEqual(['PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready', 'STATUS']);
    expect(brief(pod.subRows[1]!.bars)).toEqual([[11.5, 120, 'cond-true', 'True']]);
    expect(brief(pod.subRows[4]!.bars).map((b) => b[3])).toEqual(['Pending', 'Init:0/3', 'Init:1/3', 'Init:2/3', 'Running']);
  });

  it('draws hooks as nested bars and probe results as marks', () => {
    const trace = crashLoopTrace();
    trace.events.splice(11, 0,
      { t: 13, type: 'hook.start', container: 'app', hook: 'postStart', why: '' },
      { t: 13.5, type: 'hook.end', container: 'app', hook: 'postStart', exitCode: 0, why: '' },
      { t: 14, type: 'probe.result', container: 'app', probe: 'startup', result: 'success', why: '' });
    const app = lane(trace, 'app');
    expect(app.hooks).toEqual([{ start: 13, end: 13.5, hook: 'postStart', event: 11, failed: false, label: 'postStart' }]);
    expect(app.marks.filter((m) => m.kind === 'probe-ok').map((m) => m.t)).toEqual([14]);
  });

  it('covers [0, end] on the pod lane without gaps or overlaps', () => {
    for (const trace of [sidecarPodTrace(), crashLoopTrace()]) {
      const pod = lanes(trace)[0]!;
      expect(pod.kind).toBe('pod');
      const bars = pod.bars;
      expect(bars[0]?.start).toBe(0);
      expect(bars.at(-1)?.end).toBe(trace.end);
      bars.slice(1).forEach((b, i) => expect(b.start).toBe(bars[i]!.end));
    }
  });

  it('ends every lane when the pod is gone', () => {
    const trace: Trace = {
      schema: TRACE_SCHEMA, kubernetesVersion: '1.36', end: 50, containers: [{ name: 'c', kind: 'main', index: 0 }],
      events: [
        { t: 0, type: 'pod.phase', phase: 'Running', why: '' },
        { t: 0, type: 'container.start', container: 'c', attempt: 0, why: '' },
        { t: 30, type: 'container.exit', container: 'c', attempt: 0, exitCode: 0, reason: 'Completed', why: '' },
        { t: 40, type: 'pod.gone', why: '' },
      ],
    };
    expect(brief(lane(trace, 'my-pod').bars)).toEqual([[0, 40, 'phase-running', 'Running']]);
    expect(brief(lane(trace, 'c').bars)).toEqual([[0, 30, 'running', 'Running'], [30, 40, 'exited-ok', 'Completed (0)']]);
  });

  it('lists each distinct event time once, sorted', () => {
    const times = eventTimes(crashLoopTrace());
    expect(times).toEqual([0, 1, 3, 13, 14, 15, 20, 21, 25]);
  });
});

describe('layoutTimeline for a Job with replacement pods', () => {
  it('draws one lane group per pod, each container lane keyed by pod/container', async () => {
    const { runScenario } = await import('../../engine/run');
    const text = `apiVersion: batch/v1
kind: Job
metadata: { name: flaky }
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', 'sleep 2; exit 1']
`;
    const trace = runScenario(text).trace!;
    expect(trace.pods).toHaveLength(2);
    const layout = layoutTimeline(trace, trace.pods![0]!.name);
    const podGroups = layout.groups.filter((g) => g.kind === 'pod');
    expect(podGroups.map((g) => g.lanes[0]!.name)).toEqual(trace.pods!.map((p) => p.name));
    const mains = layout.groups.filter((g) => g.kind === 'main').map((g) => g.lanes[0]!);
    expect(mains.map((l) => l.name)).toEqual(trace.pods!.map((p) => `${p.name}/main`));
    // Each pod's lane shows its own run only: one exit mark each, ending Failed.
    for (const lane of mains) expect(lane.marks.filter((m) => m.kind === 'exit')).toHaveLength(1);
    for (const g of podGroups) expect(g.lanes[0]!.bars.at(-1)?.label).toBe('Failed');
  });
});

describe('a replacement pod lane', () => {
  it('starts when the Job controller created the pod', async () => {
    const { runScenario } = await import('../../engine/run');
    const trace = runScenario(`apiVersion: batch/v1
kind: Job
metadata: { name: flaky }
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
        - { name: main, image: busybox:1.36, command: ['sh', '-c', 'exit 1'] }
`).trace!;
    const second = trace.pods![1]!;
    const podLanes = layoutTimeline(trace, trace.pods![0]!.name).groups.filter((g) => g.kind === 'pod').map((g) => g.lanes[0]!);
    expect(podLanes[1]!.bars[0]!.start).toBe(second.start);
    expect(second.start).toBeGreaterThan(0);
  });
});

describe('a sidecar awaiting its turn during termination [8.4]', () => {
  it('is drawn as awaiting its turn from the kill to its stop signal, after the main container exited', async () => {
    const { readFileSync } = await import('node:fs');
    const { runScenario } = await import('../../engine/run');
    const text = readFileSync(new URL('../../scenarios/05-termination-order.yaml', import.meta.url), 'utf8');
    const trace = runScenario(text).trace!;
    const sidecars = trace.containers.filter((c) => c.kind === 'sidecar');
    const mainExit = Math.max(...trace.events.filter((e) => e.type === 'container.exit' && trace.containers.find((c) => c.name === e.container)?.kind === 'main').map((e) => e.t));
    expect(sidecars.length).toBeGreaterThan(0);
    for (const c of sidecars) {
      const bars = lane(trace, c.name).bars;
      const waiting = bars.find((b) => b.tone === 'awaiting-turn');
      expect(waiting, c.name).toBeDefined();
      const signal = trace.events.find((e) => e.type === 'container.signal' && e.container === c.name && e.t >= waiting!.start)!;
      expect(waiting!.end).toBe(signal.t);
      expect(signal.t).toBeGreaterThanOrEqual(mainExit);
      expect(bars[bars.indexOf(waiting!) + 1]!.tone).toBe('terminating');
    }
    // Main containers go straight to terminating.
    for (const c of trace.containers.filter((x) => x.kind === 'main')) {
      expect(lane(trace, c.name).bars.some((b) => b.tone === 'awaiting-turn')).toBe(false);
    }
  });
});
