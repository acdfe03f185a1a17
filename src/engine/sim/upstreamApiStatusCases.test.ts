// Golden test: upstream's unit tests of the container statuses the kubelet generates
// (convertToAPIContainerStatuses, [10.1]-[10.4], [10.8], [11.2]), translated to Sidecar Lab.
//
// Upstream files (kubernetes/kubernetes, read with the stored copies):
// - pkg/kubelet/kubelet_test.go, a 1.33-era copy (find_string id 2835627: allocation.NewInMemoryManager,
//   cri-client; the same two tests sit unchanged in the older copies 77123223, 98951804, 33860366048):
//   TestGenerateAPIPodStatusWithReasonCache (4 cases, each run for main and for init containers) and
//   TestGenerateAPIPodStatusWithDifferentRestartPolicies (Never, OnFailure, Always; main and init).
//   (The brief places them in kubelet_pods_test.go; they live in kubelet_test.go.)
// - pkg/kubelet/kubelet_pods_test.go at 001a80e9 (the newest stored; RestartAllContainers gate on):
//   TestConvertToAPIContainerStatuses (14 rows).
// - The code they test: kubelet_pods.go convertToAPIContainerStatuses at 001a80e9 (the same commit),
//   whose loops are unchanged in shape since before 1.27 but for the gated RestartAllContainers parts.
//
// How they map to ours: upstream hands convertToAPIContainerStatuses a runtime PodStatus (the
// container runs, newest first), the old API statuses and a reason cache (the last start error).
// Here a scenario produces the same runtime history (`runs:` per attempt), the engine writes its
// statuses, and the recorder of upstreamStatus.testkit.ts reads every written status whole.
// "Reason cache has an error" is the back-off's CrashLoopBackOff that SyncPod records after a
// restartable exit; "no reason" is the write right after the exit, before that SyncPod. A table row is checked at the
// first write where the container is in the row's state; upstream keeps both runs in its fake
// runtime, the engine's container deletor drops the older one a relist later ([10.8]), so later
// writes are not compared.
//
// Not expressible: ReasonCache's "Unknown Container Status" case (the engine's runtime has no CRI
// Unknown state) and its "with-old-record" half (an API lastState with no runtime record: only a
// kubelet restart that wipes the records gives it, and there the engine disagrees, see the
// report); DifferentRestartPolicies' Never lastStates (a Never container runs once); the
// ConvertToAPIContainerStatuses rows where a *running* container vanishes from the runtime (the
// engine never loses a running container's record), containerA exits by itself during an in-place
// restart, or containerA is killed but not yet removed (the engine kills and removes in one sync).
// Three rows are read through a kubelet restart whose runtime loses the exited records
// (restartKubelet removeExitedContainers): "Unable to get init container status ...", "Unable to
// get sidecar container status ..." and, 1.36+, "currently running with lower restartCount ..."
// (the runtime's count starts low, the kubelet keeps the old one + 1). Upstream's rows have no old
// API status; ours keep the one the kubelet wrote, which upstream's first loop reuses (a
// Terminated one whole, else its restartCount and lastState under the default Waiting reason).
//
// Four cases disagreed when the file was written and are at its end since the engine follows them
// ([10.3], [10.8]): "no current status, keeping previous restartCount" (a new kubelet's reason cache
// is empty); the sidecar row when the old status is Terminated (kept whole); 1.36+ the OnFailure
// "succeed" lastState after the container deletor's removal (carried over under
// RestartAllContainersOnContainerExits); up to 1.35 no lastState for a run the runtime lost.

import { describe, expect, it } from 'vitest';
import { minor, type KubeVersion } from '../version';
import {
  ALL, WITH_SIDECARS, firstWhere, isRunning, isTerminated, simHead, stateOf, statusOf, writtenStatuses, type Written,
} from './upstreamStatus.testkit';

type Policy = 'Never' | 'OnFailure' | 'Always';

/** One container (main, or init before an `app`) whose first two runs exit with `codes`, then runs on. */
function twoRuns(version: KubeVersion, policy: Policy, kind: 'main' | 'init', name: string, codes: [number, number]): Written[] {
  const spec = kind === 'main'
    ? `  containers:\n    - { name: ${name}, image: example/c:1 }`
    : `  initContainers:\n    - { name: ${name}, image: example/c:1 }\n  containers:\n    - { name: app, image: example/app:1 }`;
  return writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: ${policy}
${spec}
---
${simHead(version)}
containers:
  ${name}:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: ${codes[0]} }, { exitAfter: 2s, exitCode: ${codes[1]} }]
