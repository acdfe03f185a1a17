// The in-place restart's reset over time ([11.2], session 39). Upstream read (library ids in
// sim/restartAll.ts): kubelet.go SyncPod (1.36+ tree) hands the status with
// AllContainersRestarting=True (status/generate.go GenerateAllContainersRestartingCondition:
// ShouldAllContainersRestart and not AllContainersRestartCleanedUp) to the status manager before the
// runtime's SyncPod(…, restartingAllContainers) stops and removes the containers; killContainer with
// a grace override of 0 (1.3x kuberuntime_container.go) runs no preStop hook and raises the grace to
// the 2 s minimum; the containers go one after another (getContainersToReset, read in a port), the
// ones whose exit matched last; the next sync writes False and starts the pod again. 1.35 has it with
// RestartAllContainersOnContainerExits turned on (alpha), 1.36 and 1.37 by default (beta).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { resetPod } from '../testing/restartAllPods';

const VERSIONS = ['1.35', '1.36', '1.37'] as const;

const pod = (version: string, events = '') => resetPod(version, { until: '90s', events });

function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const restarting = (t: Trace) => t.events.filter((e): e is Extract<TraceEvent, { type: 'pod.condition' }> => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting');
const ofType = <T extends TraceEvent['type']>(t: Trace, type: T, from: number, to = Infinity) =>
  t.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && e.t >= from && e.t <= to);

describe('RestartAllContainers reset over time (kubelet.go SyncPod, GenerateAllContainersRestartingCondition, killContainer) [11.2]', () => {
  for (const version of VERSIONS) {
    it(`SyncPod writes AllContainersRestarting=True before the reset and False only at the next sync; killContainer (override 0, 2s minimum) stops one container after another (${version})`, () => {
      const trace = run(pod(version));
      const conds = restarting(trace);
      expect(conds.map((c) => c.status)).toEqual(['True', 'False']);
      const [marked, done] = [conds[0]!, conds[1]!];
      // The kills: sidecar first (init list), then the main containers in spec order; the trigger
      // (exited, matched) is only removed, last. Each with the override 0 and no preStop hook.
      const kills = ofType(trace, 'container.kill', marked.t, done.t);
      expect(kills.map((k) => k.container)).toEqual(['proxy', 'worker-a', 'worker-b']);
      for (const k of kills) expect(k).toMatchObject({ reason: 'RestartAllContainers', gracePeriodSeconds: 0 });
      expect(ofType(trace, 'hook.start', marked.t, done.t)).toEqual([]);
      // proxy handles SIGTERM (exit 0 at once); the sh PID 1 workers ignore it: SIGKILL 2s later (137).
      const exits = ofType(trace, 'container.exit', marked.t, done.t);
      expect(exits.map((e) => [e.container, e.exitCode, +(e.t - marked.t).toFixed(3)])).toEqual([
        ['proxy', 0, 0], ['worker-a', 137, 2], ['worker-b', 137, 4],
      ]);
      // Each kill starts when the one before it returned: one after another, not all at once.
      expect(kills.map((k) => +(k.t - marked.t).toFixed(3))).toEqual([0, 0, 2]);
      // Nothing starts while the condition is True; the False sync starts the pod again from the sidecar.
      expect(ofType(trace, 'container.start', marked.t, done.t - 1e-9)).toEqual([]);
      expect(done.t - marked.t).toBeGreaterThanOrEqual(4);
      expect(done.t - marked.t).toBeLessThanOrEqual(version === '1.35' ? 5 : 4); // 1.35: the next relist's ContainerDied; 1.36+: SyncPod's requeue
      expect(ofType(trace, 'container.start', done.t).map((s) => s.container).slice(0, 4)).toEqual(['proxy', 'app', 'worker-a', 'worker-b']);
      expect(done.why).toMatch(/AllContainersRestartCleanedUp/);
    });

    it(`a kubelet restarted while AllContainersRestarting is True resumes the reset from the written condition (ShouldAllContainersRestart reads the old API status) (${version})`, () => {
      const marked = restarting(run(pod(version)))[0]!.t;
      // worker-b has had its stop signal (at +2s) and ignores it when the kubelet goes down at +3s.
      const trace = run(pod(version, `events:\n  - { at: ${marked + 3}s, do: restartKubelet }\n`));
      const conds = restarting(trace);
      expect(conds.map((c) => c.status)).toEqual(['True', 'False']); // True is not written again
      const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!.t;
      const again = ofType(trace, 'container.kill', back).find((k) => k.container === 'worker-b')!;
      expect(again.t).toBeCloseTo(back, 6);
      expect(again.why).toMatch(/resumed by this kubelet from the written AllContainersRestarting=True/);
      // No SIGKILL reached worker-b before the kubelet came back; the new kubelet's kill ends it 2s later.
      const bExits = ofType(trace, 'container.exit', marked).filter((e) => e.container === 'worker-b');
      expect(+(bExits[0]!.t - back).toFixed(3)).toBe(2);
      expect(bExits[0]!.exitCode).toBe(137);
      expect(conds[1]!.t).toBeGreaterThanOrEqual(bExits[0]!.t);
      // Every container runs again after the False.
      const starts = new Set(ofType(trace, 'container.start', conds[1]!.t).map((s) => s.container));
      expect([...starts].sort()).toEqual(['app', 'proxy', 'worker-a', 'worker-b']);
    });
  }
});
