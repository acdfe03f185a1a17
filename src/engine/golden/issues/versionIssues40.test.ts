// Golden tests from kubernetes/kubernetes kubelet bug fixes that changed behaviour inside 1.27-1.37
// (session 40, helper "issues3"), each a scenario built from the PR's own description and run on
// every minor the engine simulates. Read through the library's issues index (PR descriptions,
// release notes and the comments it keeps) and find_string excerpts of pod_workers.go UpdatePod
// ("Cancelling current pod sync": a pod that becomes terminating cancels the running sync's
// context) and images/puller.go processImagePullRequests (the pull runs with that context).
//
// - kubernetes#115331 (PR, merged for 1.27.0, "Give terminal phase correctly to all pods that will
//   not be restarted"; umbrella kubernetes#118310 "Pod phase changed when container exits with 0 in
//   1.27"): before 1.27 a deleted pod with restartPolicy Always or OnFailure kept phase Running while
//   it was removed; from 1.27 the kubelet gives it a terminal phase from its containers' exits,
//   "Succeeded or Failed, depending on the exit statuses of the pod containers" ([6.2d] [8.10]).
//   The 1.26 side is not expressible (the engine starts at 1.27); the fixed side is asserted at every
//   minor: a container that exits 0 on its stop signal makes the pod Succeeded, 143 makes it Failed,
//   both while the row still reads Terminating (up to 1.30; from 1.31 the terminal pod keeps its own
//   STATUS, [14.4]). The PR's other half, "assign Failed phase to pods which are deleted while
//   pending", is asserted with a pod stuck in ErrImagePull / ImagePullBackOff: deleted, it is Failed
//   at once and its container never starts ([10.9] [6.2d]). (A pod deleted while a long pull is
//   under way is not "pending" at its end in either: the runtime SyncPod runs on a context nothing
//   cancels, kubelet.go's TODO(#113606), so the pull finishes and the container starts before the
//   kill, [4.1].)
// - kubernetes#117712 / #117788 (PR and its release-1.26 pick, 2023-05: "Set Pod phase to Failed if
//   init container gets OOMKilled", release note: "A pod's phase will be set to Failed, when its init
//   container gets OOMKilled but the exit code of the main process of the init container is 0";
//   "fixed in 1.27 by #115331"): asserted with the init container OOM-killed (exit 137, reason
//   OOMKilled) under restartPolicy Never: the pod is Failed at the next sync, the row
//   `Init:OOMKilled`, the main container never starts ([10.3] [6.2d] [14.1]). The exit-0 variant (a
//   child process OOM-killed, the main process exiting 0) is not expressible: the scenario's
//   `oomKill` always ends the process with 137.
// - kubernetes#101064 / #101093 ("`startupProbe` behaviour changed in v1.21.0"; fix "Fixed a
//   regression in 1.21 where startupProbe stopped working after a container's first restart", 1.21.1,
//   picked to 1.18-1.20): after a liveness restart the new container's startupProbe must run again
//   and hold liveness off until it passes; in 1.21.0 liveness ran at once and killed the slow starter
//   in a loop. The regression is not expressible (before 1.27); the fixed behaviour is asserted at
//   every minor with the reporter's MOFED-style pod (a 20 s start, startup probe every 5 s, liveness
//   every 10 s): the restarted container is probed by startup again, no liveness run touches it
//   before it is started, and it restarts once, not in a loop ([5.1] [5.4] [4.5]). At 1.35-1.37 the
//   replacement first copies Started from the killed container ([5.15], kubernetes#141155, fixed on
//   master by #141342, picks open), which is asserted as the engine's documented window.
// - kubernetes#125397 (2024-06, closed, "After the kubelet restarted, the ready state of the pod
//   should not change"; also #118245, 2023-05, "startupProbe will runs again after kubelet
//   restart"): the reporter's startup-exec pod (its probe simplified to a plain cat every 10 s),
//   Ready, goes `not ready` after a kubelet restart until
//   its startup probe runs again. That is every kubelet up to 1.34 (Started and Ready are rebuilt
//   from the probe workers, which start empty); from 1.35 KEP-4781's ChangeContainerStatusOnKubeletRestart
//   gate, off by default, keeps the statuses across the restart (kubernetes#137146 describes that
//   default). Asserted on both sides: a flip and a startup re-run at 1.27-1.34, none at 1.35-1.37
//   ([5.15] [7.4]).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace, TraceEvent } from '../../trace';
import { at } from './issues.testkit';

