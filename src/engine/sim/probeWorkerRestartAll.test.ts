// Probe workers while AllContainersRestarting is True (KEP-5532; [5.12], [11.2]). Upstream read:
// pkg/kubelet/prober/worker.go doProbe in a 1.35-era tree (library id 264648198, with
// ChangeContainerStatusOnKubeletRestart): for a container that is not running it sets Failure, then,
// with ContainerRestartRules on, keeps going when the container is not Terminated, or
// ContainerShouldRestart, or (RestartAllContainersOnContainerExits) ShouldAllContainersRestart(pod,
// nil, &status) on the status manager's copy; a later tree with mutable probe workers (library id
// 68556262266, prepareProbe) keeps the same test. ShouldAllContainersRestart (read in a TypeScript port
// of pkg/kubelet/container/helpers.go, library id 54527489397; upstream's own is not stored) is true
// when the status has AllContainersRestarting=True or a container's status is Terminated with an exit
// code whose first matching rule is RestartAllContainers. So from 1.35 (gate on; 1.36 and 1.37 by
// default) the trigger's worker stays through the reset, and the new container ID starts its result
// over (doProbe: a new ID sets the initial value). 1.34 has no such rule (the gate does not exist).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';

/**
 * web (nginx) comes first in AddPod's order with its own readiness worker, so up to 1.36 SyncPod's
 * AddPod returns there and never makes trig's worker again; worker (sh as PID 1) ignores SIGTERM, so
 * the reset takes 2 s and trig's readiness worker (period 1 s) ticks while the condition is True.
 */
const pod = (version: string, gates = '', rule = 'RestartAllContainers') => `apiVersion: v1
kind: Pod
metadata: { name: probewin }
spec:
  restartPolicy: Never
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe:
        httpGet: { path: /, port: 80 }
        periodSeconds: 5
    - name: trig
      image: example/app:1
      restartPolicy: Never
      restartPolicyRules:
        - action: ${rule}
          exitCodes: { operator: In, values: [${rule === 'RestartAllContainers' ? 42 : 1}] }
      readinessProbe:
        httpGet: { path: /ready, port: 8080 }
        initialDelaySeconds: 5
        periodSeconds: 1
    - name: worker
      image: busybox:1.36
      command: [/bin/sh, -c, 'sleep 3600; exit 0']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
${gates}
containers:
  trig: { runs: [{ exitAfter: 10s, exitCode: 42 }] }
`;

const GATE_135 = 'featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }';

function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const of = <T extends TraceEvent['type']>(t: Trace, type: T, container = 'trig') =>
  t.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && 'container' in e && e.container === container);
const restarting = (t: Trace) =>
  t.events.filter((e): e is Extract<TraceEvent, { type: 'pod.condition' }> => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting');
const readiness = (t: Trace) => of(t, 'probe.result').filter((e) => e.probe === 'readiness');

describe('probe workers in the in-place restart\'s window (worker.go doProbe, ShouldAllContainersRestart) [5.12] [11.2]', () => {
  const cases = [['1.35', GATE_135], ['1.36', ''], ['1.37', '']] as const;
  for (const [version, gates] of cases) {
    it(`doProbe (1.35-era worker.go) keeps the trigger's readiness worker while ShouldAllContainersRestart holds, and the restarted container is ready only once its probe passes (${version})`, () => {
      const trace = run(pod(version, gates));
      const [marked, done] = restarting(trace);
      expect([marked?.status, done?.status]).toEqual(['True', 'False']);
      expect(done!.t - marked!.t).toBeGreaterThanOrEqual(2); // the reset's 2 s: the worker ticks in the window
      // In the window: Failure set by a worker that stays, not the [5.12] exit's dropped result.
      const inWindow = readiness(trace).filter((e) => e.t > marked!.t && e.t <= done!.t);
      expect(inWindow.map((e) => e.result)).toEqual(['failure']);
      expect(inWindow[0]!.why).toMatch(/^\[5\.3\] trig is not running/);
      expect(inWindow[0]!.why).toMatch(/ShouldAllContainersRestart holds/);
      expect(readiness(trace).filter((e) => /probe worker stops/.test(e.why))).toEqual([]);
      // After the restart: the new container ID starts over; ready only after initialDelaySeconds (5 s
      // from the API's whole-second startedAt, [5.3]), by the probe; before the fix (up to 1.36) trig
      // had no worker any more and was ready at the status write right after its start.
      const start = of(trace, 'container.start').find((e) => e.attempt === 1)!;
      const ready = of(trace, 'container.ready').find((e) => e.attempt === 1)!;
      const passed = readiness(trace).find((e) => e.t > start.t && e.result === 'success')!;
      expect(ready.t).toBeCloseTo(passed.t, 6);
      expect(ready.t).toBeGreaterThanOrEqual(Math.trunc(start.t) + 5);
      expect(ready.why).toMatch(/readiness probe succeeded/);
    });
  }

  it('doProbe keeps one worker from the trigger\'s exit to its new container ID: one Failure in the window, then the new run\'s Success, no exit (1.36)', () => {
    const trace = run(pod('1.36'));
    const exit = of(trace, 'container.exit').find((e) => e.exitCode === 42)!;
    // The worker keeps ticking on the written Terminated status until the new container ID: no exit, one Failure.
    const after = readiness(trace).filter((e) => e.t > exit.t);
    expect(after.map((e) => e.result)).toEqual(['failure', 'success']);
  });

  it('1.34 (no RestartAllContainers; the rules are dropped with ContainerRestartRules off): the Never container\'s worker leaves at its first look, as before (doProbe, 1.34)', () => {
    const trace = run(pod('1.34'));
    expect(restarting(trace)).toEqual([]);
    const last = readiness(trace).at(-1)!;
    expect(last.result).toBe('failure');
    expect(last.why).toMatch(/^\[5\.12\] trig terminated and the pod's restartPolicy is Never, so its readiness probe worker stops/);
    expect(of(trace, 'container.start').filter((e) => e.attempt === 1)).toEqual([]);
  });

  it('1.35 with RestartAllContainersOnContainerExits off: ContainerShouldRestart alone decides (a Restart rule that does not match), so the worker leaves (doProbe, 1.35)', () => {
    const trace = run(pod('1.35', '', 'Restart'));
    expect(restarting(trace)).toEqual([]);
    const last = readiness(trace).at(-1)!;
    expect(last.why).toMatch(/probe worker stops and its result is dropped/);
    expect(last.why).not.toMatch(/ShouldAllContainersRestart/);
  });
});
