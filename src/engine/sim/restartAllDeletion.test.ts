// A pod deleted (or past its activeDeadlineSeconds) while AllContainersRestarting is True ([11.2],
// KEP-5532; session 39). Upstream read (library ids in sim/restartAll.ts): kubelet.go SyncPod (a
// 1.36+ tree, 54300650048) runs the runtime's SyncPod, the reset, on context.WithoutCancel(ctx), so
// the deletion's "Cancelling current pod sync" does not cut it short, and SyncTerminatingPod (same
// tree) follows once SyncPod has returned; its two statuses generate the condition again with
// status/generate.go GenerateAllContainersRestartingCondition (68698090696): False once the runtime
// lists no container (AllContainersRestartCleanedUp), False with reason PodFailed or PodCompleted
// once the phase is terminal. 1.35 with RestartAllContainersOnContainerExits turned on (alpha), 1.36
// and 1.37 by default (beta); 1.34 has no in-place restart: its deletion kills with the deletion's
// grace, preStop hooks included.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { resetPod } from '../testing/restartAllPods';

const VERSIONS = ['1.35', '1.36', '1.37'] as const;
const GATE = 'featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }\n';

const pod = (version: string, events = '', extraSpec = '') => resetPod(version, { until: '120s', events, extraSpec });

function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const restarting = (t: Trace) => t.events.filter((e): e is Extract<TraceEvent, { type: 'pod.condition' }> => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting');
const ofType = <T extends TraceEvent['type']>(t: Trace, type: T, from = 0, to = Infinity) =>
  t.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && e.t >= from && e.t <= to);
const rel = (t: number, from: number) => +(t - from).toFixed(3);
/** When the undisturbed run writes AllContainersRestarting=True. */
const trueAt = (version: string) => restarting(run(pod(version)))[0]!.t;