function ofType<T extends TraceEvent['type']>(trace: Trace, type: T): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

function phaseAt(trace: Trace, t: number): string {
  return ofType(trace, 'pod.phase').filter((e) => e.t <= t).at(-1)?.phase ?? 'Pending';
}

function rowAt(trace: Trace, t: number): { ready: string; status: string } | undefined {
  return ofType(trace, 'pod.kubectl').filter((e) => e.t <= t).at(-1);
}

// A Deployment-style pod (restartPolicy Always) whose app handles its stop signal in 2 s.
const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: nginx:1.25`;
const WEB_SIM = (exitCode: number): string => `until: 80s
containers:
  app:
    onStop: { after: 2s, exitCode: ${exitCode} }
events:
  - { at: 20s, do: deletePod }
`;

const PULL_FAILS = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: example.com/missing:1.0`;
const PULL_FAILS_SIM = `until: 60s
events:
  - { at: 0s, container: app, do: failPull, for: 600s }
  - { at: 10s, do: deletePod }
`;

describe('kubernetes#115331: Give terminal phase correctly to all pods that will not be restarted', () => {
  it.each(SUPPORTED_VERSIONS)('a deleted restartPolicy Always pod whose container exits 0 on its stop signal is Succeeded (%s) [6.2d] [8.10]', (v) => {
    const trace = at(WEB, WEB_SIM(0), v);
    expect(phaseAt(trace, 19)).toBe('Running');
    const exit = ofType(trace, 'container.exit').find((e) => e.container === 'app');
    expect(exit?.exitCode).toBe(0);
    expect(exit!.t).toBeGreaterThanOrEqual(22);
    const terminal = ofType(trace, 'pod.phase').find((e) => e.phase === 'Succeeded' || e.phase === 'Failed');
    expect(terminal?.phase).toBe('Succeeded');
    expect(terminal!.t).toBeGreaterThanOrEqual(exit!.t);
    // the pod is still being removed: the row reads Terminating up to 1.30, the terminal pod's own
    // Completed from 1.31 (printPod keeps a terminal phase's STATUS, [14.4]), never Running
    expect(rowAt(trace, terminal!.t)?.status).toBe(minor(v) <= 30 ? 'Terminating' : 'Completed');
    // nothing restarts after the deletion, although the policy is Always
    expect(ofType(trace, 'container.start').filter((e) => e.container === 'app' && e.t > 20)).toEqual([]);
  });

  it.each(SUPPORTED_VERSIONS)('a deleted restartPolicy Always pod whose container exits 143 is Failed (%s) [6.2d] [8.10]', (v) => {
    const trace = at(WEB, WEB_SIM(143), v);
    const terminal = ofType(trace, 'pod.phase').find((e) => e.phase === 'Succeeded' || e.phase === 'Failed');
    expect(terminal?.phase).toBe('Failed');
    expect(phaseAt(trace, trace.end)).toBe('Failed');
    expect(rowAt(trace, terminal!.t)?.status).toBe(minor(v) <= 30 ? 'Terminating' : 'Error');
  });

  it.each(SUPPORTED_VERSIONS)('a pod deleted while pending (ErrImagePull / ImagePullBackOff) is Failed and never starts (%s) [10.9] [6.2d]', (v) => {
    const trace = at(PULL_FAILS, PULL_FAILS_SIM, v);
    expect(phaseAt(trace, 9.9)).toBe('Pending');
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(rowAt(trace, 9.9)?.status);
    const failed = ofType(trace, 'pod.phase').find((e) => e.phase === 'Failed');
    expect(failed).toBeDefined();
    expect(failed!.t).toBeGreaterThanOrEqual(10);
    expect(failed!.t).toBeLessThan(13);
    expect(ofType(trace, 'pod.phase').some((e) => e.phase === 'Running' || e.phase === 'Succeeded')).toBe(false);
    expect(ofType(trace, 'container.start')).toEqual([]);
  });
});

