// Edge cases of the kubelet's own kills ([8.15] eviction, [8.16] node shutdown), session 44: a pod
// evicted before it is initialized, while a container waits in CrashLoopBackOff, while the sync in
// flight pulls an image or runs a postStart hook, and Job pods with podFailurePolicy rule order.
// Not in evictionCases.test.ts / nodeShutdownCases.test.ts. Expected values from upstream's code:
// - eviction_manager.go evictPod (library id 100119487, 1.35+; 7762779028, 1.27-1.30): the status
//   function sets Phase Failed, Reason Evicted, DisruptionTarget; override 1 s from 1.31.
// - kuberuntime_termination_order.go newTerminationOrdering (1.29+): only sidecars wait, for the
//   main containers (a main container that is not running has its channel closed at once) and the
//   next later sidecar; a regular init container has no prerequisite. killContainer (id 41926215):
//   waitForTurn only while grace > 0, then the 2 s floor (minimumGracePeriodInSeconds).
// - kubelet_pods.go getPhase (id 3281083): a main container Waiting with no last termination counts
//   `waiting` (Pending), one Waiting with a last termination counts `stopped`; generateAPIPodStatus
//   keeps the cached terminal phase (the status function's Failed) over a non-terminal one and the
//   reason with it; convertToAPIContainerStatuses: with no deletionTimestamp,
//   ShouldContainerBeRestarted is true for a dead container under Always, so the reason cache's
//   CrashLoopBackOff stays the Waiting state.
// - status_manager.go TerminatePod (called last in SyncTerminatedPod, kubelet.go id 12114237):
//   hasPodInitialized -> every non-Terminated main status becomes ContainerStatusUnknown (137);
//   init statuses with evidence of a start likewise.
// - printers.go printPod (ids 26459399325, 59882936): a terminated regular init container with a
//   reason prints `Init:<reason>` and skips the main loop while Initialized is not True.
// - pod_failure_policy.go matchPodFailurePolicy: rules in order, the first match wins ([16.7]).
// - [3.4]: the runtime's SyncPod under way (pull, start, postStart) runs to its end before
//   SyncTerminatingPod (context.WithoutCancel); killPodNow's timeout is max(1.5 x override, 10 s).
import { describe, expect, it } from 'vitest';
import { events, first } from './issues/issues.testkit';
import { run, rows, signals, terminal, lastWrite, disruption } from './kill.testkit';


