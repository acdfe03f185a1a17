// Golden cases: when an evicted pod's container status becomes ContainerStatusUnknown ([8.15], [10.4],
// [6.9]); memo .scratch/h45-unknown-memo.md. The values come from upstream's code, read through the
// library (kubernetes/kubernetes):
// - pkg/kubelet/kubelet.go (stored commit 000d9543, a 1.32-era tree) syncLoopIteration: every PLEG
//   ContainerDied event calls cleanUpContainersInPod, which asks the pod worker
//   ShouldPodContentBeRemoved and, if so, has the deletor remove ALL exited containers of the pod.
// - pkg/kubelet/pod_workers.go ShouldPodContentBeRemoved (library ids 558113989, 181051880):
//   `status.IsEvicted() || (status.IsDeleted() && status.IsTerminated())`; UpdatePod sets evicted
//   when a SyncPodKill carries KillPodOptions.Evict, which killPodNow passes from its isEvicted
//   argument: true from the eviction manager's evictPod (ids 7762779028, 100119487), false from the
//   node shutdown manager (ids 30271111, 20713430130). A deletion is IsDeleted but not IsTerminated
//   until SyncTerminatingPod has returned. So only an eviction loses containers during the kill.
// - pod_container_deletor.go (commit 02799336) deleteContainersInPod(removeAll): every Exited
//   container of the pod, at once, on a goroutine.
// - kubelet.go SyncTerminatingPod: after killPod (containers, then StopPodSandbox) it reads the
//   runtime directly (GetPodStatus) and generates the final status from it; SyncTerminatedPod ends
//   with statusManager.TerminatePod.
// - kubelet_pods.go (library id 3281083, a 1.31-era copy) convertToAPIContainerStatuses: a container
//   the runtime no longer lists, last written Running with no lastState.terminated, gets the default
//   Waiting (ContainerCreating; PodInitializing when the pod has init containers), lastState
//   Terminated ContainerStatusUnknown exit 137, message "The container could not be located when the
//   pod was deleted.  The container used to be Running", and restartCount+1 (no deletionTimestamp).
//   One that already has a lastState.terminated keeps it and its restartCount. getPhase counts such a
//   Waiting-with-lastState container as stopped, never succeeded: the pod is Failed, and
//   generateAPIPodStatus keeps the cached reason Evicted (same phase).
// - status/status_manager.go (commit 0033cb0a) TerminatePod: a non-terminated status becomes
//   Terminated ContainerStatusUnknown 137 "The container could not be located when the pod was
//   terminated"; mergePodStatus holds the terminal phase back until SyncTerminatingPod returns, so
//   HandlePodReconcile's own removal (PodIsEvicted on the API status) comes too late to matter.
// So, with the relist every second: a container that exits at least one relist before the last
// container of the pod stops is gone when the final status is read (deterministic); the last one(s)
// race StopPodSandbox against the next relist (the engine has no sandbox-stop time).
// The engine writes SyncTerminatingPod's final status and TerminatePod's a relist later as one write
// ([6.9]): upstream's API shows `0/N ContainerCreating 1` (waiting, lastState ContainerStatusUnknown
// "...deleted...") for that relist, or for longer when SyncTerminatedPod waits (kubernetes#137992's
// dump), then `0/N ContainerStatusUnknown 1`; the engine shows the second at once.
import { describe, expect, it } from 'vitest';
import { at, events, first } from './issues/issues.testkit';
import { run, rows, terminal } from './kill.testkit';
import type { NodeEvent, Trace } from '../trace';
import { printPod } from '../kubectl/printPod';
import { podOf, waiting } from '../apiPod/statusBuilders';
import type { ContainerStatus } from '../api';

const EVICT = (t = 20) => `events:\n  - { at: ${t}s, do: evictPod }\n`;
const TRAP = `["sh", "-c", "trap 'exit 0' TERM; sleep infinity & wait"]`;