`);
}

const crashLoop = (s: { state: { waiting?: { reason?: string } } }) => s.state.waiting?.reason === 'CrashLoopBackOff';
const lastExit = (s: { lastState: { terminated?: { exitCode: number } } }) => s.lastState.terminated?.exitCode;

describe.each(ALL)('TestGenerateAPIPodStatusWithReasonCache (%s)', (version) => {
  for (const kind of ['main', 'init'] as const) {
    it(`${kind}: a container with no historical record waits with the default reason`, () => {
      const w = twoRuns(version, 'OnFailure', kind, 'without-old-record', [1, 1])[0]!;
      // [10.1] ContainerCreating, or PodInitializing once the pod has an init container (init and main alike)
      expect(stateOf(statusOf(w, 'without-old-record').state)).toEqual({ waiting: kind === 'main' ? 'ContainerCreating' : 'PodInitializing' });
      if (kind === 'init') expect(stateOf(statusOf(w, 'app').state)).toEqual({ waiting: 'PodInitializing' });
    });

    it(`${kind}: a running container's lastState is its latest terminated run`, () => {
      const s = firstWhere(twoRuns(version, 'OnFailure', kind, 'running', [1, 0]), 'running', (c) => isRunning(c) && c.restartCount === 1);
      expect(s.lastState.terminated?.exitCode).toBe(1);
    });

    it(`${kind}: terminated, no recent start error: Terminated, lastState the second latest run`, () => {
      const s = firstWhere(twoRuns(version, 'OnFailure', kind, 'without-reason', [3, 1]), 'without-reason', (c) => isTerminated(1)(c) && c.restartCount === 1);
      expect(lastExit(s)).toBe(3);
    });

    it(`${kind}: terminated with a recent start error: Waiting, lastState the latest run`, () => {
      const s = firstWhere(twoRuns(version, 'OnFailure', kind, 'with-reason', [4, 2]), 'with-reason', crashLoop);
      expect(lastExit(s)).toBe(2);
    });

    it(`${kind}: exit 0 under OnFailure is not restarted: Terminated whatever the start error, lastState the second latest run`, () => {
      const ws = twoRuns(version, 'OnFailure', kind, 'succeed', [5, 0]);
      expect(lastExit(firstWhere(ws, 'succeed', isTerminated(0)))).toBe(5);
      expect(ws.some((w) => crashLoop(statusOf(w, 'succeed')))).toBe(false);
    });
  }
});

describe.each(ALL)('TestGenerateAPIPodStatusWithDifferentRestartPolicies (%s)', (version) => {
  for (const kind of ['main', 'init'] as const) {
    it(`${kind}, RestartPolicyNever: both stay Terminated, never Waiting`, () => {
      for (const [name, code] of [['succeed', 0], ['failed', 1]] as const) {
        const ws = twoRuns(version, 'Never', kind, name, [code, code]);
        expect(stateOf(statusOf(ws.at(-1)!, name).state)).toEqual({ terminated: code });
        expect(ws.some((w) => crashLoop(statusOf(w, name)))).toBe(false);
      }
    });

    it(`${kind}, RestartPolicyOnFailure: succeed Terminated 0 (lastState 2), failed Waiting (lastState 1)`, () => {
      expect(lastExit(firstWhere(twoRuns(version, 'OnFailure', kind, 'succeed', [2, 0]), 'succeed', isTerminated(0)))).toBe(2);
      expect(lastExit(firstWhere(twoRuns(version, 'OnFailure', kind, 'failed', [3, 1]), 'failed', crashLoop))).toBe(1);
    });

    it(`${kind}, RestartPolicyAlways: ${kind === 'main' ? 'both Waiting, lastState the latest run (0, 1)' : 'an init container that exited 0 stays Terminated (lastState 2), failed Waiting (lastState 1)'}`, () => {
      const succeed = twoRuns(version, 'Always', kind, 'succeed', [2, 0]);
      if (kind === 'main') {
        expect(lastExit(firstWhere(succeed, 'succeed', crashLoop))).toBe(0);
      } else {
        expect(lastExit(firstWhere(succeed, 'succeed', isTerminated(0)))).toBe(2);
        expect(succeed.some((w) => crashLoop(statusOf(w, 'succeed')))).toBe(false);
      }
      expect(lastExit(firstWhere(twoRuns(version, 'Always', kind, 'failed', [3, 1]), 'failed', crashLoop))).toBe(1);
    });
  }
});

/** The statuses written after the kubelet came back from a restart at `at` whose runtime lost the exited records. */
const afterRestart = (ws: Written[], at: number): Written[] => ws.filter((w) => w.t > at);

