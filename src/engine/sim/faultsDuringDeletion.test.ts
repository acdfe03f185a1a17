// A node fault injected while the pod terminates ([8.14]): a kubelet restart or a node reboot while
// the pod object exists (restartDuringDeletion.ts), and after a force deletion removed it (the new
// kubelet's housekeeping kills the containers as an orphan, terminate.ts killOrphans).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const scenario = (fault: string, deletion = '{ at: 5s, do: deletePod }', version = '1.33', extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: example.com/app:1
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
${extra}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  app: { onStop: { after: 20s, exitCode: 0 } }
events:
  - ${deletion}
  - { at: 10s, do: ${fault} }
`;

const run = (text: string): TraceEvent[] => runScenario(text).trace!.events;
const of = (events: TraceEvent[], type: string) => events.filter((e) => e.type === type);

describe('a node fault during termination ([8.14])', () => {
  it('restartKubelet: the new kubelet kills again with the whole grace, sends no second SIGTERM, and probes nothing', () => {
    const events = run(scenario('restartKubelet'));
    expect(of(events, 'fault')).toEqual([]);
    expect(of(events, 'node.kubeletRestart').map((e) => e.t)).toEqual([10]);
    expect(of(events, 'node.kubeletStarted').map((e) => e.t)).toEqual([15]);
    expect(of(events, 'container.kill').map((e) => [e.t, (e as { gracePeriodSeconds: number }).gracePeriodSeconds])).toEqual([[5, 30], [16, 30]]);
    expect(of(events, 'container.kill')[1]!.why).toMatch(/does not send it again/);
    expect(of(events, 'container.signal').map((e) => [e.t, (e as { signal: string }).signal])).toEqual([[5, 'SIGTERM']]);
    // the process keeps the old signal's schedule: its handler ends 20 s after it
    expect(of(events, 'container.exit').map((e) => [e.t, (e as { exitCode: number }).exitCode])).toEqual([[25, 0]]);
    // no AddPod for a pod found deleted: no probe runs after the restart
    expect(events.filter((e) => e.type.startsWith('probe.') && e.t > 10)).toEqual([]);
    expect(of(events, 'pod.gone').length).toBe(1);
  });

  it('recreateSandbox: the containers die with the node (255); the kubelet back starts nothing and the pod is removed, Failed', () => {
    const events = run(scenario('recreateSandbox'));
    expect(of(events, 'fault')).toEqual([]);
    expect(of(events, 'container.exit').map((e) => [e.t, (e as { exitCode: number }).exitCode])).toEqual([[10, 255]]);
    expect(of(events, 'container.start').filter((e) => e.t > 10)).toEqual([]);
    expect(of(events, 'sandbox.created' as TraceEvent['type']).filter((e) => e.t > 10)).toEqual([]);
    expect(of(events, 'container.kill').map((e) => e.t)).toEqual([5]);
    expect(of(events, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed' });
    const gone = of(events, 'pod.gone')[0]!.t;
    expect(gone).toBeGreaterThan(15);
    expect(gone).toBeLessThan(19);
  });

  it('restartKubelet after a force deletion removed the pod object: the new kubelet never hears of the pod; its housekeeping kills the containers as an orphan, 1 s grace (2 s floor), no second SIGTERM', () => {
    const events = run(scenario('restartKubelet', '{ at: 5s, do: deletePod, gracePeriodSeconds: 0 }'));
    expect(of(events, 'fault')).toEqual([]);
    expect(of(events, 'pod.gone').map((e) => e.t)).toEqual([5]);
    const kills = of(events, 'container.kill');
    expect(kills.map((e) => [e.t, (e as { gracePeriodSeconds: number }).gracePeriodSeconds])).toEqual([[5, 30], [17, 1]]);
    expect(kills[1]!.why).toMatch(/orphaned runtime pod/);
    expect(of(events, 'container.signal').map((e) => [e.t, (e as { signal: string }).signal])).toEqual([[5, 'SIGTERM'], [19, 'SIGKILL']]);
    expect(of(events, 'container.exit').map((e) => [e.t, (e as { exitCode: number }).exitCode])).toEqual([[19, 137]]);
    // no status reaches the API after the removal
    expect(events.filter((e) => e.t > 5 && (e.type === 'pod.phase' || e.type === 'pod.kubectl'))).toEqual([]);
  });

  it('recreateSandbox after a force deletion: the containers die with the node (255), and the kubelet back finds nothing to kill', () => {
    const events = run(scenario('recreateSandbox', '{ at: 5s, do: deletePod, gracePeriodSeconds: 0 }'));
    expect(of(events, 'fault')).toEqual([]);
    expect(of(events, 'container.exit').map((e) => [e.t, (e as { exitCode: number }).exitCode])).toEqual([[10, 255]]);
    expect(of(events, 'container.kill').map((e) => e.t)).toEqual([5]);
  });

  it('1.27: the new kill takes the whole override after its preStop hook again ([8.12]), and the old kubelet no longer waits for its exec hook', () => {
    const hook = '    lifecycle: {preStop: {exec: {command: [sleep, "3"]}}}\n';
    const events = run(scenario('restartKubelet', '{ at: 9s, do: deletePod }', '1.27', hook));
    const ends = of(events, 'hook.end');
    expect(ends[0]).toMatchObject({ t: 10 });
    expect(ends[0]!.why).toMatch(/no longer waits for this preStop hook/);
    expect(of(events, 'hook.start').map((e) => e.t)).toEqual([9, 16]);
    // the stop signal after the second hook: the first never came
    expect(of(events, 'container.signal').map((e) => [e.t, (e as { signal: string }).signal])).toEqual([[19, 'SIGTERM']]);
  });
});

describe('the status a new kubelet writes for a pod it found deleted ([5.16] [8.14])', () => {
  it('a container unready before the restart is written ready: no AddPod, so no readiness worker (`ready = !exists`)', () => {
    const text = scenario('restartKubelet').replace('  - { at: 10s, do: restartKubelet }', '  - { at: 6s, do: failReadiness, container: app, for: 60s }\n  - { at: 10s, do: restartKubelet }');
    const events = run(text);
    const unready = of(events, 'container.unready');
    expect(unready[0]!.t).toBeLessThan(10);
    const ready = of(events, 'container.ready').filter((e) => e.t > 10);
    expect(ready.map((e) => e.t)).toEqual([16]);
    expect(ready[0]!.why).toMatch(/^\[5\.16\] \[8\.14\] The kubelet restarted and found the pod deleted/);
  });
});

describe('a postStart hook in flight when the kubelet restarts during the deletion ([8.14] [3.4])', () => {
  it('ends with the old kubelet: no FailedPostStartHook when its container later stops, and the new kubelet starts nothing', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: example.com/app:1
    lifecycle:
      postStart: {exec: {command: [sh, -c, "sleep 20"]}}
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 90s
containers:
  app: { onStop: { after: 2s, exitCode: 0 }, postStart: { duration: 20s } }
events:
  - { at: 5s, do: deletePod }
  - { at: 8s, do: restartKubelet }
`;
    const events = run(text);
    const ends = of(events, 'hook.end');
    expect(ends.map((e) => e.t)).toEqual([8]);
    expect(ends[0]!.why).toMatch(/^\[8\.14\] The old kubelet no longer waits for this postStart hook/);
    expect(of(events, 'container.kill').map((e) => e.t)).toEqual([14]);
    expect(of(events, 'container.exit').map((e) => [e.t, (e as { exitCode: number }).exitCode])).toEqual([[16, 0]]);
  });
});