const initPod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  - { name: init1, image: busybox, command: ["sh", "-c", "sleep 60"] }
  containers:
  - { name: app, image: example.com/app:1 }`;

describe('[8.15] evicted while a regular init container runs (sidecar started, app never created)', () => {
  it.each(['1.31', '1.33', '1.37'] as const)('%s: init1 SIGTERM E, SIGKILL E+2; proxy SIGTERM E (no main runs, its turn is at once); Failed/Evicted, 0/2 Init:ContainerStatusUnknown (proxy removed after its exit)', (v) => {
    const t = run(initPod, 'events:\n  - { at: 20s, do: evictPod }\n', v);
    const e = first(t, 'container.kill', 'init1', 19.999);
    expect(e).toBeLessThanOrEqual(21);
    expect(rows(t).filter((r) => (r[0] as number) < 20).at(-1)).toEqual([expect.any(Number), '1/2', 'Init:1/2']);
    expect(signals(t, 'init1')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    expect(events(t, 'container.start', 'app')).toEqual([]);
    const ph = terminal(t)!;
    // getPhase says Pending (app Waiting, no last termination); the cached Failed wins, reason kept
    expect([ph.t, ph.phase, ph.reason]).toEqual([e + 2, 'Failed', 'Evicted']);
    expect(disruption(t)).toEqual([[e + 2, 'True', 'TerminationByKubelet']]);
    // proxy (envoy) exited 0 at E; the relist at E+1 reports it and the deletor removes it (the pod worker
    // is evicted, evictedCleanup.ts), so the final status infers its stop: Waiting with lastState
    // ContainerStatusUnknown, then TerminatePod's Terminated ContainerStatusUnknown 137, not started:
    // printPod stops at it (Initialized False)
    expect(lastWrite(t, 'proxy')).toMatchObject({ state: 'terminated', exitCode: 137, reason: 'ContainerStatusUnknown', restartCount: 1 });
    expect(rows(t).at(-1)).toEqual([e + 2, '0/2', 'Init:ContainerStatusUnknown']);
    // not initialized: TerminatePod leaves the never-started app Waiting
    expect(lastWrite(t, 'app')).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    expect(lastWrite(t, 'init1')).toMatchObject({ state: 'terminated', exitCode: 137, reason: 'Error' });
  });
  it('1.30 (override 0 -> 30 s): init1 SIGKILL E+30, ExceededGracePeriod at 30, rows Init:1/2 until then', () => {
    const t = run(initPod, 'events:\n  - { at: 20s, do: evictPod }\n', '1.30');
    const e = first(t, 'container.kill', 'init1', 19.999);
    expect(signals(t, 'init1')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expect(rows(t).filter((r) => (r[0] as number) > 20 && (r[0] as number) < e + 30)).toEqual([]);
    expect(rows(t).at(-1)).toEqual([e + 30, '0/2', 'Init:ContainerStatusUnknown']); // proxy removed after its exit at E
  });
});

describe('[8.15] evicted while the main container waits in CrashLoopBackOff (restartPolicy Always / OnFailure)', () => {
  const crash = (policy: string) => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  restartPolicy: ${policy}
  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - { name: app, image: example.com/app:1 }`;
  const sim = 'containers:\n  app: { exitAfter: 2s, exitCode: 1 }\nevents:\n  - { at: 30s, do: evictPod }\n';
  it.each([['Always', '1.33'], ['OnFailure', '1.33'], ['Always', '1.30']] as const)('%s (%s): only the running sidecar is stopped; nothing restarts; Failed/Evicted; app ends ContainerStatusUnknown (TerminatePod)', (policy, v) => {
    const t = run(crash(policy), sim, v);
    expect(rows(t).filter((r) => (r[0] as number) <= 30 && r[2] === 'CrashLoopBackOff').length).toBeGreaterThan(0);
    const e = first(t, 'container.kill', 'proxy', 29.999);
    expect(events(t, 'container.kill', 'app').filter((k) => k.t >= 30)).toEqual([]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    expect(events(t, 'container.start').filter((s) => s.t >= 30)).toEqual([]);
    const ph = terminal(t)!;
    // getPhase: app Waiting with a last termination counts as stopped, not succeeded -> Failed
    expect([ph.phase, ph.reason]).toEqual(['Failed', 'Evicted']);
    expect(lastWrite(t, 'app')).toMatchObject({ state: 'terminated', reason: 'ContainerStatusUnknown', exitCode: 137 });
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/2', 'ContainerStatusUnknown']);
  });
});