/** Two main containers: `fast` exits 0 on SIGTERM, `slow` is PID 1 `sleep infinity` (ignores it). */
const twoMains = (tgps = 30, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: ${tgps}
  containers:
  - name: fast
    image: busybox
    command: ${TRAP}
  - name: slow
    image: busybox
    command: ["sleep", "infinity"]
${extra}`;

/** A sidecar `proxy` that ignores SIGTERM and a main `app` that exits 0 on it (evictionCases' `handles`). */
const sidecarPod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
  - name: proxy
    image: busybox
    restartPolicy: Always
    command: ["sleep", "infinity"]
  containers:
  - name: app
    image: busybox
    command: ${TRAP}`;

const single = (command: string) => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: busybox
    command: ${command}`;

const nodeEvents = (t: Trace, type: NodeEvent['type']) => t.events.filter((x): x is NodeEvent => x.type === type);
const killStart = (t: Trace, after: number) => first(t, 'container.kill', undefined, after - 0.001);
/** A container's written states after `after`, as [state, reason, exitCode, restartCount]. */
const writesAfter = (t: Trace, c: string, after: number) => (t.statusWrites ?? [])
  .filter((w) => w.container === c && w.t >= after).map((w) => [w.state, w.reason, w.exitCode, w.restartCount]);
const lastWrite = (t: Trace, c: string) => (t.statusWrites ?? []).filter((w) => w.container === c).at(-1);

/**
 * What upstream writes for a container removed during the kill, last written Running: SyncTerminatingPod's
 * final status, the default Waiting with lastState ContainerStatusUnknown (one restart more, unless it
 * had a last state), then TerminatePod's Terminated ContainerStatusUnknown 137: one write here ([6.9]).
 */
function expectVanished(t: Trace, c: string, end: number, restarts: number): void {
  const ws = (t.statusWrites ?? []).filter((w) => w.container === c && w.t >= end);
  expect(ws.map((w) => [w.t, w.state, w.reason, w.exitCode, w.restartCount])).toEqual([[end, 'terminated', 'ContainerStatusUnknown', 137, restarts]]);
  // never its real exit from the kill on
  expect(ws.filter((w) => w.state === 'terminated' && w.reason !== 'ContainerStatusUnknown')).toEqual([]);
}

describe('[8.15] an eviction: a container that stopped a relist before the kill ends is removed (cleanUpContainersInPod, IsEvicted)', () => {
  it.each([['1.27', 30], ['1.30', 30], ['1.31', 2], ['1.33', 2], ['1.37', 2]] as const)(
    '%s two mains, fast exits 0 at E, slow SIGKILL at E+%i: fast ends Terminated ContainerStatusUnknown 137, 1 restart; Failed/Evicted; 0/2 ContainerStatusUnknown 1',
    (v, g) => {
      const t = run(twoMains(), EVICT(), v);
      const e = killStart(t, 20);
      expect(events(t, 'container.exit', 'fast').filter((x) => x.t >= 20).map((x) => [x.t, x.exitCode])).toEqual([[e, 0]]);
      expect(events(t, 'container.exit', 'slow').filter((x) => x.t >= 20).map((x) => [x.t, x.exitCode])).toEqual([[e + g, 137]]);
      const end = e + g;
      // the relist at E+1 reports fast's exit: the deletor removes it, caused by the eviction and that exit
      const removed = nodeEvents(t, 'node.containersRemoved');
      expect(removed.map((x) => [x.t, x.do])).toEqual([[e + 1, 'cleanUpContainersInPod']]);
      const fastExit = events(t, 'container.exit', 'fast').find((x) => x.t === e)!;
      expect(removed[0]!.cause).toEqual([nodeEvents(t, 'node.eviction')[0]!.id, fastExit.id]);
      expect(removed[0]!.why).toMatch(/^\[8\.15\] .*ShouldPodContentBeRemoved.*: fast\./);
      const ph = terminal(t)!;
      expect([ph.t, ph.phase, ph.reason]).toEqual([end, 'Failed', 'Evicted']);
      expectVanished(t, 'fast', end, 1);
      // slow stopped last: its real exit (the race with the sandbox stop aside)
      expect([lastWrite(t, 'slow')!.state, lastWrite(t, 'slow')!.exitCode, lastWrite(t, 'slow')!.restartCount]).toEqual(['terminated', 137, 0]);
      // kubectl: statuses sorted by name, walked last to first: fast's reason names the row
      expect(rows(t).find((r) => r[0] === end)).toEqual([end, '0/2', 'ContainerStatusUnknown']);
      expect(rows(t).at(-1)!.slice(1)).toEqual(['0/2', 'ContainerStatusUnknown']);
      expect(events(t, 'pod.kubectl').at(-1)!.restarts).toBe('1');
    });

  it.each(['1.31', '1.33', '1.37'] as const)(
    '%s sidecar pod (app exits 0 at E, proxy SIGKILL at E+2): app vanishes, so the pod is Failed/Evicted, not Succeeded, and (until 1.36) no longer Initialized: 0/2 Init:Error 0',
    (v) => {
      const t = run(sidecarPod, EVICT(), v);
      const e = killStart(t, 20);
      expect(events(t, 'container.exit', 'app').filter((x) => x.t >= 20).map((x) => [x.t, x.exitCode])).toEqual([[e, 0]]);
      const end = e + 2;
      const ph = terminal(t)!;
      expect([ph.t, ph.phase, ph.reason]).toEqual([end, 'Failed', 'Evicted']);
      expectVanished(t, 'app', end, 1);
      expect([lastWrite(t, 'proxy')!.state, lastWrite(t, 'proxy')!.exitCode]).toEqual(['terminated', 137]);
      // GeneratePodInitializedCondition (1.29+): no regular container has started (app is the default
      // Waiting in SyncTerminatingPod's status, HasAnyRegularContainerStarted reads no Running or
      // Terminated state) and proxy ended 137, so Initialized is False (ContainersNotInitialized);
      // TerminatePod does not generate conditions again. printPod then stops at proxy's Terminated
      // state and never reads the main containers: `0/2 Init:Error 0` (restarts of init containers only).
      // From 1.36 (RestartAllContainersOnContainerExits on by default) a True Initialized stays True
      // ([7.2], generate.go): the main container is printed, `0/2 ContainerStatusUnknown 1`.
      const kept = v === '1.37';
      expect(events(t, 'pod.condition').filter((x) => x.t === end && x.condition === 'Initialized').map((x) => [x.status, x.reason]))
        .toEqual(kept ? [] : [['False', 'ContainersNotInitialized']]);
      expect(rows(t).at(-1)!.slice(1)).toEqual(['0/2', kept ? 'ContainerStatusUnknown' : 'Init:Error']);
      expect(events(t, 'pod.kubectl').at(-1)!.restarts).toBe(kept ? '1' : '0');
    });

  it('1.28 (SidecarContainers on, unordered) same pod: app exits at E, proxy SIGKILL at E+30: app ContainerStatusUnknown, Failed/Evicted', () => {
    const t = run(sidecarPod, EVICT(), '1.28');
    const e = killStart(t, 20);
    const end = e + 30;
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason]).toEqual([end, 'Failed', 'Evicted']);
    expectVanished(t, 'app', end, 1);
  });

  it('1.33 a container that restarted before (lastState Error 1) keeps that lastState and restartCount; its state still ends ContainerStatusUnknown 137', () => {
    const t = run(twoMains(), `until: 90s\nevents:\n  - { at: 5s, do: crash, container: fast, exitCode: 1 }\n  - { at: 40s, do: evictPod }\n`, '1.33');
    expect(events(t, 'container.start', 'fast').length).toBe(2);
    const e = killStart(t, 40);
    const end = e + 2;
    expect([terminal(t)!.t, terminal(t)!.phase, terminal(t)!.reason]).toEqual([end, 'Failed', 'Evicted']);
    // "if we already have a termination state, nothing to do": no restart added
    expectVanished(t, 'fast', end, 1);
    expect(events(t, 'pod.kubectl').at(-1)!.restarts).toMatch(/^1 \(/);
  });
});

describe('[8.15] the last container to stop: a race between StopPodSandbox and the next relist', () => {
  // SyncTerminatingPod reads the runtime after killPod has stopped the sandbox too; if a relist
  // reported the death and the deletor removed the container before that read, it is Unknown. Both
  // outcomes are upstream's; these cases hold whichever the engine takes.
  it.each(['1.28', '1.30', '1.33'] as const)('%s one container killed by SIGKILL: Failed/Evicted, exit 137, reason Error or ContainerStatusUnknown', (v) => {
    const t = run(single('["sleep", "infinity"]'), EVICT(), v);
    const ph = terminal(t)!;
    expect([ph.phase, ph.reason]).toEqual(['Failed', 'Evicted']);
    const w = lastWrite(t, 'app')!;
    expect([w.state, w.exitCode]).toEqual(['terminated', 137]);
    expect(['Error', 'ContainerStatusUnknown']).toContain(w.reason);
    expect(['Error', 'ContainerStatusUnknown']).toContain(rows(t).at(-1)![2]);
  });
  it.each(['1.30', '1.33'] as const)('%s one container that exits 0 on SIGTERM: Succeeded/Completed (won) or Failed/Evicted/ContainerStatusUnknown (lost)', (v) => {
    const t = run(single(TRAP), EVICT(), v);
    const ph = terminal(t)!;
    const w = lastWrite(t, 'app')!;
    const outcome = [ph.phase, ph.reason ?? '', w.reason, w.exitCode, rows(t).at(-1)![2]];
    expect([['Succeeded', '', 'Completed', 0, 'Completed'], ['Failed', 'Evicted', 'ContainerStatusUnknown', 137, 'ContainerStatusUnknown']]).toContainEqual(outcome);
  });
});

describe('no IsEvicted, no early removal: a node shutdown and a deletion keep the real exit of a container that stopped first', () => {
  it.each(['1.30', '1.33', '1.37'] as const)('%s shutdownNode (grace 10 s, window 20 s): fast keeps Terminated Completed 0, 0 restarts; Failed/Terminated', (v) => {
    const t = at(twoMains(10), 'until: 2m\nkubelet:\n  shutdownGracePeriod: 30s\n  shutdownGracePeriodCriticalPods: 10s\nevents:\n  - { at: 60s, do: shutdownNode }\n', v);
    const s = first(t, 'container.kill', undefined, 59.999);
    expect(events(t, 'container.exit', 'fast').filter((x) => x.t >= 60).map((x) => [x.t, x.exitCode])).toEqual([[s, 0]]);
    const ph = terminal(t)!;
    expect([ph.phase, ph.reason]).toEqual(['Failed', 'Terminated']);
    expect(writesAfter(t, 'fast', 60)).toEqual([['terminated', 'Completed', 0, 0]]);
    expect((t.statusWrites ?? []).filter((w) => w.reason === 'ContainerStatusUnknown')).toEqual([]);
  });
  it.each(['1.30', '1.33', '1.37'] as const)('%s deletePod, then evictPod during the kill: not marked evicted (UpdatePod sets it only where the kill begins the termination), fast keeps Completed 0', (v) => {
    const t = run(twoMains(), 'events:\n  - { at: 20s, do: deletePod }\n  - { at: 21.5s, do: evictPod }\n', v);
    expect(t.events.filter((x) => x.type === 'node.eviction').length).toBe(1);
    expect(writesAfter(t, 'fast', 20)).toEqual([['terminated', 'Completed', 0, 0]]);
    expect(t.events.filter((x) => x.type === 'node.containersRemoved')).toEqual([]);
    expect((t.statusWrites ?? []).filter((w) => w.reason === 'ContainerStatusUnknown')).toEqual([]);
  });
  it.each(['1.30', '1.33'] as const)('%s deletePod: fast keeps Terminated Completed 0 (IsDeleted but not IsTerminated during the kill)', (v) => {
    const t = run(twoMains(), 'events:\n  - { at: 20s, do: deletePod }\n', v);
    expect(writesAfter(t, 'fast', 20)).toEqual([['terminated', 'Completed', 0, 0]]);
    expect((t.statusWrites ?? []).filter((w) => w.reason === 'ContainerStatusUnknown')).toEqual([]);
  });
});

// Published dumps, printed by our printPod ([14.3]): what `kubectl get pod` shows for them.
const UNKNOWN_TERMINATED = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } };
const UNKNOWN_LAST = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was deleted.  The container used to be Running' } };
const evictedPod = (s: ContainerStatus) => podOf({ main: [s.name] }, [], [s], { phase: 'Failed', reason: 'Evicted' });

describe('published evicted pods with ContainerStatusUnknown', () => {
  // kubernetes#122160, comment by skizot722 (2024-02-27), GKE v1.28.3-gke.1286000, one container,
  // evicted over its ephemeral-storage limit: State Terminated ContainerStatusUnknown 137 ("...when
  // the pod was terminated"), Last State Terminated ContainerStatusUnknown 137 ("...when the pod was
  // deleted.  The container used to be Running"), Restart Count 1, no start/finish times.
  it('kubernetes#122160 (1.28): 0/1 ContainerStatusUnknown 1 (no "ago": finishedAt is null)', () => {
    const s: ContainerStatus = { name: 'app', state: UNKNOWN_TERMINATED, lastState: UNKNOWN_LAST, ready: false, restartCount: 1 };
    expect(printPod(evictedPod(s), 1_000_000, { minor: 28 })).toEqual({ ready: '0/1', status: 'ContainerStatusUnknown', restarts: '1' });
  });
  // kubernetes#122932 (alemolteni, 2024-01): describe shows Status Failed, Reason Evicted ("The node
  // was low on resource: ephemeral-storage..."), the one container Terminated ContainerStatusUnknown
  // 137; its restart count is outside the quoted part, so only READY and STATUS are compared.
  it('kubernetes#122932: an Evicted pod whose container is Terminated ContainerStatusUnknown prints STATUS ContainerStatusUnknown, not Evicted', () => {
    const s: ContainerStatus = { name: 'maintenancepage', state: UNKNOWN_TERMINATED, lastState: {}, ready: false, restartCount: 0 };
    const row = printPod(evictedPod(s), 1_000_000, { minor: 29 });
    expect([row.ready, row.status]).toEqual(['0/1', 'ContainerStatusUnknown']);
  });
  // kubernetes#137992 (xuchenCN, 2026-04): status reason Evicted, the container still Waiting
  // ContainerCreating with lastState ContainerStatusUnknown ("...deleted...") and restartCount 1:
  // SyncTerminatingPod's final status without TerminatePod's (SyncTerminatedPod had not finished).
  it('kubernetes#137992: Waiting ContainerCreating + lastState ContainerStatusUnknown prints 0/1 ContainerCreating 1', () => {
    const s = waiting('app', 'ContainerCreating', undefined, { restartCount: 1 });
    s.lastState = UNKNOWN_LAST;
    expect(printPod(evictedPod(s), 1_000_000)).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '1' });
  });
  // The simulated counterpart of #122160's pod (GKE 1.28; memory pressure stands in for ephemeral
  // storage, which the engine does not model): the published outcome is the race's lost side.
  it('kubernetes#122160 simulated (1.28, one `sleep infinity` container): Failed/Evicted, exit 137 (Error here, ContainerStatusUnknown there)', () => {
    const t = run(single('["sleep", "infinity"]'), EVICT(), '1.28');
    expect([terminal(t)!.phase, terminal(t)!.reason]).toEqual(['Failed', 'Evicted']);
    expect(lastWrite(t, 'app')!.exitCode).toBe(137);
  });
});
