// A Kubernetes 1.36 feature lab, "Phase 1 — Kubernetes 1.36 GA & Beta-on-by-default Features", lab A4
// "RestartAllContainers (Beta)" (search-index file 71312313422, no repository named; the cluster's
// outputs are dated 1-2 October 2026). Server version stated: a kind cluster `k8s-136` of
// kindest/node:v1.36.4 (`kubectl get nodes -o wide`: VERSION v1.36.4, containerd://2.3.4), with
// RestartAllContainersOnContainerExits at its 1.36 default (beta, on): the lab enables no gate for
// it. The manifest as published (`manifests/restart-all.yaml`): a `Never` pod of two regular
// containers, `main` (`sleep 3600`) and `sidecar` (`sleep 5; exit 1`) whose own `restartPolicy:
// Always` carries a rule `RestartAllContainers` on exit code 1. Published, `kubectl get pod
// restart-all-demo -w`:
//   restart-all-demo   0/2     ContainerCreating   0          0s
//   restart-all-demo   0/2     ContainerCreating   0          0s
//   restart-all-demo   2/2     Running             0          5s
//   restart-all-demo   1/2     Error               0          10s
//   restart-all-demo   0/2     RestartingAllContainers   2          12s
//   restart-all-demo   2/2     Running                   2          12s
//   restart-all-demo   1/2     Error                     2          18s
// The second `ContainerCreating` line repeats the first (a watch prints every update of the object,
// here a condition's), so it is not a row of its own for the engine.
// Given: busybox:1.36 is pulled once (4 s, fitted to `2/2 Running` at 5 s; the lab's own notes say the
// image pull takes a few seconds on this cluster). The two runs are the engine's reading of the
// commands: `sleep 5; exit 1` exits 1 after 5 s, `sleep 3600` runs on and, as PID 1, ignores SIGTERM.
// Rules: [11.2] the rule's match restarts every container in place; both restartCounts go up at once,
// so RESTARTS reads 2 on the `RestartingAllContainers` row; from 1.36 the removed containers' last
// state has no finish time (kubernetes#136964), so RESTARTS prints no "(… ago)" after the restart,
// as published; [6.8] the pod stays Running through it; [14.2] the container's waiting reason is the
// STATUS; [0.2] each row at a relist.
// The 2 s between `1/2 Error 0` and `0/2 RestartingAllContainers 2` (10 s → 12 s): the in-place
// restart kills `main` with a grace override of 0, which killContainer (kuberuntime_container.go,
// stored 1.29+ version: the override applied before the 2 s floor) raises to its 2 s minimum, which
// `sleep 3600` as PID 1 sits out until SIGKILL ([11.2] [8.5]; the engine killed at once until
// session 39, and printed both rows at 10 s).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: restart-all-demo
spec:
  restartPolicy: Never
  containers:
    - name: main
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
    - name: sidecar
      image: busybox:1.36
      command: ["sh", "-c", "sleep 5; exit 1"]
      restartPolicy: Always
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes:
            operator: In
            values: [1]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.36"
until: 40s
containers:
  main: { pull: 4 }
  sidecar: { pull: 4 }