const OOM_INIT = `apiVersion: v1
kind: Pod
metadata:
  name: oom-init
spec:
  restartPolicy: Never
  initContainers:
  - name: init
    image: busybox:1.36
    command: ["sh", "-c", "sleep 30"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]`;
const OOM_INIT_SIM = `until: 40s
events:
  - { at: 5s, container: init, do: oomKill }
`;

describe('kubernetes#117712: Set Pod phase to Failed if init container gets OOMKilled', () => {
  it.each(SUPPORTED_VERSIONS)('an init container OOM-killed under restartPolicy Never fails the pod, Init:OOMKilled (%s) [10.3] [6.2d] [14.1]', (v) => {
    const trace = at(OOM_INIT, OOM_INIT_SIM, v);
    const exit = ofType(trace, 'container.exit').find((e) => e.container === 'init');
    expect(exit).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    const failed = ofType(trace, 'pod.phase').find((e) => e.phase === 'Failed');
    expect(failed).toBeDefined();
    expect(failed!.t).toBeGreaterThanOrEqual(exit!.t);
    expect(failed!.t - exit!.t).toBeLessThanOrEqual(2);
    expect(rowAt(trace, trace.end)?.status).toBe('Init:OOMKilled');
    // not retried, and the main container never starts
    expect(ofType(trace, 'container.start').filter((e) => e.container === 'init')).toHaveLength(1);
    expect(ofType(trace, 'container.start').filter((e) => e.container === 'app')).toEqual([]);
    expect(phaseAt(trace, trace.end)).toBe('Failed');
  });
});

const MOFED = `apiVersion: v1
kind: Pod
metadata:
  name: mofed
spec:
  containers:
  - name: app
    image: example.com/app:1.0
    startupProbe:
      exec: { command: ["sh", "-c", "lsmod | grep mlx5_core"] }
      periodSeconds: 5
      failureThreshold: 60
    livenessProbe:
      exec: { command: ["sh", "-c", "lsmod | grep mlx5_core"] }
      periodSeconds: 10
      failureThreshold: 3`;
const MOFED_SIM = `until: 200s
containers:
  app:
    startDelay: 20s
events:
  - { at: 60s, container: app, do: failLiveness, for: 30s }
`;

describe('kubernetes#101064: `startupProbe` behaviour changed in v1.21.0', () => {
  it.each(SUPPORTED_VERSIONS)('after a liveness restart the startupProbe runs again and holds liveness off (%s) [5.1] [5.4] [4.5]', (v) => {
    const trace = at(MOFED, MOFED_SIM, v);
    const kill = ofType(trace, 'container.kill').find((e) => e.container === 'app');
    expect(kill?.reason).toBe('LivenessProbe');
    const starts = ofType(trace, 'container.start').filter((e) => e.container === 'app');
    // one restart, no loop
    expect(starts.map((e) => e.attempt)).toEqual([0, 1]);
    const restart = starts[1]!;
    const startedEvents = ofType(trace, 'container.started').filter((e) => e.container === 'app' && e.attempt === 1);
    // the start the startup probe allows: the last Started of the new container
    const started = startedEvents.at(-1);
    expect(started).toBeDefined();
    // not before its app is up (20 s) and a startup probe passes
    expect(started!.t - restart.t).toBeGreaterThanOrEqual(20);
    const startupRuns = ofType(trace, 'probe.failed').filter((e) => e.container === 'app' && e.probe === 'startup' && e.attempt === 1);
    expect(startupRuns.length).toBeGreaterThan(0);
    expect(ofType(trace, 'probe.result').some((e) => e.container === 'app' && e.probe === 'startup' && e.result === 'success' && e.t > restart.t && e.t <= started!.t)).toBe(true);
    if (minor(v) <= 34) {
      expect(startedEvents).toHaveLength(1);
    } else {
      // 1.35-1.37 as released: the replacement first copies Started from the killed container by
      // name, until the startup worker sees the new container ID ([5.15], kubernetes#141155)
      expect(startedEvents).toHaveLength(2);
      expect(startedEvents[0]!.t - restart.t).toBeLessThanOrEqual(2);
      const unstarted = ofType(trace, 'container.unstarted').find((e) => e.container === 'app' && e.t > restart.t);
      expect(unstarted).toBeDefined();
      expect(unstarted!.t).toBeLessThan(startupRuns[0]!.t);
    }
    // no liveness run fails the new container before it is started (1.35-1.37: it may run in the
    // copied window, but the fault is over by then and nothing kills it again)
    const earlyLiveness = ofType(trace, 'probe.failed').filter((e) => e.container === 'app' && e.probe === 'liveness' && e.attempt === 1 && e.t < started!.t);
    expect(earlyLiveness).toEqual([]);
  });
});

