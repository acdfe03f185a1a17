// Golden test: upstream's own unit tests of the probe worker, translated to Sidecar Lab.
//
// Upstream files (kubernetes/kubernetes, read 2026-12-08 with the stored copies):
// - pkg/kubelet/prober/worker_test.go, stored at 632f162d (the 1.28-1.31-era copy: TestDoProbe's
//   table has the "Pod deletion" row and the startup probe type, the tests take a context, no
//   ktesting yet): TestDoProbe, TestInitialDelay, TestFailureThreshold, TestSuccessThreshold,
//   TestStartupProbeSuccessThreshold, TestStartupProbeFailureThreshold, TestCleanUp,
//   TestOnHoldOnLivenessOrStartupCheckFailure, TestResultRunOnLivenessCheckFailure,
//   TestResultRunOnStartupCheckFailure, TestLivenessProbeDisabledByStarted,
//   TestStartupProbeDisabledByStarted. Another stored copy (id 42702671848: ktesting, ginkgo's
//   BeforeEach in a unit test, the worker on a sidecar of a restartPolicy Never pod) expects the
//   readiness worker to stop on a waiting container and every worker to stop on a terminated
//   sidecar, which no worker.go read does (see below): its provenance is unclear, it is not used.
// - The code they test: worker.go doProbe at 61ecc560 (1.32-1.34 era: probeTicker.Reset, no
//   sidecar clause) and the 1.35-era copy (id 264648198: isRestartableInitContainer,
//   ContainerRestartRules, ChangeContainerStatusOnKubeletRestart). The three agree on every branch
//   these cases reach.
//
// How they map to ours: upstream calls doProbe once per step on a fake status and a fake exec
// prober and reads the results manager and the `continue` return. Here a whole pod runs through
// runScenario and the trace says the same things: a run that failed is a probe.failed event (with
// its count in a row, `run`, resultRun), a result change is a probe.result event, Started and Ready
// are container.started / container.ready, a liveness or startup Failure is the kill it brings, and
// a worker that "continues" is one whose later runs show up. The fake prober's answer is the app's
// state: up (startDelay), a failLiveness / failReadiness / failStartup window, or an exec command
// of `true`/`false`. Upstream's pod has restartPolicy Never (common_test.go getTestPod); the rows
// about a terminated container keep it, the others use Always where a restart is the point.
//
// Versions: every case runs on every minor 1.27-1.37 (the worker of main containers is the same).
//
// Not expressible (not asserted):
// - TestDoProbe "No status" apart from "No container status": the engine writes the pod's status at
//   its first sync, so a worker never looks before there is one; both rows are a worker that waits
//   for a container ID (here: while the image pulls) and then probes.
// - TestDoProbe "Initial delay passed" (InitialDelaySeconds -100): the API server rejects a
//   negative delay; with 0 it is the "Probe successful" row.
// - TestCleanUp: stop() and the removal of the worker from the manager's map are internal.
// - TestDoProbe "Pod deletion" for the startup probe type (Success, then stop) is asserted as the
//   running kubelet does it, not as the row says: the row tests a doProbe branch that reads the
//   worker's own copy of the pod, which a later deletion never reaches (config.go podStorage.merge
//   hands the kubelet copyPods; published: kubernetes#107473, the branch's log line never seen on
//   1.20-1.22); StopLivenessAndStartup (kubelet.go SyncTerminatingPod, 1.27-era and 1.34+-era
//   stored copies) stops the worker, whose run() defer only removes its result, so nothing patches
//   Started ([5.8], prober_manager.go 1.27-era and 1.35-era copies).

import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import {
  ALL, failedRuns, firstAfter, of, podText, readyAt, results, run, startedAt, times,
} from './upstreamProber.testkit';

const http = (extra = '') => `{ httpGet: { path: /, port: 80 }${extra} }`;

// ---------------------------------------------------------------------------------------------
// TestDoProbe: the table of pod and container states, for liveness, readiness and startup
// ---------------------------------------------------------------------------------------------

