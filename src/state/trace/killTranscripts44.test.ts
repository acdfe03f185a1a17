// Published outputs of pods the kubelet evicted under node pressure ([8.15]) or stopped in a graceful
// node shutdown ([8.16]), rebuilt and run through the engine at the source's version (session 44).
// Sources (all read through the search tool's `issues` corpus; quotes are short):
// - kubernetes#105358 (ehashman, 2021-09-29/10-01, a 1.22 development kubelet, local-up cluster,
//   disk pressure): `evictme` (terminationGracePeriodSeconds 10, `sh -c "fallocate -l 130G file;
//   sleep 100000"`, image e2e-test-images/nginx:1.14-2) printed `1/1 Running` (3s), `1/1 Evicted` (10s),
//   then `0/1 Error`. kubernetes#105467's description (2021-10): "In Kubernetes <1.22, Evicted pods
//   would not have any container status synced. Kubectl displayed them as 'Evicted'." Older pages
//   that print `0/1 Evicted` (jorijn.com, tracegrid.app, devopsaitoolkit.com; kubernetes#66889 on
//   1.8/1.9) show that pre-1.22 shape. Explained by version: see the first describe.
// - kubernetes#128103 (asobti, 2024-10-15, a kubelet still "afflicted by #115819", so 1.30 or older):
//   a hard eviction of a pod with terminationGracePeriodSeconds 3600; "The pod status remains
//   `Running`" while "Containers take 3600s to shutdown".
// - kubernetes#124310 (payall4u, 2024-04-15, "1.24+"): a soft-evicted pod that handles SIGTERM "will
//   keep ready until all container dead" (status_manager.go mergePodStatus keeps the old phase).
// - kubernetes#105467, neilchen12's comment (2025-05-29, v1.32.4, CRI-O 1.32.4, ephemeral-storage node
//   pressure): `istiod-… 0/1 Completed 0` and `bigdata-… 0/1 Error 0`; istiod's `-o yaml` has "no
//   `status.reason` field", conditions DisruptionTarget (TerminationByKubelet) first, then
//   PodReadyToStartContainers False, then Initialized with reason PodCompleted.
// - kubeovn/kube-ovn#3810 (xieyunyue, 2024-03-07, v1.28.2, memory pressure from `stress`, Deployment
//   pods): evicted pods ended either `Completed` (phase Succeeded, DisruptionTarget listed first) or
//   `ContainerStatusUnknown` (`phase: Failed`, `reason: Evicted`).
// - kubernetes#117018 (smira, 2023-03-30, v1.27.0-rc.0, Talos, calico v3.25.0 DaemonSet, graceful
//   node shutdown): calico-node "stuck in `Completed`"; its yaml lists DisruptionTarget True
//   TerminationByKubelet "Pod was terminated in response to imminent node shutdown.", Initialized True
//   PodCompleted, Ready False PodCompleted, ContainersReady False PodCompleted, PodScheduled True.
// - kubernetes#118310, mimowo's comment (2023-08-30, kind) and kubernetes#122122, tuibeovince's comment
//   (2024-04-12, v1.27.8 and v1.28.4, `systemctl reboot`): the StatefulSet busybox pod whose TERM trap
//   kills its `sleep` and exits 0 ends `Completed` after a node shutdown.
// - kubernetes#110755 (Dragoncell, 2022-06-23, GKE, version not given): "Shutdown manager killing pod
//   with gracePeriod" gracePeriod=15 and no "finished killing pod" before the node went down: the pod
//   was left `Running` in the API. The kill path it shows is the one [8.16] reads for 1.27+.
// - cloudnative-pg/cloudnative-pg#1593 (2023-02-28, GKE, before 1.27): a shutdown pod with reason
//   `Terminated` although its container ended `Completed` exit 0, and no DisruptionTarget.
//   Explained by version: #115331 (1.27) gives such a pod Succeeded, which drops the reason.
// Upstream code read for the asserted values: pkg/kubelet/status/generate.go (stored commit 004b6af5,
// GeneratePodInitializedCondition: Succeeded with every init status known -> True, reason PodCompleted;
// generate…ConditionForTerminalPhase: PodFailed / PodCompleted); the rest as cited in
// src/engine/golden/evictionCases.test.ts and nodeShutdownCases.test.ts (eviction_manager.go evictPod,
// pod_workers.go killPodNow, kubelet_pods.go generateAPIPodStatus, status_manager.go mergePodStatus,
// nodeshutdown_manager_linux.go processShutdownEvent) and printers.go printPod (rulebook [14]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import type { KubeVersion } from '../../engine/version';
import { exited, podOf, running } from '../../engine/apiPod/statusBuilders';
import { printPod } from '../../engine/kubectl/printPod';
import { events, first } from '../../engine/golden/issues/issues.testkit';
import { describeEvents } from './describeEvents';
import { kubectlWatchRows } from './kubectlWatch';

