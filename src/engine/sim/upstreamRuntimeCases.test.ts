// Golden test: upstream's unit tests of starting containers and of the runtime's container status,
// translated to Sidecar Lab (whole scenarios through runScenario, and the status the kubelet writes).
//
// Upstream files (kubernetes/kubernetes, read with the library's read_file / find_string):
// - pkg/kubelet/kuberuntime/kuberuntime_container_test.go, file id 318274213 (25,999 characters:
//   killContainer with the ordering argument, featuregatetesting returning a restore func, a
//   1.29/1.30-era tree; older copies 011f262f and 387617149 have the same TestToKubeContainerStatus
//   rows). Functions: TestToKubeContainerStatus (4 rows), TestRestartCountByLogDir (15 rows),
//   TestStartSpec, TestRemoveContainer, TestKillContainer, TestToKubeContainerStatusWithResources.
//   TestLifeCycleHook* and TestKillContainerGracePeriod are in upstreamTerminationCases.test.ts.
// - pkg/kubelet/kuberuntime/kuberuntime_manager_test.go, file id 79542686 (130,097 characters, the
//   newest stored: TestComputePodActionsForPodResize, image volumes) and 64524167 (a 1.28-1.30-era
//   copy): TestSyncPod, TestSyncPodWithInitContainers (4 steps), TestSyncPodWithSandboxAndDeletedPod,
//   TestPruneInitContainers. The computePodActions tables are in kubelet/upstreamPodActions*.ts.
// - The code: kuberuntime_container.go startContainer (restartCount from FindContainerStatusByName,
//   else calcRestartCountByLogDir), toKubeContainerStatus (file id 41926215); kubelet_pods.go
//   convertToAPIContainerStatuses / convertContainerStatus (several stored copies, e.g. 18007649002):
//   Running -> running.startedAt; Exited -> terminated {exitCode, reason, message, startedAt,
//   finishedAt}; Created and anything else -> Waiting with no reason ([10.1]); the runtime's newest
//   record is the state, its second-newest the lastState.
//
// How they map to ours:
// - TestToKubeContainerStatus converts one CRI status; here the same runtime states are produced by
//   a scenario and read in the status the kubelet then writes (the CRI -> kubecontainer -> API chain):
//   "created container" = a kubelet restart between CreateContainer and StartContainer ([2.7], the
//   engine's 0.1 s create and 0.1 s start); "running container" = a running process; "exited
//   container" = a process that exits 121 under restartPolicy Never (containerd's reason for a
//   non-zero exit is Error, [10.3]; upstream's "GotKilled" is a made-up runtime reason). "unknown
//   container" (CONTAINER_UNKNOWN) is not expressible: the engine's runtime has no unknown state.
// - TestRestartCountByLogDir: calcRestartCountByLogDir is called by startContainer only when the
//   runtime has no record of the container. Here the records are removed while the kubelet is down
//   (restartKubelet with removeExitedContainers, E24/E26); the kubelet's own container deletor removes
//   older runs with their logs and keeps the newest ([10.8], removeContainer removes the log too, per
//   TestRemoveContainer), so the log directory holds N.log of the newest run and the next start is
//   attempt N+1. Rows: [] -> 0 (a first start), ["0.log"] -> 1, ["0.log", "1.log", "2.log"] -> 3. The
//   rows about file names (rotated suffixes, prefixes, overflow, non-numbers) are not expressible.
// - TestSyncPod and TestSyncPodWithInitContainers run SyncPod on a fake runtime and check what is
//   running after each call; here the same pods as scenarios, step by step on the timeline. Step 4
//   (the sandbox stopped) is the scenario's killSandbox ([2.11], [2.12]).
//
// Not expressible: TestSyncPodWithSandboxAndDeletedPod (a sandbox creation error; the engine's
// sandbox never fails to be made), TestPruneInitContainers (which runtime records of exited init
// containers are removed; no status or event shows it), TestStartSpec (ephemeral containers),
// TestRemoveContainer (log files), TestKillContainer (a container missing from the spec),
// TestToKubeContainerStatusWithResources (resources).
//
// Two cases disagreed when the file was written and are at its end since the engine follows them:
// 3. after the runtime records are removed, the next run's status has no lastState up to 1.35
//    (RESTARTS 3); from 1.36 RestartAllContainersOnContainerExits carries the written one over
//    ("3 (… ago)", [10.8]);
// 4. a StartError run's terminated state carries the runtime's message (convertContainerStatus, [3.5]).
// (Disagreements 1 and 2, the postStart failure's message and a deletion during the hook, are in
// upstreamHookCases.test.ts, [3.4].)