describe('worker_test.go TestDoProbe', () => {
  it.each(ALL)('"No container status": the worker waits for a container ID without a result, then probes (%s)', (v: KubeVersion) => {
    // The image pulls for 20 s: the status has no container ID until the container starts.
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2')}
      readinessProbe: ${http(', periodSeconds: 2')}
      livenessProbe: ${http(', periodSeconds: 2, failureThreshold: 1')}
`,
      sim: 'containers:\n  app: { pull: 20s }\nevents:\n  - { at: 40s, container: app, do: failLiveness }\n',
    }));
    const start = times(t, 'container.start', 'app')[0]!;
    expect(start).toBeGreaterThan(20);
    expect(t.events.filter((e) => e.type.startsWith('probe.') && e.t < start)).toEqual([]); // expectSet: false
    // expectContinue: true: each worker probes the container once it runs
    expect(startedAt(t, 'app', start + 3)).toBe(true);
    expect(readyAt(t, 'app', start + 5)).toBe(true);
    expect(firstAfter(t, 'container.kill', 'app', 40)?.reason).toBe('LivenessProbe');
  });

  it.each(ALL)('"Pod failed": no worker probes or sets a result once the phase is terminal (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      policy: 'Never',
      containers: `    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 2')}
      livenessProbe: ${http(', periodSeconds: 2, failureThreshold: 100')}
      startupProbe: ${http(', periodSeconds: 2')}
`,
      sim: 'containers:\n  app: { exitAfter: 20s, exitCode: 1 }\nevents:\n  - { at: 10s, container: app, do: failLiveness }\n',
    }));
    const failedPhase = of(t, 'pod.phase').find((e) => e.phase === 'Failed')!;
    expect(failedPhase).toBeDefined();
    expect(failedRuns(t, 'app', 'liveness').length).toBeGreaterThan(3); // it was probing before
    expect(t.events.filter((e) => e.type.startsWith('probe.') && e.t > failedPhase.t)).toEqual([]); // expectContinue: false
  });

  it.each(ALL)('"Pod deletion": liveness stops (no kill), readiness continues and its result moves (%s)', (v: KubeVersion) => {
    // httpGet handlers: in 1.35 and 1.36 an exec probe of a deleted pod errors instead ([5.14]).
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 5')}
      livenessProbe: ${http(', periodSeconds: 5, failureThreshold: 2')}
`,
      sim: `containers:
  app: { onStop: { after: 40s } }
events:
  - { at: 20s, do: deletePod, gracePeriodSeconds: 60 }
  - { at: 25s, container: app, do: failLiveness }
  - { at: 30s, container: app, do: failReadiness }
`,
    }));
    const exit = times(t, 'container.exit', 'app')[0]!;
    expect(exit).toBeCloseTo(60, 6); // the stop signal's handler, not a liveness kill
    expect(failedRuns(t, 'app', 'liveness')).toEqual([]); // liveness: expectContinue false, never ran again
    expect(of(t, 'container.kill', 'app').map((k) => k.reason)).toEqual(['PodTermination']);
    // readiness: expectContinue true, the worker kept probing and its result changed
    expect(failedRuns(t, 'app', 'readiness').filter((e) => e.t >= 30).length).toBeGreaterThanOrEqual(3);
    expect(readyAt(t, 'app', 29)).toBe(true);
    expect(readyAt(t, 'app', exit - 1)).toBe(false);
  });

  it.each(ALL)('"Pod deletion", startup: StopLivenessAndStartup only removes the result, so a container not started stays so, and its readiness never runs (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: slow
      image: example/app:1
      startupProbe: { exec: { command: [cat, /tmp/started] }, periodSeconds: 5, failureThreshold: 100 }
      readinessProbe: { exec: { command: [/bin/true] }, periodSeconds: 5 }
`,
      sim: `containers:
  slow: { startDelay: 200s, onStop: { after: 40s } }
events:
  - { at: 20s, do: deletePod, gracePeriodSeconds: 60 }
`,
    }));
    const exit = times(t, 'container.exit', 'slow')[0]!;
    expect(exit).toBeCloseTo(60, 6);
    expect(startedAt(t, 'slow', exit - 1)).toBe(false);
    expect(readyAt(t, 'slow', exit - 1)).toBe(false);
    expect(results(t, 'slow', 'readiness')).toEqual([]); // doProbe: not started, so readiness is not run
    expect(of(t, 'pod.kubectl').filter((e) => e.t >= 20 && e.t < exit).map((e) => e.ready)).not.toContain('1/1');
  });

  it.each(ALL)('"Container waiting": liveness and readiness are set to Failure without a run, and the workers go on (%s)', (v: KubeVersion) => {
    // Each run exits 1 after 20 s; the second exit waits out a 10 s back-off (CrashLoopBackOff).
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 5')}
      livenessProbe: ${http(', periodSeconds: 5')}
`,
      until: '70s',
      sim: 'containers:\n  app: { exitAfter: 20s, exitCode: 1 }\n',
    }));
    const waiting = of(t, 'container.waiting', 'app').find((e) => e.reason === 'CrashLoopBackOff')!;
    expect(waiting).toBeDefined();
    const exits = times(t, 'container.exit', 'app');
    const restart = times(t, 'container.start', 'app').find((s) => s > waiting.t)!;
    for (const probe of ['liveness', 'readiness'] as const) {
      const set = results(t, 'app', probe).find((e) => e.result === 'failure' && e.t > exits[1]! && e.t < restart);
      expect(set, probe).toBeDefined(); // expectSet: true, Failure
      expect(failedRuns(t, 'app', probe).filter((e) => e.t > exits[1]! && e.t < restart), probe).toEqual([]); // without a run
    }
    expect(readyAt(t, 'app', restart + 4)).toBe(true); // expectContinue: true: the next container is probed
  });

  it.each(ALL)('"Container waiting", startup: a worker not on hold sets Failure too, and probes the next container (%s)', (v: KubeVersion) => {
    // The app never comes up, so the startup worker has no result (not on hold) when the run exits.
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 5, failureThreshold: 100')}
`,
      until: '70s',
      sim: 'containers:\n  app: { startDelay: 1000s, exitAfter: 20s, exitCode: 1 }\n',
    }));
    const restarts = times(t, 'container.start', 'app');
    const exits = times(t, 'container.exit', 'app');
    expect(restarts.length).toBeGreaterThanOrEqual(3);
    const set = results(t, 'app', 'startup').find((e) => e.result === 'failure' && e.t > exits[1]! && e.t < restarts[2]!);
    expect(set).toBeDefined();
    expect(set!.why).toContain('[5.3]');
    expect(failedRuns(t, 'app', 'startup', 2).length).toBeGreaterThan(0); // the worker went on with the next container
    expect(of(t, 'container.kill', 'app')).toEqual([]); // a Failure on a container that is not running kills nothing
  });

  it.each(ALL)('"Container terminated" (restartPolicy Never): each worker sets Failure and leaves its loop (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      policy: 'Never',
      containers: `    - name: keep
      image: example/app:1
    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 2')}
      livenessProbe: ${http(', periodSeconds: 2')}
    - name: slow
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 100')}
`,
      sim: 'containers:\n  app: { exitAfter: 20s }\n  slow: { startDelay: 1000s, exitAfter: 20s, exitCode: 1 }\n',
    }));
    for (const [c, probe] of [['app', 'liveness'], ['app', 'readiness'], ['slow', 'startup']] as const) {
      const exit = times(t, 'container.exit', c)[0]!;
      const set = results(t, c, probe).filter((e) => e.t > exit);
      expect(set.map((e) => e.result), `${c} ${probe}`).toEqual(['failure']); // expectSet: true, Failure
      expect(set[0]!.why, `${c} ${probe}`).toContain('[5.12]');
      const later = [...failedRuns(t, c, probe), ...results(t, c, probe)].filter((e) => e.t > set[0]!.t);
      expect(later, `${c} ${probe}`).toEqual([]); // expectContinue: false
    }
  });

  it.each(ALL)('"Probe successful": startup, readiness and liveness answer Success (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2')}
      readinessProbe: ${http(', periodSeconds: 2')}
      livenessProbe: ${http(', periodSeconds: 2, failureThreshold: 1')}
`,
      until: '60s',
    }));
    expect(startedAt(t, 'app', 59)).toBe(true);
    expect(readyAt(t, 'app', 59)).toBe(true);
    expect(of(t, 'container.kill', 'app')).toEqual([]);
    expect(of(t, 'probe.failed', 'app')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// TestInitialDelay, TestFailureThreshold, TestSuccessThreshold
// ---------------------------------------------------------------------------------------------

describe('worker_test.go TestInitialDelay (InitialDelaySeconds 10)', () => {
  // doProbe skips while int32(time.Since(StartedAt).Seconds()) < InitialDelaySeconds, the result
  // staying the initial one: liveness Success (no kill), readiness Failure, startup Unknown (not started).
  it.each(ALL)('no run before the delay, the initial result meanwhile, then Success (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: live
      image: example/app:1
      livenessProbe: ${http(', initialDelaySeconds: 10, periodSeconds: 1, failureThreshold: 1')}
    - name: ready
      image: example/app:1
      readinessProbe: ${http(', initialDelaySeconds: 10, periodSeconds: 1')}
    - name: start
      image: example/app:1
      startupProbe: ${http(', initialDelaySeconds: 10, periodSeconds: 1')}
`,
      until: '40s',
      sim: 'events:\n  - { at: 0s, container: live, do: failLiveness }\n',
    }));
    const from = (c: string) => Math.floor(times(t, 'container.start', c)[0]!); // the status manager's StartedAt, whole seconds [5.3]
    const live = failedRuns(t, 'live', 'liveness');
    expect(live[0]!.t - from('live')).toBeGreaterThanOrEqual(10);
    expect(of(t, 'container.kill', 'live')[0]!.t).toBe(live[0]!.t); // liveness stayed Success until the delay ended
    const ready = times(t, 'container.ready', 'ready')[0]!;
    expect(ready - from('ready')).toBeGreaterThanOrEqual(10);
    expect(ready - from('ready')).toBeLessThanOrEqual(11);
    const started = times(t, 'container.started', 'start')[0]!;
    expect(started - from('start')).toBeGreaterThanOrEqual(10);
    expect(started - from('start')).toBeLessThanOrEqual(11);
  });
});

describe('worker_test.go TestFailureThreshold (readiness, SuccessThreshold 1, FailureThreshold 3)', () => {
  it.each(ALL)('two failures keep Success, the third turns it Failure, and one success brings it back, twice over (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 10, failureThreshold: 3')}
`,
      until: '200s',
      sim: 'events:\n  - { at: 60s, container: app, do: failReadiness, for: 45s }\n  - { at: 130s, container: app, do: failReadiness, for: 45s }\n',
    }));
    for (const [from, to] of [[60, 105], [130, 175]] as const) {
      const failed = failedRuns(t, 'app', 'readiness').filter((e) => e.t >= from && e.t < to);
      expect(failed.slice(0, 3).map((e) => e.run)).toEqual([1, 2, 3]);
      expect(readyAt(t, 'app', failed[1]!.t)).toBe(true); // "2 failing": still Success
      const unready = firstAfter(t, 'container.unready', 'app', from)!;
      expect(unready.t).toBe(failed[2]!.t); // "3 failure": Failure
      const ready = firstAfter(t, 'container.ready', 'app', from)!;
      expect(ready.t).toBeGreaterThanOrEqual(to); // the first success after the window: Success again
      expect(ready.t).toBeLessThanOrEqual(to + 10);
    }
  });
});

describe('worker_test.go TestSuccessThreshold (readiness, SuccessThreshold 3, FailureThreshold 1)', () => {
  it.each(ALL)('one failure turns it Failure at once; it takes three successes in a row to be Success again, twice over (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 10, failureThreshold: 1, successThreshold: 3')}
`,
      until: '200s',
      sim: 'events:\n  - { at: 60s, container: app, do: failReadiness, for: 5s }\n  - { at: 130s, container: app, do: failReadiness, for: 5s }\n',
    }));
    for (const [from, to] of [[60, 65], [130, 135]] as const) {
      const failed = failedRuns(t, 'app', 'readiness').filter((e) => e.t >= from && e.t < to);
      expect(failed[0]!.run).toBe(1);
      expect(firstAfter(t, 'container.unready', 'app', from)!.t).toBe(failed[0]!.t); // "1 failure": Failure
      // Three successful runs after the window: at least two more ticks after the first one.
      const ready = firstAfter(t, 'container.ready', 'app', from)!;
      expect(ready.t - to).toBeGreaterThanOrEqual(20);
      expect(ready.t - to).toBeLessThanOrEqual(31);
    }
  });
});
