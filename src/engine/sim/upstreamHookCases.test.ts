// Golden test: upstream's unit tests of lifecycle hook handlers and of startContainer's postStart
// path, translated to Sidecar Lab (whole scenarios through runScenario).
//
// Upstream files (kubernetes/kubernetes, read with the library's read_file / find_string):
// - pkg/kubelet/lifecycle/handlers_test.go. find_files names one commit (446778be, a 2015 tree:
//   pkg/api, util.IntOrString); read_file also holds 04791b49 (io/ioutil, no context, a pre-1.23
//   tree) and the newest copy used here, file id 52349694872 (37,085 characters: contexts,
//   NewHandlerRunner with 4 arguments, TestRunHandlerHttpsFailureFallback, TestRunSleepHandler with
//   SetFeatureGateDuringTest without a restore func: a 1.31+ tree). Functions: TestRunHandlerExec,
//   TestRunHandlerHttp, TestRunHandlerHttpWithHeaders, TestRunHandlerHttps, TestRunHandlerHTTPPort,
//   TestRunHTTPHandler (11 rows), TestRunHandlerNil, TestRunHandlerExecFailure,
//   TestRunHandlerHttpFailure, TestRunSleepHandler (2 rows).
// - The code they test: handlers.go Run / runSleepHandler / runHTTPHandler, newest stored copy
//   (file id 1204635673: NodeDeclaredFeatures admission, a 1.35+ tree) and a 1.29/1.30-era one
//   (file id 767627281, the same runSleepHandler without the metric).
// - kuberuntime_container.go startContainer's step 4 and killContainer / executePreStopHook (file
//   id 41926215, a 1.3x tree with the ordering argument; the postStart block is the same in the
//   1.27/1.28-era copy quoted in file id 46206898209): on a handler error the kubelet records
//   Warning FailedPostStartHook "PostStartHook failed", calls killContainer(..., "FailedPostStartHook",
//   reasonFailedPostStartHook, nil override), and returns (msg, ErrPostStartHook), whose
//   "PostStartHookError" the reason cache turns into the Waiting reason ([3.4], [10.2]). SyncPod's
//   loop over main containers goes on to the next one after a failed start.
//
// How they map to ours: the handler tests call handlerRunner.Run directly and check the URL, the
// headers or the command the kubelet built. The engine has no URLs: a hook's outcome comes from the
// Simulation document (postStart / preStop: duration and exitCode; a sleep handler always succeeds).
// So a handler row becomes "this handler, as a pod spec the API server accepts, runs as the
// container's postStart hook and the sync waits for it" ([3.2], [3.3]); a failure row (the runner's
// error) becomes the hook's non-zero exit and startContainer's failure path; an input the API server
// rejects before any kubelet sees it becomes that rejection. Upstream's row inputs that the API
// server rejects (a numeric port written as a string, "70" or "42"; the lowercase scheme "http") are
// run with the accepted spelling (70, 42, HTTP) and the rejection is checked once.
// TestRunSleepHandler runs the handler on a context with a timeout of the grace period:
// "valid seconds" (5 of 30) is a preStop sleep that ends by itself before the stop signal;
// "longer than TerminationGracePeriodSeconds" (3 with 2) is, as a spec, rejected by validation
// ([1.5]); on a node it happens when a deletion's 2 s grace bounds a 3 s sleep of a 30 s pod:
// executePreStopHook stops waiting at 2 s ([8.3], [11.4]).
//
// Versions: every case runs on every minor it applies to: hooks 1.27-1.37, sidecars 1.28 (gate on)
// to 1.37, the sleep action 1.29 (gate on) to 1.37.
//
// Not expressible (no assertion possible here): the URL and headers rows' own checks (the engine
// builds no request), TestRunHandlerHttpsFailureFallback and TestIsHTTPResponseError (the HTTPS to
// HTTP fallback, its metric and its LifecycleHTTPFallback event), TestResolvePort (ports are not
// resolved), the admission tests of the same file.
//
// The Waiting message of PostStartHookError is the handler's message (TestRunHandlerExecFailure's
// and TestRunHandlerHttpFailure's expectedErrMsg), e.g. `Exec lifecycle hook ([ls --a]) for
// Container "containerfoo" in Pod "podfoo_nsfoo(<uid>)" failed - error: command 'ls --a' exited
// with 1: , message: ""` (the engine has no UID and leaves `(<uid>)` out); it was "PostStartHook
// failed", the event's words, until 2026-12-08.
//
// TestRunSleepHandler's context, for a postStart hook, is the runtime SyncPod's, which a deletion
// never cancels: kubelet.go SyncPod hands it context.TODO() (the 1.27/1.28 trees, library ids
// 23403007079 and 28691928572) or context.WithoutCancel(ctx) (from #122087; library ids 12114237
// and 54300650048), though pod_workers.go UpdatePod cancels the worker's context. So the handler
// runs to its end and the termination waits for the sync (these cases expected the hook cut at the
// deletion with FailedPostStartHook until session 39; the HTTP and failing cases are in
// postStartCancel.test.ts).