import { describe, expect, it } from 'vitest';
import { minor, type KubeVersion } from '../version';
import { ALL, of, run, simHead, statusOf, statusesAt } from './upstreamRuntime.testkit';

// ---------------------------------------------------------------------------------------------
// TestToKubeContainerStatus
// ---------------------------------------------------------------------------------------------

function cnamePod(version: KubeVersion, o: { restartPolicy?: string; sim: string; events?: string }): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: foo }
spec:
  restartPolicy: ${o.restartPolicy ?? 'Always'}
  containers:
    - { name: cname, image: fimage, imagePullPolicy: IfNotPresent }
---
${simHead(version, '30s')}
containers:
  cname: ${o.sim}
${o.events ?? ''}`;
}

describe('kuberuntime_container_test.go TestToKubeContainerStatus, as the status the kubelet writes (convertContainerStatus) [10.1] [10.3]', () => {
  for (const version of ALL) {
    it(`${version}: created container: a container created but not started (the kubelet restarted in between) is written Waiting with no reason, restartCount 0, no lastState [10.1] [2.7]`, () => {
      const text = cnamePod(version, { sim: '{ exitAfter: never }', events: 'events:\n  - { at: 1.15s, do: restartKubelet }\n' });
      const t = run(text);
      const pulled = of(t, 'container.pulled', 'cname')[0]!;
      expect(pulled.t).toBeLessThan(1.15); // created at 1.1 s, its start due at 1.2 s
      const back = of(t, 'node.kubeletStarted')[0]!;
      const s = statusOf(statusesAt(text, [back.t + 0.1]).get(back.t + 0.1), 'cname');
      expect(s.state.waiting).toBeDefined();
      expect(s.state.waiting!.reason).toBeUndefined();
      expect(s.state.running ?? s.state.terminated).toBeUndefined();
      expect(s.lastState.terminated).toBeUndefined();
      expect(s.restartCount).toBe(0);
      // computePodActions starts a Created container again ([4.1]): the new one is attempt 1
      expect(of(t, 'container.start', 'cname').map((e) => e.attempt)).toEqual([1]);
    });

    it(`${version}: running container: running, startedAt = the start`, () => {
      const text = cnamePod(version, { sim: '{ exitAfter: never }' });
      const start = of(run(text), 'container.start', 'cname')[0]!;
      const s = statusOf(statusesAt(text, [10]).get(10), 'cname');
      expect(s.state.running?.startedAt).toBe(start.t);
      expect(s.state.waiting ?? s.state.terminated).toBeUndefined();
    });

    it(`${version}: exited container: terminated with the runtime's exit code 121, reason Error, startedAt and finishedAt`, () => {
      const text = cnamePod(version, { restartPolicy: 'Never', sim: '{ exitAfter: 3s, exitCode: 121 }' });
      const t = run(text);
      const start = of(t, 'container.start', 'cname')[0]!;
      const exit = of(t, 'container.exit', 'cname')[0]!;
      const s = statusOf(statusesAt(text, [20]).get(20), 'cname');
      expect(s.state.terminated).toMatchObject({ exitCode: 121, reason: 'Error', startedAt: start.t, finishedAt: exit.t });
      expect(s.restartCount).toBe(0);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// TestRestartCountByLogDir
// ---------------------------------------------------------------------------------------------

function crashPod(version: KubeVersion, removeAt: string): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: foo }
spec:
  containers:
    - { name: app, image: example/app:1 }
---
${simHead(version, '80s')}
containers:
  app: { exitAfter: 2s, exitCode: 1 }
events:
  - { at: ${removeAt}, do: restartKubelet, removeExitedContainers: true }