describe('[8.15] evicted while a regular init container waits in Init:CrashLoopBackOff', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - { name: init1, image: busybox, command: ["sh", "-c", "exit 1"] }
  containers:
  - { name: app, image: example.com/app:1 }`;
  it.each(['1.29', '1.33'] as const)('%s: nothing to stop; Failed/Evicted; init1 ends ContainerStatusUnknown, app stays PodInitializing', (v) => {
    const t = run(pod, 'events:\n  - { at: 30s, do: evictPod }\n', v);
    expect(events(t, 'container.kill').filter((k) => k.t >= 30)).toEqual([]);
    expect(events(t, 'container.start').filter((s) => s.t >= 30)).toEqual([]);
    expect([terminal(t)!.phase, terminal(t)!.reason]).toEqual(['Failed', 'Evicted']);
    expect(terminal(t)!.t).toBeLessThanOrEqual(31);
    expect(lastWrite(t, 'init1')).toMatchObject({ state: 'terminated', reason: 'ContainerStatusUnknown', exitCode: 137 });
    expect(lastWrite(t, 'app')).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    expect(rows(t).at(-1)!.slice(1)).toEqual(['0/1', 'Init:ContainerStatusUnknown']);
  });
});

describe('[8.15] [3.4] evicted while the sync in flight pulls the main image or runs its postStart hook', () => {
  const pod = (hook: boolean) => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - name: app
    image: example.com/app:1
${hook ? '    lifecycle: { postStart: { exec: { command: ["sh", "-c", "sleep 20"] } } }\n' : ''}`;
  it.each(['1.31', '1.33'] as const)('%s pull 30 s, evicted at 10: the pull and the start finish, then the 1 s kill; ExceededGracePeriod at 20; Succeeded (app exits 0 on SIGTERM)', (v) => {
    const t = run(pod(false), 'containers:\n  app: { pull: 30s }\nevents:\n  - { at: 10s, do: evictPod }\n', v);
    const started = first(t, 'container.start', 'app');
    expect(started).toBeGreaterThan(30);
    const e = first(t, 'container.kill', 'app', 10);
    expect(e).toBeGreaterThanOrEqual(started);
    expect(e).toBeLessThanOrEqual(started + 1);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([20]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    // the API phase is held at Pending (mergePodStatus keeps the old phase) until the kill ends
    expect(rows(t).filter((r) => (r[0] as number) > 10).map((r) => r[2])).toEqual(['Pending', 'Completed']);
    const ph = terminal(t)!;
    expect([ph.phase, ph.reason ?? '']).toEqual(['Succeeded', '']);
    expect(disruption(t)).toEqual([[ph.t, 'True', 'TerminationByKubelet']]);
  });
  it('1.33 postStart 20 s, evicted at 10: the hook runs to its end, the kill follows it', () => {
    const t = run(pod(true), 'containers:\n  app: { postStart: { duration: 20s, exitCode: 0 } }\nevents:\n  - { at: 10s, do: evictPod }\n', '1.33');
    const hookEnd = first(t, 'hook.end', 'app');
    expect(hookEnd).toBeGreaterThan(20);
    const e = first(t, 'container.kill', 'app', 10);
    expect(e).toBeGreaterThanOrEqual(hookEnd);
    expect(e).toBeLessThanOrEqual(hookEnd + 1);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([20]);
    expect(terminal(t)!.phase).toBe('Succeeded');
  });
});

describe('[8.15] [16.7] Job pods under restartPolicy Never: podFailurePolicy rules in order', () => {
  const job = (rules: string, policy = 'Never') => `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  backoffLimit: 0
${rules ? `  podFailurePolicy:\n    rules:\n${rules}` : ''}  template:
    spec:
      restartPolicy: ${policy}
      initContainers:
      - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
      containers:
      - { name: main, image: busybox, command: ["sh", "-c", "sleep 60"] }`;
  const failOn137 = '    - action: FailJob\n      onExitCodes: { operator: In, values: [137] }\n';
  const ignoreDT = '    - action: Ignore\n      onPodConditions: [{ type: DisruptionTarget }]\n';
  const sim = 'until: 3m\nevents:\n  - { at: 10s, do: evictPod }\n';
  it.each(['1.31', '1.33'] as const)('%s FailJob on 137 first: main is SIGKILLed (137), the Job fails with reason PodFailurePolicy', (v) => {
    const t = run(job(failOn137 + ignoreDT), sim, v);
    expect(events(t, 'container.exit', 'main').map((x) => x.exitCode)).toEqual([137]);
    expect(events(t, 'job.failed').map((f) => f.reason)).toEqual(['PodFailurePolicy']);
    expect(events(t, 'job.podCreated')).toHaveLength(1);
  });
  it.each(['1.31', '1.33'] as const)('%s Ignore on DisruptionTarget first: not counted, a replacement runs and completes', (v) => {
    const t = run(job(ignoreDT + failOn137), sim, v);
    expect(events(t, 'job.failed')).toEqual([]);
    expect(events(t, 'job.podCreated')).toHaveLength(2);
    expect(t.pods!.map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
    expect(events(t, 'job.complete')).toHaveLength(1);
  });
  it('1.33 restartPolicy OnFailure (no podFailurePolicy allowed): the evicted pod is not restarted in place; backoffLimit 0 fails the Job', () => {
    const t = run(job('', 'OnFailure'), sim, '1.33');
    expect(events(t, 'container.start', 'main')).toHaveLength(1);
    const failed = events(t, 'pod.phase').find((p) => p.phase === 'Failed')!;
    expect(failed.reason).toBe('Evicted');
    expect(events(t, 'job.failed').map((f) => f.reason)).toEqual(['BackoffLimitExceeded']);
  });
});