const STARTUP_EXEC = `apiVersion: v1
kind: Pod
metadata:
  name: startup-exec
spec:
  containers:
  - name: startup
    image: busybox
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep infinity"]
    startupProbe:
      exec:
        command: ["/bin/sh", "-c", "cat /tmp/healthy"]
      periodSeconds: 10`;
const STARTUP_EXEC_SIM = `until: 120s
events:
  - { at: 60s, do: restartKubelet }
`;

function readyAt(trace: Trace, t: number): string | undefined {
  return ofType(trace, 'pod.condition').filter((e) => e.condition === 'Ready' && e.t <= t).at(-1)?.status;
}

describe('kubernetes#125397: After the kubelet restarted, the ready state of the pod should not change', () => {
  it.each(SUPPORTED_VERSIONS)('a Ready pod with a startupProbe and a kubelet restart (%s) [5.15] [7.4]', (v) => {
    const trace = at(STARTUP_EXEC, STARTUP_EXEC_SIM, v);
    expect(readyAt(trace, 59)).toBe('True');
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted');
    expect(back).toBeDefined();
    const after = (e: { t: number }): boolean => e.t >= 60;
    const unstarted = ofType(trace, 'container.unstarted').filter(after);
    const startupRuns = ofType(trace, 'probe.result').filter((e) => e.probe === 'startup' && after(e));
    // nothing restarts either way
    expect(ofType(trace, 'container.start')).toHaveLength(1);
    if (minor(v) <= 34) {
      // started and ready are lost, the startup probe runs again, the pod is Ready once it passes
      expect(unstarted).toHaveLength(1);
      expect(unstarted[0]!.t).toBeGreaterThanOrEqual(back!.t);
      // SetContainerStartup writes Started=false at once and leaves Ready; the next generated
      // status (a sync on the next relist) drops Ready: a not-started container is never ready
      const notReady = ofType(trace, 'pod.condition').find((e) => e.condition === 'Ready' && e.status === 'False' && e.t >= unstarted[0]!.t)!;
      expect(notReady.t - unstarted[0]!.t).toBeLessThanOrEqual(2);
      expect(rowAt(trace, notReady.t)?.ready).toBe('0/1');
      const pass = startupRuns.find((e) => e.result === 'success');
      expect(pass).toBeDefined();
      expect(readyAt(trace, pass!.t)).toBe('True');
      expect(pass!.t - unstarted[0]!.t).toBeLessThanOrEqual(10);
    } else {
      expect(unstarted).toEqual([]);
      expect(startupRuns).toEqual([]);
      expect(ofType(trace, 'pod.condition').filter((e) => after(e) && e.condition === 'Ready')).toEqual([]);
      expect(rowAt(trace, trace.end)?.ready).toBe('1/1');
    }
  });
});