`;

const PUBLISHED = publishedRows(`
restart-all-demo   0/2     ContainerCreating   0          0s
restart-all-demo   2/2     Running             0          5s
restart-all-demo   1/2     Error               0          10s
restart-all-demo   0/2     RestartingAllContainers   2          12s
restart-all-demo   2/2     Running                   2          12s
restart-all-demo   1/2     Error                     2          18s`);

const VERSIONS = ['1.36', '1.37'];

describe('transcript: kind v1.36.4, a RestartAllContainers rule on a container that exits 1 after 5 s (a 1.36 feature lab, A4)', () => {
  it.each(VERSIONS)('prints the published rows in order: `1/2 Error 0`, `0/2 RestartingAllContainers 2`, `2/2 Running 2`, `1/2 Error 2` (%s) [11.2] [6.8] [14.2]', (version) => {
    const ours = simulatedRows(withVersion(POD, version));
    const at = expectSubsequence(PUBLISHED, ours);
    // nothing else between the first row and the second Error: the watch missed no row
    expect(at).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it.each(VERSIONS)('prints RESTARTS without "(… ago)" once the pod restarted in place (%s) [11.2] [14.1]', (version) => {
    const rows = runScenario(withVersion(POD, version)).trace!.events.flatMap((e) => (e.type === 'pod.kubectl' ? [e] : []));
    const after = rows.filter((r) => r.status === 'RestartingAllContainers' || r.restarts !== '0');
    expect(after.length).toBeGreaterThanOrEqual(3);
    // the published `2`, `2`, `2`: the removed runs' last state has no finishedAt
    for (const row of after.slice(0, 3)) expect(row.restarts, `${row.ready} ${row.status}`).toBe('2');
  });

  it.each(VERSIONS)('puts `2/2 Running` at 5 s, the sidecar\'s exit 5 s after it, and the second exit 6 s after the restart, each within 1 s (%s) [0.2] [11.2]', (version) => {
    const ours = simulatedRows(withVersion(POD, version));
    const at = expectSubsequence(PUBLISHED, ours);
    const t = (n: number) => ours[at[n]!]!.t;
    const pub = (n: number) => PUBLISHED[n]!.t;
    expect(Math.abs(t(1) - pub(1))).toBeLessThanOrEqual(1); // the pull is fitted to this one
    expect(Math.abs(t(2) - t(1) - (pub(2) - pub(1)))).toBeLessThanOrEqual(1); // `sleep 5`, then a relist
    expect(Math.abs(t(5) - t(4) - (pub(5) - pub(4)))).toBeLessThanOrEqual(1); // the new run, 5 s again
  });

  it.each(VERSIONS)('keeps the pod Running and Initialized through the in-place restart, and restarts `main` too (%s) [6.8] [7.2] [11.2]', (version) => {
    const events = runScenario(withVersion(POD, version)).trace!.events;
    const firstRestart = events.find((e) => e.type === 'pod.kubectl' && e.status === 'RestartingAllContainers')!.t;
    const starts = (name: string) => events.filter((e) => e.type === 'container.start' && e.container === name && e.t >= firstRestart).length;
    expect(starts('main')).toBeGreaterThanOrEqual(1);
    expect(starts('sidecar')).toBeGreaterThanOrEqual(1);
    const phases = events.filter((e) => e.type === 'pod.phase' && e.t <= firstRestart + 1).map((e) => (e as { phase: string }).phase);
    expect(phases.at(-1)).toBe('Running');
    const initialized = events.filter((e) => e.type === 'pod.condition' && e.condition === 'Initialized').map((e) => (e as { status: string }).status);
    expect(initialized).not.toContain('False');
  });

  // killContainer (kuberuntime_container.go, stored 1.29+ version fbba6b47): a grace override of 0
  // skips the preStop hook, then the 2 s floor applies, so `sleep 3600` (PID 1, SIGTERM ignored) is
  // SIGKILLed 2 s after the sync that saw the sidecar's exit: the published 10 s → 12 s.
  it.each(VERSIONS)('kills `main` through the 2 s stop-signal floor: `0/2 RestartingAllContainers 2` 2 s after `1/2 Error 0`, the new runs at 12 s (%s) [11.2] [8.5]', (version) => {
    const ours = simulatedRows(withVersion(POD, version));
    const at = expectSubsequence(PUBLISHED, ours);
    const t = (n: number) => ours[at[n]!]!.t;
    expect(Math.abs(t(3) - t(2) - (PUBLISHED[3]!.t - PUBLISHED[2]!.t))).toBeLessThanOrEqual(1);
    expect(Math.abs(t(4) - PUBLISHED[4]!.t)).toBeLessThanOrEqual(1);
    expect(Math.abs(t(5) - PUBLISHED[5]!.t)).toBeLessThanOrEqual(1);
    const events = runScenario(withVersion(POD, version)).trace!.events;
    const kill = events.find((e) => e.type === 'container.kill' && e.container === 'main')!;
    expect(kill).toMatchObject({ reason: 'RestartAllContainers' });
    const signals = events.filter((e) => e.type === 'container.signal' && e.container === 'main' && e.t >= kill.t && e.t < kill.t + 5);
    expect(signals.map((e) => (e as { signal: string }).signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(signals[1]!.t - signals[0]!.t).toBeCloseTo(2, 6);
    const exit = events.find((e) => e.type === 'container.exit' && e.container === 'main' && e.t >= kill.t)!;
    expect(exit).toMatchObject({ exitCode: 137 });
  });
});
