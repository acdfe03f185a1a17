// [2.9] [10.4] The restart count a new run gets (process.ts restartCountOf) follows
// kuberuntime_container.go startContainer (stored 1.3x copy, library id 41926215; the same block
// 1.27-1.37): the newest run the starting sync's podStatus lists gives RestartCount + 1, else
// calcRestartCountByLogDir counts on from the logs left. After a sandbox change SyncPod's
// purgeInitContainers (kuberuntime_manager.go, e.g. library ids 14701678, 39757877179) removes every
// init container's runs and their logs (removeContainer), so only the init container the replacing
// sync starts itself counts on; the others start again at 0 (kubernetes#124002). A record the
// runtime lost while the kubelet was down keeps its log (no purge or deletor lists it): the count
// goes on from it, even after a later purge. Every minor 1.27-1.37 (sidecars from 1.29 here).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace } from '../trace';
import { statusesAt, statusOf } from './upstreamRuntime.testkit';
import type { KubeVersion } from '../version';

function text(workload: string, sim: string, v: KubeVersion): string {
  return `${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${sim}`;
}

function run(workload: string, sim: string, v: KubeVersion): Trace {
  const r = runScenario(text(workload, sim, v));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const starts = (t: Trace, c: string) => t.events.flatMap((e) => (e.type === 'container.start' && e.container === c ? [e.attempt] : []));
const exits = (t: Trace, c: string) => t.events.flatMap((e) => (e.type === 'container.exit' && e.container === c ? [[e.attempt, e.exitCode]] : []));
const timeOf = (t: Trace, type: string) => t.events.find((e) => e.type === type)!.t;

/** init-second fails twice (runs[0], runs[1]) before it completes; init-first completes at once. */
const CRASHING_SECOND = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: init-first, image: busybox, command: ["sh", "-c", "echo first"]}
  - {name: init-second, image: busybox, command: ["sh", "-c", "echo second"]}
  containers:
  - {name: main, image: busybox, command: ["sh", "-c", "sleep 3600"]}`;

const CRASHING_SIM = (action: string) => `until: 200s
containers:
  init-second:
    runs:
      - { exitAfter: 1s, exitCode: 1 }
      - { exitAfter: 1s, exitCode: 1 }
events:
  - { at: 100s, do: ${action} }
`;

describe('startContainer restartCount after purgeInitContainers (stored 1.3x copy, every minor 1.27-1.37; kubernetes#124002) [2.9] [10.4]', () => {
  for (const v of ['1.27', '1.37'] as const) {
    for (const action of ['killSandbox', 'recreateSandbox']) {
      it(`${action} at ${v}: the replacing sync's first init container counts on, init-second drops from 2 to 0, main counts on`, () => {
        const t = run(CRASHING_SECOND, CRASHING_SIM(action), v);
        expect(starts(t, 'init-first')).toEqual([0, 1]);
        expect(starts(t, 'init-second')).toEqual([0, 1, 2, 0]);
        expect(starts(t, 'main')).toEqual([0, 1]);
        // `runs:` is indexed by the run, not the restart count: the 4th run (attempt 0) is not runs[0]'s failure
        expect(exits(t, 'init-second')).toEqual([[0, 1], [1, 1], [2, 0], [0, 0]]);
        const changed = timeOf(t, action === 'killSandbox' ? 'pod.sandboxChanged' : 'node.reboot');
        const before = statusesAt(text(CRASHING_SECOND, CRASHING_SIM(action), v), [changed - 1, 190]);
        expect(statusOf(before.get(changed - 1), 'init-second').restartCount).toBe(2);
        expect(statusOf(before.get(190), 'init-second').restartCount).toBe(0);
        expect(statusOf(before.get(190), 'init-first').restartCount).toBe(1);
        expect(statusOf(before.get(190), 'main').restartCount).toBe(1);
      });
    }
  }
});

/** A sidecar (restartable init container) second: purgeInitContainers takes it too. */
const SIDECAR_SECOND = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: init-first, image: busybox, command: ["sh", "-c", "echo first"]}
  - {name: side, image: busybox, restartPolicy: Always, command: ["sh", "-c", "sleep 3600"]}
  containers:
  - {name: main, image: busybox, command: ["sh", "-c", "sleep 3600"]}`;

const SIDECAR_SIM = `until: 200s
containers:
  side:
    runs:
      - { exitAfter: 5s, exitCode: 1 }