`;
}

/** The attempt of the first start after the kubelet came back, and the restartCount written for it. */
function afterRemoval(t: ReturnType<typeof run>): { attempt: number; restartCount: number } {
  const back = of(t, 'node.kubeletStarted')[0]!;
  const start = of(t, 'container.start', 'app').find((s) => s.t >= back.t)!;
  const write = (t.statusWrites ?? []).find((w) => w.container === 'app' && w.t >= start.t && w.state === 'running')!;
  return { attempt: start.attempt, restartCount: write.restartCount };
}

describe('kuberuntime_container_test.go TestRestartCountByLogDir, through startContainer: the runtime lost the records, the logs keep the count [10.4] [10.8]', () => {
  for (const version of ALL) {
    it(`${version}: no restart count log files ([] -> 0): a first start is attempt 0`, () => {
      const t = run(crashPod(version, '70s'));
      expect(of(t, 'container.start', 'app')[0]!.attempt).toBe(0);
      expect((t.statusWrites ?? []).find((w) => w.container === 'app' && w.state === 'running')!.restartCount).toBe(0);
    });

    it(`${version}: ["0.log"] -> 1: one run, its record removed before the relist saw its exit: the next start is attempt 1`, () => {
      const t = run(crashPod(version, '3.5s'));
      expect(of(t, 'container.exit', 'app')[0]!.t).toBeLessThan(3.5);
      expect(of(t, 'container.start', 'app').filter((s) => s.t < 3.5).map((s) => s.attempt)).toEqual([0]);
      expect(afterRemoval(t)).toEqual({ attempt: 1, restartCount: 1 });
    });

    it(`${version}: ["0.log", "1.log", "2.log"] -> 3: three runs, the records removed during the back-off: the next start is attempt 3, at once`, () => {
      const t = run(crashPod(version, '30s'));
      expect(of(t, 'container.start', 'app').filter((s) => s.t < 30).map((s) => s.attempt)).toEqual([0, 1, 2]);
      expect(afterRemoval(t)).toEqual({ attempt: 3, restartCount: 3 });
      // doBackOff finds no exited record: no back-off before that start ([4.5])
      const back = of(t, 'node.kubeletStarted')[0]!;
      expect(of(t, 'container.start', 'app').find((s) => s.t >= back.t)!.t - back.t).toBeLessThan(1);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// TestSyncPod, TestSyncPodWithInitContainers
// ---------------------------------------------------------------------------------------------

const STOPS = '{ exitAfter: never, onStop: { after: 0s, exitCode: 0 } }';

describe('kuberuntime_manager_test.go TestSyncPod [0.3] [3.2]', () => {
  for (const version of ALL) {
    it(`${version}: TestSyncPod: the first sync makes the sandbox, pulls both images and starts foo1 then foo2; both run`, () => {
      const t = run(`apiVersion: v1
kind: Pod
metadata: { name: foo, namespace: new }
spec:
  containers:
    - { name: foo1, image: busybox, imagePullPolicy: IfNotPresent }
    - { name: foo2, image: alpine, imagePullPolicy: IfNotPresent }
---
${simHead(version, '30s')}
containers:
  foo1: ${STOPS}
  foo2: ${STOPS}
`);
      expect(of(t, 'container.pulled').map((e) => e.image)).toEqual(['busybox', 'alpine']);
      const starts = of(t, 'container.start');
      expect(starts.map((s) => [s.container, s.attempt])).toEqual([['foo1', 0], ['foo2', 0]]);
      // one sync: no status was written between the two starts
      const writes = t.statusWrites ?? [];
      expect(writes.some((w) => w.t > starts[0]!.t && w.t < starts[1]!.t)).toBe(false);
      const firstRunning = writes.find((w) => w.state === 'running')!;
      expect(writes.filter((w) => w.t === firstRunning.t && w.state === 'running').map((w) => w.container).sort()).toEqual(['foo1', 'foo2']);
      if (minor(version) >= 29) { // the condition is written from 1.29 (PodReadyToStartContainersCondition beta)
        expect(of(t, 'pod.condition').some((c) => c.condition === 'PodReadyToStartContainers' && c.status === 'True')).toBe(true);
      }
      expect(of(t, 'container.exit')).toEqual([]);
    });
  }
});

describe('kuberuntime_manager_test.go TestSyncPodWithInitContainers [2.1] [3.1] [2.9] [2.11]', () => {
  for (const version of ALL) {
    it(`${version}: TestSyncPodWithInitContainers: init1 alone; nothing while it runs; then foo1 and foo2; a stopped sandbox kills them and runs init1 again as attempt 1`, () => {
      const t = run(`apiVersion: v1
kind: Pod
metadata: { name: foo, namespace: new }
spec:
  initContainers:
    - { name: init1, image: init, imagePullPolicy: IfNotPresent }
  containers:
    - { name: foo1, image: busybox, imagePullPolicy: IfNotPresent }
    - { name: foo2, image: alpine, imagePullPolicy: IfNotPresent }
---
${simHead(version, '60s')}
containers:
  init1: { exitAfter: 5s, exitCode: 0, onStop: { after: 0s, exitCode: 0 } }
  foo1: ${STOPS}
  foo2: ${STOPS}
events:
  - { at: 20s, do: killSandbox }