function run(workload: string, sim: string, v: KubeVersion): Trace {
  const r = runScenario(`${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${sim}`);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}
/** The `kubectl get pod -w` lines after the header: [READY, STATUS, RESTARTS, AGE]. */
const watch = (t: Trace, name: string) => kubectlWatchRows(t, name).slice(1).map((r) => r.slice(1));
const rows = (t: Trace) => events(t, 'pod.kubectl').map((e) => [e.t, e.ready, e.status]);
const terminal = (t: Trace) => events(t, 'pod.phase').find((e) => e.phase === 'Failed' || e.phase === 'Succeeded')!;
/** Each condition's last value by time `t`, as `type: [status, reason]` (what `-o yaml` lists then). */
function conditionsAt(t: Trace, at: number): Record<string, [string, string | undefined]> {
  const out: Record<string, [string, string | undefined]> = {};
  for (const e of events(t, 'pod.condition')) if (e.t <= at) out[e.condition] = [e.status, e.reason];
  return out;
}
/** The condition written first in the terminal status write (generateAPIPodStatus copies DisruptionTarget first). */
const firstConditionAt = (t: Trace, at: number) => events(t, 'pod.condition').find((e) => e.t === at)?.condition;

const single = (name: string, tgps: number, command: string, image = 'busybox:1.36', extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  terminationGracePeriodSeconds: ${tgps}
${extra}  containers:
  - name: ${name}
    image: ${image}
    command: ${command}`;
const TERM_EXIT_0 = `["sh", "-c", "trap 'exit 0' TERM; sleep infinity & wait"]`;
const IGNORES_TERM = '["sleep", "infinity"]';

describe('kubernetes#105358 / #105467 (1.22 dev, pre-1.27): `1/1 Evicted` then `0/1 Error`; 1.27+ never prints Evicted', () => {
  // ehashman's pod. Her 1.22 development kubelet wrote Failed/Evicted while the container still ran
  // (`1/1 Evicted`), then the container's terminated status (`0/1 Error`). From 1.27 mergePodStatus
  // holds the terminal phase back until no container runs ([8.15]), and the final status carries the
  // container's terminated reason, which printPod prints over status.reason ([14.3]).
  const evictme = single('evictme', 10, '["sh", "-c", "fallocate -l 130G file; sleep 100000"]', 'k8s.gcr.io/e2e-test-images/nginx:1.14-2');
  it.each(['1.27', '1.30'] as const)('%s: `1/1 Running`, then `0/1 Error` when the 10 s grace ends (SIGKILL, 137); no Evicted row', (v) => {
    const t = run(evictme, 'until: 60s\nevents:\n  - { at: 8s, do: evictPod }\n', v);
    const e = first(t, 'container.kill', 'evictme', 7.999);
    expect(events(t, 'container.exit', 'evictme').map((x) => [x.t, x.exitCode])).toEqual([[e + 10, 137]]);
    expect(watch(t, 'evictme').slice(-2)).toEqual([['1/1', 'Running', '0', expect.any(String)], ['0/1', 'Error', '0', `${e + 10}s`]]);
    expect(rows(t).filter((r) => r[2] === 'Evicted')).toEqual([]);
    expect([terminal(t).phase, terminal(t).reason]).toEqual(['Failed', 'Evicted']);
  });

  it('the printer prints `Evicted` for the old status shapes: none synced (<1.22) or a still-running container (1.22 dev)', () => {
    const shape = { main: ['evictme'] };
    const old = podOf(shape, [], [], { phase: 'Failed', reason: 'Evicted' });
    const dev122 = podOf(shape, [], [running('evictme', { ready: true })], { phase: 'Failed', reason: 'Evicted' });
    const now = podOf(shape, [], [exited('evictme', 137)], { phase: 'Failed', reason: 'Evicted' });
    expect([old, dev122, now].map((p) => printPod(p, 100, { minor: 27 })).map((c) => [c.ready, c.status]))
      .toEqual([['0/1', 'Evicted'], ['1/1', 'Evicted'], ['0/1', 'Error']]);
  });
});

describe('kubernetes#128103 (≤1.30, hard eviction, grace 3600): the API keeps `Running` for the whole hour', () => {
  const pod = single('slow', 3600, IGNORES_TERM);
  it('1.30: override 0 -> the spec\'s 3600 s; no row from the eviction until SIGKILL, ExceededGracePeriod 10 s in', () => {
    const t = run(pod, 'until: 3700s\nevents:\n  - { at: 20s, do: evictPod }\n', '1.30');
    const e = first(t, 'container.kill', 'slow', 19.999);
    expect(events(t, 'container.signal', 'slow').map((s) => [s.signal, s.t])).toEqual([['SIGTERM', e], ['SIGKILL', e + 3600]]);
    expect(rows(t).filter((r) => (r[0] as number) >= 20)).toEqual([[e + 3600, '0/1', 'Error']]);
    expect(rows(t).at(-2)!.slice(1)).toEqual(['1/1', 'Running']);
    // Read at 3000 s: the API server drops events an hour old (--event-ttl 1h), as the engine does.
    expect(describeEvents(t, 3000, 'slow').filter((r) => r.reason !== 'Pulled' && r.reason !== 'Created' && r.reason !== 'Started' && r.reason !== 'Pulling' && r.reason !== 'Scheduled')
      .map((r) => [r.type, r.reason, r.t])).toEqual([['Warning', 'Evicted', 20], ['Normal', 'Killing', e], ['Warning', 'ExceededGracePeriod', 30]]);
  });

  it('1.31 (#124063, the fix of #115819): 1 s override, the pod is `0/1 Error` within 2 s', () => {
    const t = run(pod, 'until: 120s\nevents:\n  - { at: 20s, do: evictPod }\n', '1.31');
    const e = first(t, 'container.kill', 'slow', 19.999);
    expect(rows(t).filter((r) => (r[0] as number) >= 20)).toEqual([[e + 2, '0/1', 'Error']]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]);
  });
});

describe('kubernetes#124310 ("1.24+"): a soft-evicted pod that handles SIGTERM stays ready until its container exits', () => {
  // The trap sleeps 5 s before exiting 0 (a drain); evictionMaxPodGracePeriod 30 s covers it.
  const pod = single('drain', 60, `["sh", "-c", "trap 'sleep 5; exit 0' TERM; sleep infinity & wait"]`);
  it.each(['1.29', '1.33'] as const)('%s: Ready stays True and the row `1/1 Running` through the drain; then `0/1 Completed`', (v) => {
    const t = run(pod, 'until: 90s\nkubelet:\n  evictionMaxPodGracePeriod: 30\nevents:\n  - { at: 20s, do: evictPod, threshold: soft }\n', v);
    const e = first(t, 'container.kill', 'drain', 19.999);
    const exit = events(t, 'container.exit', 'drain')[0]!;
    expect([exit.t - e, exit.exitCode]).toEqual([5, 0]);
    expect(events(t, 'pod.condition').filter((c) => c.condition === 'Ready' && c.t >= 20 && c.t < exit.t)).toEqual([]);
    expect(conditionsAt(t, exit.t - 0.5).Ready).toEqual(['True', undefined]);
    expect(rows(t).filter((r) => (r[0] as number) >= 20).map((r) => r.slice(1))).toEqual([['0/1', 'Completed']]);
  });
});

describe('kubernetes#105467, neilchen12 (v1.32.4, CRI-O): istiod `0/1 Completed` with no status.reason; a sibling `0/1 Error`', () => {
  // Rebuilt: istiod's discovery container exits 0 on SIGTERM (its published terminal state); the
  // sibling ignores SIGTERM. The source's ephemeral-storage message is not modelled (memory only):
  // messages are not compared.
  it('1.32 hard threshold (1 s): Succeeded, reason dropped, DisruptionTarget first, PodCompleted on Initialized/Ready/ContainersReady', () => {
    const t = run(single('discovery', 30, TERM_EXIT_0), 'until: 60s\nevents:\n  - { at: 20s, do: evictPod }\n', '1.32');
    const end = terminal(t).t;
    expect([terminal(t).phase, terminal(t).reason, terminal(t).message]).toEqual(['Succeeded', undefined, undefined]);
    expect(firstConditionAt(t, end)).toBe('DisruptionTarget');
    expect(conditionsAt(t, end)).toEqual({
      DisruptionTarget: ['True', 'TerminationByKubelet'],
      PodReadyToStartContainers: ['False', undefined],
      Initialized: ['True', 'PodCompleted'],
      Ready: ['False', 'PodCompleted'],
      ContainersReady: ['False', 'PodCompleted'],
    });
    expect(events(t, 'pod.scheduled')).toHaveLength(1); // PodScheduled True (a trace event of its own)
    expect(watch(t, 'discovery').at(-1)!.slice(0, 3)).toEqual(['0/1', 'Completed', '0']);
  });

  it('1.32: the sibling that ignores SIGTERM: Failed, reason Evicted, `0/1 Error`', () => {
    const t = run(single('bigdata', 30, IGNORES_TERM), 'until: 60s\nevents:\n  - { at: 20s, do: evictPod }\n', '1.32');
    expect([terminal(t).phase, terminal(t).reason]).toEqual(['Failed', 'Evicted']);
    expect(watch(t, 'bigdata').at(-1)!.slice(0, 3)).toEqual(['0/1', 'Error', '0']);
  });
});

describe('kubeovn/kube-ovn#3810 (v1.28.2, memory pressure): `Completed` (Succeeded) or Failed/Evicted', () => {
  it('1.28: a Deployment pod that exits 0 on SIGTERM: Succeeded, DisruptionTarget listed first, `0/1 Completed`', () => {
    const t = run(single('web', 30, TERM_EXIT_0), 'until: 60s\nevents:\n  - { at: 20s, do: evictPod }\n', '1.28');
    const end = terminal(t).t;
    expect(terminal(t).phase).toBe('Succeeded');
    expect(firstConditionAt(t, end)).toBe('DisruptionTarget');
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/1', 'Completed']);
  });

  it('1.28: one that does not: `phase: Failed`, `reason: Evicted` as published; its `ContainerStatusUnknown` is the last container\'s race with the sandbox\'s stop ([8.15]: the engine keeps the real exit)', () => {
    const t = run(single('web', 30, IGNORES_TERM), 'until: 80s\nevents:\n  - { at: 20s, do: evictPod }\n', '1.28');
    expect([terminal(t).phase, terminal(t).reason]).toEqual(['Failed', 'Evicted']);
    // The engine keeps the real exit (137, `Error`) of the last container to stop; the published status
    // lost it when the relist reporting its death (the pod worker evicted, evictedCleanup.ts) removed it
    // before the final read, after StopPodSandbox, and the printer then prints that reason:
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/1', 'Error']);
    const lost = podOf({ main: ['web'] }, [], [exited('web', 137, { reason: 'ContainerStatusUnknown' })], { phase: 'Failed', reason: 'Evicted' });
    expect(printPod(lost, 100, { minor: 28 }).status).toBe('ContainerStatusUnknown');
  });
});

describe('kubernetes#117018 (v1.27.0-rc.0, Talos): calico-node after a graceful node shutdown', () => {
  // Rebuilt: calico-node's three init containers (upgrade-ipam, install-cni, mount-bpffs) exit 0;
  // calico-node exits 0 on SIGTERM (its published Completed); priorityClassName system-node-critical,
  // so it is in the critical group (the regular group is empty and skipped, [8.16]).
  const calico = `apiVersion: v1
kind: Pod
metadata: { name: calico-node }
spec:
  priorityClassName: system-node-critical
  terminationGracePeriodSeconds: 0
  initContainers:
  - { name: upgrade-ipam, image: calico/cni:v3.25.0, command: ["sh", "-c", "exit 0"] }
  - { name: install-cni, image: calico/cni:v3.25.0, command: ["sh", "-c", "exit 0"] }
  - { name: mount-bpffs, image: calico/node:v3.25.0, command: ["sh", "-c", "exit 0"] }
  containers:
  - name: calico-node
    image: calico/node:v3.25.0
    command: ${TERM_EXIT_0}`;
  it('1.27: Succeeded, no reason; DisruptionTarget first, Initialized True PodCompleted, Ready/ContainersReady False PodCompleted; `0/1 Completed`', () => {
    const t = run(calico, 'until: 120s\nevents:\n  - { at: 60s, do: shutdownNode }\n', '1.27');
    const end = terminal(t).t;
    expect([terminal(t).phase, terminal(t).reason]).toEqual(['Succeeded', undefined]);
    expect(firstConditionAt(t, end)).toBe('DisruptionTarget');
    // No PodReadyToStartContainers in 1.27 (its gate was alpha, off), as in the published list.
    expect(conditionsAt(t, end)).toEqual({
      DisruptionTarget: ['True', 'TerminationByKubelet'],
      Initialized: ['True', 'PodCompleted'],
      Ready: ['False', 'PodCompleted'],
      ContainersReady: ['False', 'PodCompleted'],
    });
    expect(events(t, 'pod.scheduled')).toHaveLength(1); // PodScheduled True (a trace event of its own)
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/1', 'Completed']);
  });
});

// A disagreement this case found (the shell reader's, not the kubelet's), fixed the same session
// ([15.2]): the engine read mimowo's script as ignoring SIGTERM, so the pod was still running when
// the node powered off (exit 255, API left Running). In ash (POSIX XCU 2.11) SIGTERM returns the first `wait $PID` at once, `_term` kills
// the sleep, `trap - TERM` resets, the second `wait $PID` finds the job already ended and returns at
// once, and `exit 0` runs: published `Completed`. Rulebook [15.2] says a trap whose action kills the
// script's own job is an ordinary trap; the reader lost that once `trap - TERM; wait $PID` follows
// (without those two commands it read exit 0 on SIGTERM: the control case below passes).
describe('kubernetes#118310 / #122122 (kind; v1.27.8, v1.28.4): the StatefulSet busybox pod ends `Completed` after a shutdown', () => {
  const sts = `apiVersion: v1
kind: Pod
metadata: { name: example-0 }
spec:
  containers:
  - name: busybox
    image: busybox
    command: ["sh"]
    args:
    - "-c"
    - |
      sleep 9999999 &
      PID=$!
      echo "Hello world!"
      _term () {
          kill $PID
          echo "Caught SIGTERM!"
      }
      trap _term SIGTERM
      wait $PID
      trap - TERM
      # Wait for the long running sleep to exit
      wait $PID
      exit 0`;
  it.each(['1.27', '1.28', '1.33'] as const)('%s: SIGTERM at the kill, exit 0, Succeeded with DisruptionTarget, `0/1 Completed`', (v) => {
    const t = run(sts, 'until: 120s\nevents:\n  - { at: 60s, do: shutdownNode }\n', v);
    const e = first(t, 'container.kill', 'busybox', 59.999);
    expect(events(t, 'container.exit', 'busybox').map((x) => [x.t, x.exitCode])).toEqual([[e, 0]]);
    expect([terminal(t).phase, terminal(t).reason]).toEqual(['Succeeded', undefined]);
    expect(conditionsAt(t, terminal(t).t).DisruptionTarget).toEqual(['True', 'TerminationByKubelet']);
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/1', 'Completed']);
  });

  it('control: the same trap without `trap - TERM; wait $PID` is read as exiting 0 on SIGTERM, and ends `0/1 Completed`', () => {
    const short = sts.replace('      trap - TERM\n      # Wait for the long running sleep to exit\n      wait $PID\n', '');
    expect(short).not.toContain('trap - TERM');
    const t = run(short, 'until: 120s\nevents:\n  - { at: 60s, do: shutdownNode }\n', '1.28');
    const e = first(t, 'container.kill', 'busybox', 59.999);
    expect(events(t, 'container.exit', 'busybox').map((x) => [x.t, x.exitCode])).toEqual([[e, 0]]);
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/1', 'Completed']);
  });
});

describe('cloudnative-pg#1593 (GKE, 2023-02, before 1.27): reason `Terminated` on an exit-0 pod is the old phase rule', () => {
  it('1.27+: the same exit-0 pod is Succeeded and carries no reason; one that ends non-zero keeps Failed/Terminated', () => {
    const ok = run(single('postgres', 30, TERM_EXIT_0), 'until: 120s\nevents:\n  - { at: 60s, do: shutdownNode }\n', '1.27');
    expect([terminal(ok).phase, terminal(ok).reason]).toEqual(['Succeeded', undefined]);
    // Grace 10 s < the 20 s regular window: SIGKILL at 70 s, well before the power-off at 80 s.
    const bad = run(single('postgres', 10, IGNORES_TERM), 'until: 120s\nevents:\n  - { at: 60s, do: shutdownNode }\n', '1.27');
    expect([terminal(bad).phase, terminal(bad).reason, terminal(bad).message])
      .toEqual(['Failed', 'Terminated', 'Pod was terminated in response to imminent node shutdown.']);
  });
});

describe('kubernetes#110755 (GKE, 2022): a kill still running when the window ends leaves the API at `Running`', () => {
  // Rebuilt: shutdownGracePeriod 30 s with 15 s for critical pods (regular window 15 s, the published
  // gracePeriod=15); the app ignores SIGTERM, so its SIGKILL would come as the window ends.
  const cfg = 'until: 120s\nkubelet:\n  shutdownGracePeriod: 30s\n  shutdownGracePeriodCriticalPods: 15s\nevents:\n  - { at: 60s, do: shutdownNode }\n';
  it.each(['1.27', '1.33'] as const)('%s: SIGTERM at 60, power-off at 75 with the container alive: no terminal phase, the last row `1/1 Running`', (v) => {
    const t = run(single('client', 30, IGNORES_TERM), cfg, v);
    expect(events(t, 'container.signal', 'client').map((x) => [x.signal, x.t])).toEqual([['SIGTERM', 60]]);
    expect(t.events.filter((e) => e.type === 'node.poweredOff').map((e) => e.t)).toEqual([75]);
    expect(events(t, 'pod.phase').filter((e) => e.phase === 'Failed' || e.phase === 'Succeeded')).toEqual([]);
    expect(rows(t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });
});