events:
  - { at: 100s, do: killSandbox }
`;

describe('startContainer restartCount of a sidecar that is not the first init container (stored 1.3x copy, SidecarContainers minors; kubernetes#124002) [2.9] [10.4]', () => {
  for (const v of ['1.29', '1.37'] as const) {
    it(`killSandbox at ${v}: the sidecar's count drops from 1 to 0, as purgeInitContainers removed its runs and logs`, () => {
      const t = run(SIDECAR_SECOND, SIDECAR_SIM, v);
      expect(starts(t, 'init-first')).toEqual([0, 1]);
      expect(starts(t, 'side')).toEqual([0, 1, 0]);
      expect(starts(t, 'main')).toEqual([0, 1]);
      expect(statusOf(statusesAt(text(SIDECAR_SECOND, SIDECAR_SIM, v), [190]).get(190), 'side').restartCount).toBe(0);
    });
  }
});

/** main fails once (runs[0]) and waits in its back-off when the runtime loses its record. */
const MAIN_ONLY = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: main, image: busybox, command: ["sh", "-c", "sleep 3600"]}`;

const REMOVED_SIM = `until: 120s
containers:
  main:
    runs:
      - { exitAfter: 2s, exitCode: 1 }
      - { exitAfter: 2s, exitCode: 1 }
events:
  - { at: 20s, do: restartKubelet, removeExitedContainers: true }
`;

describe('startContainer restartCount of a record the runtime removed while the kubelet was down (calcRestartCountByLogDir, stored 1.3x copy, every minor) [10.3] [10.4]', () => {
  for (const v of ['1.27', '1.37'] as const) {
    it(`restartKubelet with removeExitedContainers at ${v}: no kubelet removed the log, so the count goes on from it`, () => {
      const t = run(MAIN_ONLY, REMOVED_SIM, v);
      expect(t.events.some((e) => e.type === 'node.containersRemoved')).toBe(true);
      expect(starts(t, 'main')).toEqual([0, 1, 2]);
      expect(exits(t, 'main')).toEqual([[0, 1], [1, 1]]);
    });
  }
});

/** init-a completes and its record goes while the kubelet is down (init-b still pulls): it runs again, then the node reboots. */
const LOST_THEN_PURGED = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: side, image: busybox, restartPolicy: Always, command: ["sh", "-c", "sleep 3600"]}
  - {name: init-a, image: busybox, command: ["sh", "-c", "echo a"]}
  - {name: init-b, image: example.com/slow:1, command: ["sh", "-c", "echo b"]}
  containers:
  - {name: main, image: busybox, command: ["sh", "-c", "sleep 3600"]}`;

const LOST_SIM = `until: 200s
containers:
  init-b:
    pull: 30s
events:
  - { at: 10s, do: restartKubelet, removeExitedContainers: true }
  - { at: 100s, do: recreateSandbox }
`;

describe('calcRestartCountByLogDir after a purge keeps the log of a run the runtime had already lost (fuzz seed 1365013188) [2.9] [10.4]', () => {
  for (const v of ['1.29', '1.37'] as const) {
    it(`restartKubelet removing the exited records, then recreateSandbox at ${v}: init-a counts on from the log the purge did not see`, () => {
      const t = run(LOST_THEN_PURGED, LOST_SIM, v);
      expect(t.events.some((e) => e.type === 'node.containersRemoved')).toBe(true);
      // init-a's run 0 (0.log) was lost by the runtime, so run 1 counted on from its log; the purge
      // removed run 1 and 1.log only, and 0.log gives attempt 1 again
      expect(starts(t, 'init-a')).toEqual([0, 1, 1]);
      expect(starts(t, 'side')).toEqual([0, 1]); // the replacing sync's own first init container
      expect(starts(t, 'init-b')).toEqual([0, 0]);
      expect(starts(t, 'main')).toEqual([0, 1]);
    });
  }
});