describe('TestConvertToAPIContainerStatuses', () => {
  it.each(ALL)('Unable to get init container status from container runtime and pod has been initialized, treat it as exited normally (%s)', (version) => {
    const ws = writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: init-1, image: example/i:1 }
  containers:
    - { name: container-a, image: example/a:1 }
---
${simHead(version)}
containers:
  init-1: { pull: 0, exitAfter: 2s }
  container-a: { pull: 0 }
events:
  - { at: 10s, do: restartKubelet, removeExitedContainers: true }
`);
    const after = afterRestart(ws, 10);
    expect(after.length).toBeGreaterThan(0);
    for (const w of after) {
      const s = statusOf(w, 'init-1');
      expect(s.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(stateOf(statusOf(w, 'container-a').state)).toEqual({ running: true });
    }
  });

  // The old status must be Waiting (the back-off's write): up to 1.34 the 20 s back-off's Waiting is
  // written some 10 s before the restart; from 1.35 it is written at the sync that ends the back-off
  // and starts the sidecar, so there the old status is Terminated (see the report).
  it.each(WITH_SIDECARS.filter((v) => minor(v) <= 34))('Unable to get sidecar container status from container runtime and pod has been initialized, sidecar container should be waiting (%s)', (version) => {
    const ws = writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: sidecar-1, image: example/s:1, restartPolicy: Always }
  containers:
    - { name: container-a, image: example/a:1 }
---
${simHead(version)}
containers:
  container-a: { pull: 0 }
  sidecar-1:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }]
events:
  - { at: 32s, do: restartKubelet, removeExitedContainers: true }
`);
    const before = ws.filter((w) => w.t <= 32).at(-1)!;
    const old = statusOf(before, 'sidecar-1');
    expect(crashLoop(old)).toBe(true); // the precondition: the API's status is the back-off's Waiting
    const s = statusOf(afterRestart(ws, 32)[0]!, 'sidecar-1');
    expect(stateOf(s.state)).toEqual({ waiting: 'PodInitializing' });
    expect(s.restartCount).toBe(old.restartCount);
    expect(s.lastState.terminated?.exitCode).toBe(old.lastState.terminated?.exitCode);
  });

  // The runtime lost the container (a kubelet restart wiping the exited records) and starts it again.
  // With RestartAllContainersOnContainerExits on (1.36+ by default) convertContainerStatus keeps the
  // old restartCount + 1 and takes the old Terminated state as lastState (kubernetes#136964).
  it.each(ALL.filter((v) => minor(v) >= 36))('currently running with lower restartCount; should keeping previous restartCount (%s)', (version) => {
    const ws = writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: container-a, image: example/a:1 }
    - { name: container-b, image: example/b:1 }
---
${simHead(version, '40s')}
containers:
  container-a: { pull: 0 }
  container-b:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }]
events:
  - { at: 9.5s, do: restartKubelet, removeExitedContainers: true }
`);
    const old = statusOf(ws.filter((w) => w.t <= 9.5).at(-1)!, 'container-b');
    expect([stateOf(old.state), old.restartCount]).toEqual([{ terminated: 1 }, 1]);
    const s = firstWhere(afterRestart(ws, 9.5), 'container-b', isRunning);
    expect(s.restartCount).toBe(old.restartCount + 1);
    expect(s.lastState.terminated?.exitCode).toBe(1);
  });

  // RestartAllContainers in place ([11.2]): the rows as the 1.36+ kubelet writes them
  // (kubernetes#136964: the message, lastState 137 without times, the restart counted).
  const restartAll = (version: KubeVersion) => writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: Never
  containers:
    - { name: container-a, image: example/a:1 }
    - name: container-b
      image: example/b:1
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [42] }
---
${simHead(version, '40s')}
containers:
  container-a: { pull: 0 }
  container-b:
    pull: 0
    runs: [{ exitAfter: 5s, exitCode: 42 }, { exitAfter: never }]
`);
  const MESSAGE = 'The container is removed because RestartAllContainers in place';
  const restarting = { reason: 'RestartingAllContainers', message: MESSAGE };
  const IN_PLACE: KubeVersion[] = ALL.filter((v) => minor(v) >= 36);

  it.each(IN_PLACE)('containerB dies and triggers RestartAllContainers in place (%s)', (version) => {
    const ws = restartAll(version);
    const w = ws.find((x) => isTerminated(42)(statusOf(x, 'container-b')))!;
    expect(stateOf(statusOf(w, 'container-a').state)).toEqual({ running: true });
    expect(statusOf(w, 'container-b').restartCount).toBe(0);
  });

  it.each(IN_PLACE)('containerB dies and triggers RestartAllContainers in place, containerA killed and removed together (%s)', (version) => {
    const ws = restartAll(version);
    const w = ws.find((x) => statusOf(x, 'container-a').state.waiting !== undefined && statusOf(x, 'container-a').restartCount === 1)!;
    for (const name of ['container-a', 'container-b']) {
      const s = statusOf(w, name);
      expect(s.state.waiting).toEqual(restarting);
      expect(s.lastState.terminated).toMatchObject({ exitCode: 137, ...restarting });
      expect(s.restartCount).toBe(1);
    }
  });

  it.each(IN_PLACE)('containerB dies and triggers RestartAllContainers in place, containerA rerun (%s)', (version) => {
    const s = firstWhere(restartAll(version), 'container-a', (c) => isRunning(c) && c.restartCount === 1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, ...restarting });
    expect(s.lastState.terminated?.startedAt).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// [10.8] kubernetes#136964 (1.36+, RestartAllContainersOnContainerExits on by default):
// convertContainerStatus copies oldStatus.LastTerminationState when the runtime no longer lists
// the older run, so lastState survives the container deletor. Upstream's own row
// (TestGenerateAPIPodStatusWithDifferentRestartPolicies, OnFailure, "succeed": Terminated 0,
// lastState 2) then holds at every later write.
describe('lastState survives the container deletor under RestartAllContainersOnContainerExits', () => {
  it.each(ALL.filter((v) => minor(v) >= 36))('TestGenerateAPIPodStatusWithDifferentRestartPolicies, RestartPolicyOnFailure: succeed keeps lastState 2 at every later write (%s)', (version) => {
    const ws = writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: OnFailure
  containers:
    - { name: succeed, image: example/c:1 }
    - { name: failed, image: example/f:1 }
---
${simHead(version, '60s')}
containers:
  failed:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: 3 }, { exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }]
  succeed:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: 2 }, { exitAfter: 2s, exitCode: 0 }]
`);
    const first = ws.findIndex((w) => isTerminated(0)(statusOf(w, 'succeed')));
    expect(first).toBeGreaterThan(0);
    expect(ws.length - first).toBeGreaterThan(1); // the failed container's crash loop keeps writing
    for (const w of ws.slice(first)) expect(statusOf(w, 'succeed').lastState.terminated?.exitCode).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Shared by the next two: container-b exits 1 twice; the kubelet restarts at 9.5 s (old API status:
// Terminated 1, restartCount 1) and its runtime has lost the exited records.
const crashB = (version: KubeVersion) => writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: container-a, image: example/a:1 }
    - { name: container-b, image: example/b:1 }
---
${simHead(version, '40s')}
containers:
  container-a: { pull: 0 }
  container-b:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }]
events:
  - { at: 9.5s, do: restartKubelet, removeExitedContainers: true }
`);