`);
      const starts = of(t, 'container.start').map((s) => [s.container, s.attempt, s.t] as const);
      const exitInit = of(t, 'container.exit', 'init1')[0]!;
      // 1. should only create the init container; 2. init container still running: do nothing
      expect(starts.filter(([, , at]) => at <= exitInit.t).map(([c, a]) => [c, a])).toEqual([['init1', 0]]);
      // 3. init container completed: all app containers run
      const sandboxDied = of(t, 'node.sandboxDied')[0]!;
      expect(starts.filter(([, , at]) => at > exitInit.t && at < sandboxDied.t).map(([c, a]) => [c, a])).toEqual([['foo1', 0], ['foo2', 0]]);
      expect(exitInit.exitCode).toBe(0);
      // 4. the sandbox stopped: both app containers killed, then a new init1 (attempt 1) runs
      const changed = of(t, 'pod.sandboxChanged')[0]!;
      expect(changed.attempt).toBe(1);
      const kills = of(t, 'container.kill').filter((k) => k.t >= changed.t);
      expect(kills.map((k) => k.container).sort()).toEqual(['foo1', 'foo2']);
      const lastKillExit = Math.max(...of(t, 'container.exit').filter((e) => e.container !== 'init1').map((e) => e.t));
      const init1Again = starts.find(([c, a]) => c === 'init1' && a === 1)!;
      expect(init1Again[2]).toBeGreaterThanOrEqual(lastKillExit);
      expect(starts.filter(([c, , at]) => c !== 'init1' && at > changed.t && at < init1Again[2])).toEqual([]);
    });
  }
});

describe('TestRestartCountByLogDir\'s situation, the status: the new run is the runtime\'s only record of the container, so it has no lastState (convertToAPIContainerStatuses) [10.8] [14.1]', () => {
  for (const version of ALL.filter((v) => minor(v) <= 35)) {
    it(`${version}: ["0.log", "1.log", "2.log"] -> 3: attempt 3 runs with no lastState; kubectl RESTARTS "3", without "(… ago)"`, () => {
      const text = crashPod(version, '30s');
      const t = run(text);
      const back = of(t, 'node.kubeletStarted')[0]!;
      const start = of(t, 'container.start', 'app').find((s) => s.t >= back.t)!;
      const at = start.t + 0.9; // after the relist that lists it running, before it exits 2s after its start
      const s = statusOf(statusesAt(text, [at]).get(at), 'app');
      expect(s.state.running).toBeDefined();
      expect(s.restartCount).toBe(3);
      expect(s.lastState.terminated).toBeUndefined();
      const row = of(t, 'pod.kubectl').filter((r) => r.t <= at).at(-1)!;
      expect([row.status, row.restarts]).toEqual(['Running', '3']);
    });
  }
});

describe('TestRestartCountByLogDir\'s situation from 1.36: RestartAllContainersOnContainerExits carries the written last state over (convertContainerStatus, kubernetes#136964) [10.8] [14.1]', () => {
  for (const version of ALL.filter((v) => minor(v) >= 36)) {
    it(`${version}: attempt 3 runs with the removed run as its lastState; kubectl RESTARTS "3 (… ago)"`, () => {
      const text = crashPod(version, '30s');
      const t = run(text);
      const back = of(t, 'node.kubeletStarted')[0]!;
      const start = of(t, 'container.start', 'app').find((s) => s.t >= back.t)!;
      const at = start.t + 0.9;
      const s = statusOf(statusesAt(text, [at]).get(at), 'app');
      expect(s.state.running).toBeDefined();
      expect(s.restartCount).toBe(3);
      expect(s.lastState.terminated?.exitCode).toBe(1);
      const row = of(t, 'pod.kubectl').filter((r) => r.t <= at).at(-1)!;
      expect(row.status).toBe('Running');
      expect(row.restarts).toMatch(/^3 \(\d+s ago\)$/);
    });
  }
});

describe('kuberuntime_container_test.go TestToKubeContainerStatus "exited container": the runtime\'s Message reaches terminated.message (convertContainerStatus) [3.5] [10.3]', () => {
  for (const version of ALL) {
    it(`${version}: a StartError run (restartPolicy Never) is written terminated 128 StartError with containerd's message`, () => {
      const text = cnamePod(version, { restartPolicy: 'Never', sim: '{ startError: "failed to create containerd task: exec: \\"bashz\\": executable file not found in $PATH: unknown" }' });
      const t = run(text);
      const exit = of(t, 'container.exit', 'cname')[0]!;
      expect(exit.message).toBeDefined();
      const s = statusOf(statusesAt(text, [10]).get(10), 'cname');
      expect(s.state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError', message: exit.message });
    });
  }
});