describe('deletion in the AllContainersRestarting=True window (kubelet.go SyncPod, SyncTerminatingPod, GenerateAllContainersRestartingCondition) [11.2]', () => {
  for (const version of VERSIONS) {
    it(`SyncPod's reset runs on context.WithoutCancel: a deletion mid-reset lets it stop and remove every container (override 0, no preStop), then SyncTerminatingPod writes AllContainersRestarting=False reason PodFailed (${version})`, () => {
      const marked = trueAt(version);
      // At +1s worker-a has had its stop signal (SIGKILL due at +2s) and worker-b is not yet stopped.
      const trace = run(pod(version, `events:\n  - { at: ${marked + 1}s, do: deletePod }\n`));
      const deleted = ofType(trace, 'pod.deleted')[0]!;
      expect(rel(deleted.t, marked)).toBe(1);
      // The kills are the reset's alone: RestartAllContainers, override 0; no PodTermination kill,
      // and the proxy's sleep preStop never runs (the deletion's 30s grace is never used).
      const kills = ofType(trace, 'container.kill', marked);
      expect(kills.map((k) => [k.container, k.reason, k.gracePeriodSeconds, rel(k.t, marked)])).toEqual([
        ['proxy', 'RestartAllContainers', 0, 0], ['worker-a', 'RestartAllContainers', 0, 0], ['worker-b', 'RestartAllContainers', 0, 2],
      ]);
      expect(ofType(trace, 'hook.start', marked)).toEqual([]);
      const exits = ofType(trace, 'container.exit', marked);
      expect(exits.map((e) => [e.container, e.exitCode, rel(e.t, marked)])).toEqual([
        ['proxy', 0, 0], ['worker-a', 137, 2], ['worker-b', 137, 4],
      ]);
      expect(ofType(trace, 'container.start', marked)).toEqual([]); // nothing starts again
      // The condition's last write: False, reason PodFailed, at SyncTerminatingPod (a cache newer than
      // the reset's end: 1.36+ its on-demand relist at once, 1.35 the next periodic relist).
      const conds = restarting(trace);
      expect(conds.map((c) => [c.status, c.reason])).toEqual([['True', 'RestartAllContainersStarted'], ['False', 'PodFailed']]);
      expect(rel(conds[1]!.t, marked)).toBe(version === '1.35' ? 5 : 4);
      expect(conds[1]!.cause).toEqual(expect.arrayContaining([conds[0]!.id, deleted.id]));
      // The final statuses: the removed containers were Waiting RestartingAllContainers; the
      // terminal status turns them Terminated ContainerStatusUnknown (TerminatePod, [6.9]); 1.36+
      // counted the restart already (#136964), 1.35 did not.
      const last = (trace.statusWrites ?? []).filter((w) => w.t === conds[1]!.t);
      expect(last.map((w) => [w.container, w.state, w.reason, w.exitCode, w.restartCount])).toEqual(
        ['proxy', 'app', 'worker-a', 'worker-b'].map((c) => [c, 'terminated', 'ContainerStatusUnknown', 137, version === '1.35' ? 0 : 1]),
      );
      expect(ofType(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', t: conds[1]!.t });
      // kubectl: Terminating from the deletion until the terminal row, then the pod is gone.
      const rows = ofType(trace, 'pod.kubectl', deleted.t).map((r) => [rel(r.t, marked), r.ready, r.status, r.restarts]);
      expect(rows).toEqual([[1, '3/4', 'Terminating', '0'], [rel(conds[1]!.t, marked), '0/4', 'ContainerStatusUnknown', version === '1.35' ? '0' : '4']]);
      expect(ofType(trace, 'pod.gone')).toHaveLength(1);
    });
  }

  it('1.34 has no in-place restart (the other side of the line): the same deletion kills with the 30s grace and runs the preStop hook', () => {
    const trace = run(pod('1.34', 'events:\n  - { at: 13s, do: deletePod }\n'));
    expect(restarting(trace)).toEqual([]);
    const kills = ofType(trace, 'container.kill', 13);
    expect(kills.length).toBeGreaterThan(0);
    for (const k of kills) expect(k).toMatchObject({ reason: 'PodTermination', gracePeriodSeconds: 30 });
    expect(ofType(trace, 'hook.start', 13).map((h) => h.container)).toEqual(['proxy']);
  });

  it('1.35 slow window (the reset killed nothing, True until the resync): a deletion 28s in ends it at SyncTerminatingPod with False reason PodFailed', () => {
    const lone = (events: string) => `apiVersion: v1
kind: Pod
metadata: { name: lone }
spec:
  restartPolicy: Never
  containers:
    - name: app
      image: example/app:1
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [42] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.35"
until: 120s
${GATE}containers:
  app: { runs: [{ exitAfter: 10s, exitCode: 42 }] }
${events}`;
    const marked = restarting(run(lone('')))[0]!.t;
    const trace = run(lone(`events:\n  - { at: ${marked + 28}s, do: deletePod }\n`));
    const conds = restarting(trace);
    expect(conds.map((c) => [c.status, c.reason, rel(c.t, marked)])).toEqual([['True', 'RestartAllContainersStarted', 0], ['False', 'PodFailed', 28]]);
    expect(ofType(trace, 'container.start', marked)).toEqual([]);
    expect(ofType(trace, 'container.kill', marked)).toEqual([]);
  });

  it('GenerateAllContainersRestartingCondition after a finished in-place restart (1.36): a later deletion writes False reason PodFailed at the terminal status', () => {
    const marked = trueAt('1.36');
    const trace = run(pod('1.36', `events:\n  - { at: ${marked + 18}s, do: deletePod }\n`));
    const conds = restarting(trace);
    expect(conds.map((c) => [c.status, c.reason ?? ''])).toEqual([['True', 'RestartAllContainersStarted'], ['False', ''], ['False', 'PodFailed']]);
    const phase = ofType(trace, 'pod.phase').at(-1)!;
    expect(phase).toMatchObject({ phase: 'Failed' });
    expect(conds[2]!.t).toBe(phase.t);
    // This deletion meets running containers: its own kill, with its grace.
    for (const k of ofType(trace, 'container.kill', marked + 18)) expect(k).toMatchObject({ reason: 'PodTermination', gracePeriodSeconds: 30 });
  });

  it('activeDeadlineSeconds in the True window (1.36): the reset runs to its end, then the pod is Failed (DeadlineExceeded) and the condition False reason PodFailed', () => {
    const marked = trueAt('1.36');
    const trace = run(pod('1.36', '', `  activeDeadlineSeconds: ${marked + 1}\n`));
    const exits = ofType(trace, 'container.exit', marked);
    expect(exits.map((e) => [e.container, e.exitCode, rel(e.t, marked)])).toEqual([['proxy', 0, 0], ['worker-a', 137, 2], ['worker-b', 137, 4]]);
    expect(ofType(trace, 'container.start', marked)).toEqual([]);
    const failed = ofType(trace, 'pod.phase').at(-1)!;
    expect(failed).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    const conds = restarting(trace);
    expect(conds.map((c) => [c.status, c.reason])).toEqual([['True', 'RestartAllContainersStarted'], ['False', 'PodFailed']]);
    // Written at SyncTerminatingPod's first status, the relist after the SyncPod that turned the pod Failed.
    expect(conds[1]!.t).toBeGreaterThanOrEqual(failed.t);
    expect(conds[1]!.t - failed.t).toBeLessThanOrEqual(1);
  });
});