import { describe, expect, it } from 'vitest';
import { minor, type KubeVersion } from '../version';
import { ALL, WITH_SIDECARS, WITH_SLEEP, of, rejected, run, simHead, statusOf, statusesAt } from './upstreamRuntime.testkit';

/** podFoo/nsFoo with containerFoo (the hook under test) and a second main container after it. */
function hookPod(version: KubeVersion, lifecycle: string, o: { grace?: number; sim?: string; events?: string; extra?: string } = {}): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: podfoo, namespace: nsfoo }
spec:
  terminationGracePeriodSeconds: ${o.grace ?? 30}
  containers:
    - name: containerfoo
      image: example/app:1
      ports: [{ name: quux, containerPort: 8080 }]
${o.extra ?? ''}      lifecycle: ${lifecycle}
    - { name: second, image: example/app:1 }
---
${simHead(version, '80s')}
containers:
  containerfoo: ${o.sim ?? '{ onStop: { after: 0s, exitCode: 0 } }'}
${o.events ?? ''}`;
}

// ---------------------------------------------------------------------------------------------
// TestRunHandlerExec, TestRunHandlerHttp*, TestRunHTTPHandler: the handler runs, the sync waits
// ---------------------------------------------------------------------------------------------

const RUNNING_HANDLERS: [string, string][] = [
  ['TestRunHandlerExec', '{ exec: { command: [ls, -a] } }'],
  ['TestRunHandlerHttp', '{ httpGet: { host: foo, port: 8080, path: bar } }'],
  ['TestRunHandlerHttpWithHeaders', '{ httpGet: { host: foo, port: 8080, path: /bar, httpHeaders: [{ name: Foo, value: bar }] } }'],
  ['TestRunHandlerHttps/consistent', '{ httpGet: { scheme: HTTPS, host: foo, port: 70, path: bar } }'],
  ['TestRunHandlerHTTPPort/consistent/with port', '{ httpGet: { scheme: HTTPS, host: foo, port: 70, path: bar } }'],
  ['TestRunHTTPHandler/missing pod IP', '{ httpGet: { host: example.test, port: 42, path: foo, scheme: HTTP, httpHeaders: [] } }'],
  ['TestRunHTTPHandler/missing host', '{ httpGet: { port: 42, path: foo, scheme: HTTP } }'],
  ['TestRunHTTPHandler/path with leading slash', '{ httpGet: { port: 42, path: /foo, scheme: HTTP } }'],
  ['TestRunHTTPHandler/path without leading slash', '{ httpGet: { port: 42, path: foo, scheme: HTTP } }'],
  ['TestRunHTTPHandler/port resolution', '{ httpGet: { port: quux, path: foo, scheme: HTTP } }'],
  ['TestRunHTTPHandler/https', '{ httpGet: { port: 4430, path: foo, scheme: HTTPS } }'],
  ['TestRunHTTPHandler/query param', '{ httpGet: { port: 80, path: "foo?k=v", scheme: HTTP } }'],
  ['TestRunHTTPHandler/fragment', '{ httpGet: { port: 80, path: "foo#frag", scheme: HTTP } }'],
  ['TestRunHTTPHandler/headers', '{ httpGet: { port: 80, path: foo, scheme: HTTP, httpHeaders: [{ name: Foo, value: bar }] } }'],
  ['TestRunHTTPHandler/host header', '{ httpGet: { host: example.test, port: 80, path: foo, scheme: HTTP, httpHeaders: [{ name: Host, value: from.header }] } }'],
];

describe('handlers_test.go: a handler that succeeds, as containerFoo\'s postStart hook (startContainer step 4) [3.2] [3.3]', () => {
  for (const version of ALL) {
    for (const [name, handler] of RUNNING_HANDLERS) {
      it(`${version}: ${name}: the hook runs when the container starts, returns, and only then does the next container start`, () => {
        const t = run(hookPod(version, `{ postStart: ${handler} }`, { sim: '{ onStop: { after: 0s, exitCode: 0 }, postStart: { duration: 2s, exitCode: 0 } }' }));
        const start = of(t, 'container.start', 'containerfoo')[0]!;
        const hookStart = of(t, 'hook.start', 'containerfoo');
        const hookEnd = of(t, 'hook.end', 'containerfoo');
        expect(hookStart.map((h) => [h.hook, h.t])).toEqual([['postStart', start.t]]);
        expect(hookEnd.map((h) => [h.hook, h.exitCode])).toEqual([['postStart', 0]]);
        expect(hookEnd[0]!.t).toBeCloseTo(start.t + 2, 6);
        // [3.3] the sync waits for the hook: the next container's start comes after it returned
        expect(of(t, 'container.start', 'second')[0]!.t).toBeGreaterThanOrEqual(hookEnd[0]!.t);
        expect(of(t, 'container.kill', 'containerfoo')).toEqual([]);
        expect(of(t, 'container.start', 'containerfoo').length).toBe(1);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// TestRunHandlerNil and the rows whose input the API server rejects
// ---------------------------------------------------------------------------------------------

const REJECTED: [string, string, string, RegExp][] = [
  ['TestRunHandlerNil', '{}', 'spec.containers[0].lifecycle.postStart', /^Required value: must specify a handler type$/],
  ['TestRunHandlerHTTPPort/consistent/without port', '{ httpGet: { scheme: HTTPS, host: foo, port: "", path: bar } }', 'spec.containers[0].lifecycle.postStart.httpGet.port', /^Invalid value: "": must contain at least one letter \(a-z\)$/],
  ['TestRunHandlerHttps/consistent as written (port "70")', '{ httpGet: { scheme: HTTPS, host: foo, port: "70", path: bar } }', 'spec.containers[0].lifecycle.postStart.httpGet.port', /^Invalid value: "70": must contain at least one letter \(a-z\)$/],
  ['TestRunHTTPHandler/unknown scheme', '{ httpGet: { port: 80, path: foo, scheme: baz } }', 'spec.containers[0].lifecycle.postStart.httpGet.scheme', /^Unsupported value: "baz": supported values: "HTTP", "HTTPS"$/],
  ['TestRunHTTPHandler rows as written (scheme "http")', '{ httpGet: { port: 80, path: foo, scheme: http } }', 'spec.containers[0].lifecycle.postStart.httpGet.scheme', /^Unsupported value: "http": supported values: "HTTP", "HTTPS"$/],
];

describe('handlers_test.go: inputs the API server rejects before any kubelet runs them (validateHandler) [1.5]', () => {
  for (const version of ALL) {
    for (const [name, handler, path, message] of REJECTED) {
      it(`${version}: ${name}: rejected at ${path}`, () => {
        const errors = rejected(hookPod(version, `{ postStart: ${handler} }`));
        expect(errors.some(([p, m]) => p === path && message.test(m!))).toBe(true);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// TestRunHandlerExecFailure, TestRunHandlerHttpFailure -> startContainer's failure path
// ---------------------------------------------------------------------------------------------

const FAILING: [string, string][] = [
  ['TestRunHandlerExecFailure', '{ exec: { command: [ls, --a] } }'],
  ['TestRunHandlerHttpFailure', '{ httpGet: { host: foo, port: 8080, path: bar } }'],
];

describe('handlers_test.go failures through startContainer: FailedPostStartHook, the kill, PostStartHookError [3.4] [10.2] [8.3]', () => {
  for (const version of ALL) {
    for (const [name, handler] of FAILING) {
      it(`${version}: ${name}: the container is killed with the pod's 20s grace (not its liveness probe's 5s), preStop first; the next container starts in the same sync; Waiting PostStartHookError; restarted without back-off`, () => {
        const t = run(hookPod(version, `{ postStart: ${handler}, preStop: { exec: { command: [drain] } } }`, {
          grace: 20,
          extra: '      livenessProbe: { exec: { command: [check] }, periodSeconds: 10, terminationGracePeriodSeconds: 5 }\n',
          sim: '{ onStop: ignore, postStart: { duration: 1s, exitCode: 1 }, preStop: { duration: 3s, exitCode: 0 } }',
        }));
        const start = of(t, 'container.start', 'containerfoo')[0]!;
        const hookEnd = of(t, 'hook.end', 'containerfoo').find((h) => h.hook === 'postStart')!;
        expect(hookEnd.exitCode).toBe(1);
        expect(hookEnd.t).toBeCloseTo(start.t + 1, 6);
        // killContainer(..., "FailedPostStartHook", reasonFailedPostStartHook, nil): setTerminationGracePeriod
        // gives a probe's grace only for the probe reasons, so the pod's 20s
        const kill = of(t, 'container.kill', 'containerfoo')[0]!;
        expect(kill.reason).toBe('FailedPostStartHook');
        expect(kill.gracePeriodSeconds).toBe(20);
        expect(kill.t).toBe(hookEnd.t);
        expect(kill.cause).toContain(hookEnd.id);
        // the preStop hook runs (grace > 0), 3 whole seconds off the grace, then 17s to SIGKILL
        const preStop = of(t, 'hook.start', 'containerfoo').filter((h) => h.hook === 'preStop');
        expect(preStop[0]!.t).toBe(kill.t);
        const signals = of(t, 'container.signal', 'containerfoo').slice(0, 2);
        expect(signals.map((s) => s.signal)).toEqual(['SIGTERM', 'SIGKILL']);
        expect(signals[0]!.t).toBeCloseTo(kill.t + 3, 6);
        expect(signals[1]!.t).toBeCloseTo(kill.t + 20, 6);
        const exit = of(t, 'container.exit', 'containerfoo')[0]!;
        expect(exit.exitCode).toBe(137);
        // SyncPod's loop goes on after the failed start: `second` starts once the kill returned, in the same sync
        const second = of(t, 'container.start', 'second')[0]!;
        expect(second.t).toBeGreaterThanOrEqual(exit.t);
        expect(second.t - exit.t).toBeLessThan(1);
        // the next status shows the start error as the Waiting reason, with the run's exit as lastState
        const waiting = (t.statusWrites ?? []).find((w) => w.container === 'containerfoo' && w.state === 'waiting' && w.reason === 'PostStartHookError');
        expect(waiting).toBeDefined();
        expect(waiting!.restartCount).toBe(0);
        expect(of(t, 'pod.kubectl').some((r) => r.status === 'PostStartHookError')).toBe(true);
        // doBackOff finds no earlier exit in the back-off: the first restart comes at the next sync
        const restart = of(t, 'container.start', 'containerfoo')[1]!;
        expect(restart.attempt).toBe(1);
        expect(of(t, 'container.backoff', 'containerfoo').filter((b) => b.t < restart.t)).toEqual([]);
        expect(restart.t - exit.t).toBeLessThan(2);
      });
    }
  }
});

describe('handlers_test.go failure messages in the status: the PostStartHookError Waiting message is handlerRunner.Run\'s msg (startContainer returns it; the reason cache keeps it) [3.4] [10.2]', () => {
  const firstWaiting = (text: string) => {
    const t = run(text);
    const w = (t.statusWrites ?? []).find((x) => x.container === 'containerfoo' && x.reason === 'PostStartHookError')!;
    return statusOf(statusesAt(text, [w.t + 0.01]).get(w.t + 0.01), 'containerfoo').state.waiting;
  };
  for (const version of ALL) {
    it(`${version}: TestRunHandlerExecFailure: "Exec lifecycle hook ([ls --a]) for Container \\"containerfoo\\" in Pod \\"podfoo_nsfoo\\" failed - error: command 'ls --a' exited with 1: , message: \\"\\""`, () => {
      const waiting = firstWaiting(hookPod(version, '{ postStart: { exec: { command: [ls, --a] } } }', { grace: 20, sim: '{ onStop: ignore, postStart: { duration: 1s, exitCode: 1 } }' }));
      expect(waiting?.reason).toBe('PostStartHookError');
      expect(waiting?.message).toMatch(/^Exec lifecycle hook \(\[ls --a\]\) for Container "containerfoo" in Pod "podfoo_nsfoo(\(.*\))?" failed - error: command 'ls --a' exited with 1: , message: ""$/);
    });

    it(`${version}: TestRunHandlerHttpFailure: "HTTP lifecycle hook (bar) for Container \\"containerfoo\\" in Pod \\"podfoo_nsfoo\\" failed - error: ..." (no response body since the 1.2x handler rework)`, () => {
      const waiting = firstWaiting(hookPod(version, '{ postStart: { httpGet: { host: foo, port: 8080, path: bar } } }', { grace: 20, sim: '{ onStop: ignore, postStart: { duration: 1s, exitCode: 1 } }' }));
      expect(waiting?.reason).toBe('PostStartHookError');
      expect(waiting?.message).toMatch(/^HTTP lifecycle hook \(bar\) for Container "containerfoo" in Pod "podfoo_nsfoo(\(.*\))?" failed - error: \S/);
    });
  }
});

describe('TestRunSleepHandler\'s context, as the runtime SyncPod\'s (kubelet.go SyncPod: context.TODO() in the 1.27/1.28 trees, context.WithoutCancel(ctx) from #122087): a deletion does not cut the postStart hook short, and the sync goes on to start the next container [3.4] [11.4]', () => {
  const deletedDuring = (version: KubeVersion, handler: string, sim: string) => run(hookPod(version, `{ postStart: ${handler} }`, {
    sim, events: 'events:\n  - { at: 5s, do: deletePod }\n',
  }));
  const check = (t: ReturnType<typeof run>) => {
    const deleted = of(t, 'pod.deleted')[0]!;
    const started = of(t, 'container.start', 'containerfoo')[0]!;
    const end = of(t, 'hook.end', 'containerfoo').find((h) => h.hook === 'postStart')!;
    expect(end.t).toBeCloseTo(started.t + 20, 6); // the handler runs its 20s
    expect(end.t).toBeGreaterThan(deleted.t);
    expect([end.failed, end.exitCode]).toEqual([undefined, 0]); // no FailedPostStartHook
    const kill = of(t, 'container.kill', 'containerfoo');
    expect(kill.map((k) => k.reason)).toEqual(['PodTermination']); // SyncTerminatingPod's, once the sync returned
    expect(kill[0]!.t).toBeGreaterThan(end.t);
    // Session 40: the rest of the runtime's SyncPod runs on the same uncancelled context
    // (kuberuntime_manager.go SyncPod's `start`, no ctx.Err() check between containers): `second`
    // starts once the hook returned, and SyncTerminatingPod stops it with the deletion's grace
    // (was: the engine started nothing after the deletion).
    const second = of(t, 'container.start', 'second');
    expect(second.map((s) => s.t)).toEqual([end.t + 0.2]);
    expect(of(t, 'container.kill', 'second').map((k) => [k.reason, k.gracePeriodSeconds, k.cause])).toEqual([['PodTermination', 30, [deleted.id]]]);
  };
  for (const version of ALL) {
    it(`${version}: an exec postStart still running at the deletion: its ExecSync runs on to the command's end`, () => {
      check(deletedDuring(version, '{ exec: { command: [sh, -c, "sleep 20"] } }', '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 20s, exitCode: 0 } }'));
    });
  }
  for (const version of WITH_SLEEP) {
    it(`${version}: longer than TerminationGracePeriodSeconds, as postStart: a 20s sleep sleeps its seconds though the deletion came at 5s (runSleepHandler: ctx.Done() never fires)`, () => {
      check(deletedDuring(version, '{ sleep: { seconds: 20 } }', '{ onStop: { after: 1s, exitCode: 0 } }'));
    });
  }
});

function sidecarPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: podfoo, namespace: nsfoo }
spec:
  terminationGracePeriodSeconds: 20
  initContainers:
    - name: sc
      image: example/app:1
      restartPolicy: Always
      lifecycle: { postStart: { exec: { command: [ls, --a] } } }
  containers:
    - { name: app, image: example/app:1 }
---
${simHead(version, '60s')}
containers:
  sc: { onStop: { after: 0s, exitCode: 1 }, postStart: { duration: 1s, exitCode: 1 } }
`;
}

describe('TestRunHandlerExecFailure on a sidecar (TestLifeCycleHookForRestartableInitContainer\'s pod): SyncPod skips the failed sidecar start [3.4] [2.8] [4.3]', () => {
  for (const version of WITH_SIDECARS) {
    it(`${version}: each run is killed with FailedPostStartHook and restarted with back-off; the main container never starts`, () => {
      const t = run(sidecarPod(version));
      const kills = of(t, 'container.kill', 'sc');
      expect(kills.length).toBeGreaterThanOrEqual(3);
      expect(kills.every((k) => k.reason === 'FailedPostStartHook' && k.gracePeriodSeconds === 20)).toBe(true);
      expect(of(t, 'container.start', 'sc').map((s) => s.attempt).slice(0, 3)).toEqual([0, 1, 2]);
      expect(of(t, 'container.backoff', 'sc').length).toBeGreaterThanOrEqual(1);
      expect(of(t, 'container.start', 'app')).toEqual([]);
      expect((t.statusWrites ?? []).some((w) => w.container === 'sc' && w.reason === 'PostStartHookError')).toBe(true);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// TestRunSleepHandler
// ---------------------------------------------------------------------------------------------

function sleepPod(version: KubeVersion, lifecycle: string, o: { grace: number; deletion?: string; onStop?: string }): string {
  return hookPod(version, lifecycle, {
    grace: o.grace,
    sim: `{ onStop: ${o.onStop ?? '{ after: 0s, exitCode: 0 }'} }`,
    events: o.deletion === undefined ? '' : `events:\n  - { at: 20s, do: deletePod${o.deletion} }\n`,
  });
}

describe('handlers_test.go TestRunSleepHandler (runSleepHandler; executePreStopHook, startContainer) [11.4] [8.3] [8.5]', () => {
  for (const version of WITH_SLEEP) {
    it(`${version}: valid seconds: a 5s sleep preStop of a 30s pod ends by itself 5s after the kill, then the stop signal`, () => {
      const t = run(sleepPod(version, '{ preStop: { sleep: { seconds: 5 } } }', { grace: 30, deletion: '' }));
      const kill = of(t, 'container.kill', 'containerfoo')[0]!;
      expect(kill.gracePeriodSeconds).toBe(30);
      expect(of(t, 'hook.start', 'containerfoo').map((h) => [h.hook, h.t])).toEqual([['preStop', kill.t]]);
      const end = of(t, 'hook.end', 'containerfoo')[0]!;
      expect(end.exitCode).toBe(0);
      expect(end.t).toBeCloseTo(kill.t + 5, 6);
      expect(of(t, 'container.signal', 'containerfoo').map((s) => [s.signal, s.t])).toEqual([['SIGTERM', end.t]]);
    });

    it(`${version}: valid seconds, as postStart: the sync waits the 5s before it starts the next container`, () => {
      const t = run(sleepPod(version, '{ postStart: { sleep: { seconds: 5 } } }', { grace: 30 }));
      const start = of(t, 'container.start', 'containerfoo')[0]!;
      const end = of(t, 'hook.end', 'containerfoo')[0]!;
      expect([end.hook, end.exitCode]).toEqual(['postStart', 0]);
      expect(end.t).toBeCloseTo(start.t + 5, 6);
      expect(of(t, 'container.start', 'second')[0]!.t).toBeGreaterThanOrEqual(end.t);
      expect(of(t, 'container.kill', 'containerfoo')).toEqual([]);
    });

    it(`${version}: longer than TerminationGracePeriodSeconds: a 3s sleep with a 2s grace is rejected as a spec (validateSleepAction)`, () => {
      const errors = rejected(sleepPod(version, '{ preStop: { sleep: { seconds: 3 } } }', { grace: 2 }));
      expect(errors.some(([p, m]) => p === 'spec.containers[0].lifecycle.preStop.sleep'
        && /^Invalid value: 3: must be .*less than terminationGracePeriodSeconds \(2\)/.test(m!))).toBe(true);
    });

    it(`${version}: longer than TerminationGracePeriodSeconds: on a node, a deletion's 2s grace bounds a 3s sleep: the stop signal at 2s, SIGKILL 2s later (the floor)`, () => {
      const t = run(sleepPod(version, '{ preStop: { sleep: { seconds: 3 } } }', { grace: 30, deletion: ', gracePeriodSeconds: 2', onStop: 'ignore' }));
      const kill = of(t, 'container.kill', 'containerfoo')[0]!;
      expect(kill.gracePeriodSeconds).toBe(2);
      const end = of(t, 'hook.end', 'containerfoo')[0]!;
      expect(end.exitCode).toBeUndefined(); // the kubelet stopped waiting; the sleep did not return
      expect(end.t).toBeCloseTo(kill.t + 2, 6);
      expect(of(t, 'container.signal', 'containerfoo').map((s) => [s.signal, Math.round((s.t - kill.t) * 1000) / 1000]))
        .toEqual([['SIGTERM', 2], ['SIGKILL', 4]]);
    });
  }

  it('1.27 and 1.28 have no sleep action: the field is unknown to the API server', () => {
    for (const version of ALL.filter((v) => minor(v) < 29)) {
      const errors = rejected(sleepPod(version, '{ preStop: { sleep: { seconds: 5 } } }', { grace: 30 }));
      expect(errors.some(([p, m]) => p === 'spec.containers[0].lifecycle.preStop.sleep' && m!.includes('unknown field'))).toBe(true);
    }
  });
});