// The new kubelet's reason cache is empty (NewReasonCache, in memory), so no back-off reason
// turns the old Terminated status into Waiting; the old status is kept whole, restartCount too.
describe('the reason cache does not survive a kubelet restart', () => {
  it.each(ALL)('TestConvertToAPIContainerStatuses: no current status, keeping previous restartCount (%s)', (version) => {
    const ws = crashB(version);
    const old = statusOf(ws.filter((w) => w.t <= 9.5).at(-1)!, 'container-b');
    expect(stateOf(old.state)).toEqual({ terminated: 1 });
    const s = statusOf(afterRestart(ws, 9.5)[0]!, 'container-b');
    expect(stateOf(s.state)).toEqual({ terminated: 1 });
    expect(s.restartCount).toBe(old.restartCount);
  });
});

// Up to 1.35 (gate off) convertContainerStatus does not carry the old status's termination, and
// the runtime has no older run: the re-run container has no lastState (1.36+ is in the file already).
describe('a run the runtime lost is no lastState without RestartAllContainersOnContainerExits', () => {
  it.each(ALL.filter((v) => minor(v) <= 35))('a container re-run after the runtime lost its records has no lastState (%s)', (version) => {
    const s = firstWhere(afterRestart(crashB(version), 9.5), 'container-b', isRunning);
    expect(s.restartCount).toBe(2);
    expect(s.lastState.terminated).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// A sidecar missing from the runtime keeps an old Terminated status (convertToAPIContainerStatuses'
// first loop: `status = &oldStatus`); only a non-Terminated old status becomes Waiting PodInitializing.
describe('a missing sidecar whose written status is Terminated stays Terminated', () => {
  it.each(WITH_SIDECARS)('Unable to get sidecar container status from container runtime ..., old status Terminated (%s)', (version) => {
    const ws = writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: sidecar-1, image: example/s:1, restartPolicy: Always }
  containers:
    - { name: container-a, image: example/a:1 }
---
${simHead(version)}
containers:
  container-a: { pull: 0 }
  sidecar-1:
    pull: 0
    runs: [{ exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }]
events:
  - { at: 7.5s, do: restartKubelet, removeExitedContainers: true }
`);
    const old = statusOf(ws.filter((w) => w.t <= 7.5).at(-1)!, 'sidecar-1');
    expect(stateOf(old.state)).toEqual({ terminated: 1 });
    const s = statusOf(afterRestart(ws, 7.5)[0]!, 'sidecar-1');
    expect(stateOf(s.state)).toEqual({ terminated: 1 });
    expect(s.restartCount).toBe(old.restartCount);
  });
});
