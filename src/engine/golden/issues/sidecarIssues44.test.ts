// Golden tests from kubernetes/kubernetes reports and PRs about native sidecars, 2024-2026 (session
// 44, helper "h44-issues"), each a scenario built from the report's own pod and run on every minor
// with sidecars (1.28 with the alpha SidecarContainers gate turned on). Read through the library's
// issues index (descriptions and the comments it keeps); kubelet code read:
// pkg/kubelet/kuberuntime/kuberuntime_termination_order.go at 0f5507ff (newTerminationOrdering,
// waitForTurn), pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions (index
// id 41926215, a 1.32/1.33-era copy), pkg/kubelet/prober/worker.go doProbe (the pre-#133072 copies
// and the newest, index ids 3362147676 and 264648198).
//
// - kubernetes#125880 (2024-07-04, kind/bug, priority/important-soon, "Termination signals not sent
//   to Native Sidecars when multiple Native Sidecars"): a Deployment's istio-proxy-like sidecar never
//   passes its startupProbe, so the later init containers and the app never start; the pod is
//   deleted with terminationGracePeriodSeconds 600 and the sidecar gets no SIGTERM, the pod hangs
//   for the whole grace. Cause: newTerminationOrdering made the sidecar wait on the channels of
//   containers that never ran. Fixed by #125935 ("Terminate restartable init containers ignoring
//   not-started containers", 1.31), cherry-picked to 1.29 (#126332) and 1.30 (#126331); the code
//   read now pre-closes the channel of every container not in runningContainerNames. The engine's
//   minors are the latest patches, so the fixed order holds at every minor with ordering (1.29+);
//   1.28 has no ordering and stops every container at once. Asserted: SIGTERM at the deletion, the
//   trap's 5 s, the pod gone long before the 600 s grace ([8.4]).
// - kubernetes#122902 (2024-01-22, kind/bug, priority/important-soon, "sidecar container readiness
//   result to be used in Pod ready state also for pod.spec.restartPolicy = Never or OnFailure"): the
//   reporter's simple-webapp (a `sleep 30s` sidecar with an exec `cat` readinessProbe, restartPolicy
//   Never) showed 2/2 until the sidecar's first restart, then its status stayed in the first
//   terminated state. Fixed by #123323 (1.30, "Validate restartable init container state
//   transition": ValidatePodStatusUpdate let a restartable init container go from terminated back
//   to running in a Never/OnFailure pod), cherry-picked to 1.29 (#123709) and 1.28 (#123710). The
//   kubelet half is asserted at every minor: the sidecar is restarted whatever the pod's policy
//   ([4.3]), its readiness comes back and the row returns to 2/2 with RESTARTS 1 ([5.12] [14.1]).
// - kubernetes#120234 (2023-08-29, closed 2024 after kubernetes/enhancements#4880, 2024-09-29,
//   "KEP-753: Update documentation to clarify restartPolicy behavior"): a Job's restartable-init
//   (`sleep infinity`, imagePullPolicy Always, a startupProbe that never passes) in a Never pod is
//   restarted when the probe fails, against the KEP's old text ("will NOT be restarted and the whole
//   Pod will fail"); the KEP was changed to match the code: computeInitContainerActions kills it
//   (reason StartupProbe) and puts it back in InitContainersToStart, with no look at the pod's
//   restartPolicy. Asserted: StartupProbe kill after 3 × 10 s, SIGKILL 30 s later (PID 1 `sleep`),
//   restart at once, again and again; the app never starts, the pod is never Failed ([2.4] [4.4]).
// - kubernetes#137950 (2026-03, flake) and its fix #137954 (2026-03-21, tallclair, test-only,
//   milestone v1.36, "Fix restartable init container startup race"): restartable-init-2's
//   "Starting" log line came before restartable-init-1's. The PR gives the sidecars startupProbes,
//   "since the Kubelet waits for startup probe success before starting the next init container"
//   (computeInitContainerActions: a running sidecar with a startupProbe whose result is not found
//   or not Success breaks out, so i+1 is not started). Asserted on the serially pod with startup
//   probes: each next container starts after the sidecar's probe passed, so after the sidecar is
//   up ([2.2]).
// - kubernetes#136969 (PR, 2026-02-12, closed unmerged, "kubelet: fix containers not restarting when
//   sidecar keeps running"): claimed that with only a sidecar running and every regular container
//   exited, computeInitContainerActions leaves podHasInitialized false and the app is never
//   restarted. The code read says otherwise: the Exited state is skipped in the first scan, but a
//   running sidecar that is the last init container sets podHasInitialized (the real bug needed a
//   kubelet restart and a startupProbe: #137146, tested elsewhere). Asserted: the crashing app is
//   restarted with the usual back-off while the sidecar runs on, at every minor ([3.1] [4.5]).
//
// The stop-order reports of the same round are in sidecarIssues44b.test.ts.
// Looked at and left out: #126543 and #127162 (an init container stuck in Created after a runtime
// start failure: no fault makes a start leave a container Created; unit tests cover #126543), #128367 / #128754 /
// #137458 (in-place resize of sidecars and the resizePolicy validation of regular init containers:
// the engine does not model resize), #132996 (closed WIP for #132826, covered), #134190 (closed, do
// not merge). DISAGREEMENTS: none found (every test passes at every minor).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace } from '../../trace';
import { events, first } from './issues.testkit';

const SIDECAR_MINORS = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28);

/** The scenario at `v`; at 1.28 the alpha SidecarContainers gate is turned on. */
function at(workload: string, sim: string, v: KubeVersion): Trace {
  const gates = v === '1.28' ? 'featureGates:\n  SidecarContainers: true\n' : '';
  const text = `${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${gates}${sim}`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

function phaseAt(trace: Trace, t: number): string {
  return events(trace, 'pod.phase').filter((e) => e.t <= t).at(-1)?.phase ?? 'Pending';
}

// kubernetes#125880: the Deployment of the report; the entrypoint's `trap '…; sleep 5; exit' EXIT`
// handles SIGTERM in 5 s (onStop). The probe "never passes": an exec `false` with a high threshold.
const KARL_TEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: karl-test-deployment
spec:
  replicas: 1
  selector:
    matchLabels:
      app2: karl-test
  template:
    metadata:
      labels:
        app2: karl-test
    spec:
      securityContext:
        seccompProfile:
          type: RuntimeDefault
      terminationGracePeriodSeconds: 600
      initContainers:
      - name: init-1
        image: example.com/karl-test:1
        restartPolicy: Always
        startupProbe:
          exec:
            command: ["false"]
          periodSeconds: 10
          failureThreshold: 100
      - name: init-2
        image: example.com/karl-test:1
        restartPolicy: Always
      containers:
      - name: app
        image: example.com/karl-test:1`;
const KARL_TEST_SIM = `until: 120s
containers:
  init-1:
    onStop: { after: 5s, exitCode: 0 }
events:
  - { at: 30s, do: deletePod }
`;

describe('kubernetes#125880: Termination signals not sent to Native Sidecars when multiple Native Sidecars', () => {
  it.each(SIDECAR_MINORS)('a sidecar stuck in its startup probe gets SIGTERM at the deletion, not after the 600 s grace (%s) [8.4]', (v) => {
    const trace = at(KARL_TEST, KARL_TEST_SIM, v);
    // the later sidecar and the app never ran
    expect(events(trace, 'container.start', 'init-2')).toEqual([]);
    expect(events(trace, 'container.start', 'app')).toEqual([]);
    const deleted = first(trace, 'pod.deleted');
    expect(deleted).toBe(30);
    const sigterm = events(trace, 'container.signal', 'init-1').find((e) => e.signal === 'SIGTERM');
    expect(sigterm).toBeDefined();
    // #125935: not-started containers are pre-closed, so nothing holds the sidecar's turn
    expect(sigterm!.t - deleted).toBeLessThan(1);
    expect(events(trace, 'container.signal', 'init-1').some((e) => e.signal === 'SIGKILL')).toBe(false);
    const exit = events(trace, 'container.exit', 'init-1')[0]!;
    expect(exit.exitCode).toBe(0);
    expect(exit.t - sigterm!.t).toBeCloseTo(5, 3);
    expect(first(trace, 'pod.gone')).toBeLessThan(deleted + 10);
  });
});

// kubernetes#122902: the reporter's manifest (tolerations, volumes and resources left out).
const SIMPLE_WEBAPP = `apiVersion: v1
kind: Pod
metadata:
  name: simple-webapp
  labels:
    app: webapp
spec:
  initContainers:
    - name: init-service
      image:  busybox
      command:
        - sleep
        - 5s
    - name: sidecar
      image:  busybox
      command:
        - sleep
        - 30s
      readinessProbe:
        exec:
          command:
          - cat
        initialDelaySeconds: 5
        periodSeconds: 5
      imagePullPolicy: IfNotPresent
      restartPolicy: Always
  containers:
  - name: main-application
    image: nginx
  restartPolicy: Never`;

describe('kubernetes#122902: sidecar readiness result used in Pod ready state also for restartPolicy Never', () => {
  it.each(SIDECAR_MINORS)('the sidecar that exits after 30 s is restarted in the Never pod and the row comes back to 2/2 (%s) [4.3] [5.12] [14.1]', (v) => {
    const trace = at(SIMPLE_WEBAPP, 'until: 100s\n', v);
    const rows = events(trace, 'pod.kubectl');
    const firstExit = events(trace, 'container.exit', 'sidecar')[0]!;
    expect(firstExit.exitCode).toBe(0);
    // "before the sidecar container be restarted, the readiness is 2/2"
    expect(rows.some((r) => r.t < firstExit.t && r.ready === '2/2')).toBe(true);
    // restarted whatever the pod's restartPolicy, without a back-off the first time
    const restart = events(trace, 'container.start', 'sidecar').find((e) => e.attempt === 1);
    expect(restart).toBeDefined();
    expect(restart!.t - firstExit.t).toBeLessThan(2);
    // the new instance's status is written (Running, started) and its readiness comes back
    const startedAgain = events(trace, 'container.started', 'sidecar').find((e) => e.attempt === 1);
    expect(startedAgain).toBeDefined();
    expect(startedAgain!.t - restart!.t).toBeLessThan(1.5);
    const readyAgain = events(trace, 'container.ready', 'sidecar').find((e) => e.attempt === 1);
    expect(readyAgain).toBeDefined();
    const row = rows.find((r) => r.t >= readyAgain!.t && r.ready === '2/2');
    expect(row).toBeDefined();
    expect(row!.status).toBe('Running');
    expect(row!.restarts.startsWith('1')).toBe(true);
    // the main container never stopped: the pod stays Running
    expect(events(trace, 'container.exit', 'main-application')).toEqual([]);
    expect(phaseAt(trace, trace.end)).toBe('Running');
  });
});

// kubernetes#120234: the Job; the app is a short `sleep 10`.
const TEST_RESTARTABLE_INIT = `apiVersion: batch/v1
kind: Job
metadata:
  name: test-restartable-init
  namespace: default
spec:
  template:
    spec:
      initContainers:
      - command:
        - sleep
        - infinity
        image: ubuntu
        imagePullPolicy: Always
        name: restartable-init
        restartPolicy: Always
        startupProbe:
          exec:
            command: ["false"]
      containers:
      - command: ["sleep", "10"]
        image: ubuntu
        name: main
      restartPolicy: Never`;

describe('kubernetes#120234: Desired behavior of a startup failed restartable init container in a pod with restartPolicy Never', () => {
  it.each(SIDECAR_MINORS)('the sidecar failing its startup probe is killed and restarted, the pod never fails (%s) [2.4] [4.4]', (v) => {
    const trace = at(TEST_RESTARTABLE_INIT, 'until: 200s\n', v);
    const kills = events(trace, 'container.kill', 'restartable-init');
    expect(kills.length).toBeGreaterThanOrEqual(2);
    expect(kills.every((k) => k.reason === 'StartupProbe')).toBe(true);
    const start0 = events(trace, 'container.start', 'restartable-init')[0]!.t;
    // three failed runs 10 s apart (defaults), counted from the first run
    expect(kills[0]!.t - start0).toBeGreaterThanOrEqual(20);
    expect(kills[0]!.t - start0).toBeLessThanOrEqual(31);
    // `sleep infinity` is PID 1 and ignores SIGTERM: SIGKILL after the pod's 30 s grace
    const exit0 = events(trace, 'container.exit', 'restartable-init')[0]!;
    expect(exit0.exitCode).toBe(137);
    expect(exit0.t - kills[0]!.t).toBeCloseTo(30, 3);
    // restarted in the same sync (the image check of imagePullPolicy Always in between)
    const start1 = events(trace, 'container.start', 'restartable-init').find((e) => e.attempt === 1);
    expect(start1).toBeDefined();
    expect(start1!.t - exit0.t).toBeLessThan(1.5);
    // never started, never terminal: the app waits, the Job does not fail
    expect(events(trace, 'container.start', 'main')).toEqual([]);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).not.toContain('Failed');
    expect(events(trace, 'job.failed')).toEqual([]);
    const last = events(trace, 'pod.kubectl').at(-1)!;
    expect(last.status).toBe('Init:0/1');
    expect(Number.parseInt(last.restarts, 10)).toBeGreaterThanOrEqual(2);
  });
});

// kubernetes#137954: the "restartable-init-containers-start-serially" pod with the startupProbes the
// PR adds; each sidecar's script is up 2 s after its process starts (its "Started" line).
const SERIALLY_WITH_STARTUP = (() => {
  const sidecar = (name: string): string => `  - name: ${name}
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "sleep 600"]
    startupProbe:
      exec:
        command: ["test", "-f", "/persistent/${name}.started"]
      periodSeconds: 1`;
  const init = (name: string): string => `  - name: ${name}\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 1; exit 0"]`;
  return [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: restartable-init-containers-start-serially', 'spec:',
    '  restartPolicy: Never', '  initContainers:',
    init('init-1'), sidecar('restartable-init-1'), init('init-2'), sidecar('restartable-init-2'), init('init-3'),
    '  containers:', '  - name: regular-1', '    image: busybox:1.36', '    command: ["sh", "-c", "sleep 5; exit 0"]',
  ].join('\n');
})();
const SERIALLY_SIM = 'until: 60s\ncontainers:\n  restartable-init-1: { startDelay: 2s }\n  restartable-init-2: { startDelay: 2s }\n';

describe('kubernetes#137950 / #137954: Fix restartable init container startup race (startup probes gate the next start)', () => {
  it.each(SIDECAR_MINORS)('each next container starts after the sidecar\'s startup probe passed, so after its app is up (%s) [2.2]', (v) => {
    const trace = at(SERIALLY_WITH_STARTUP, SERIALLY_SIM, v);
    for (const [sidecar, next] of [['restartable-init-1', 'init-2'], ['restartable-init-2', 'init-3']] as const) {
      const up = first(trace, 'container.up', sidecar);
      const passed = events(trace, 'probe.result', sidecar).find((e) => e.probe === 'startup' && e.result === 'success');
      expect(passed).toBeDefined();
      expect(passed!.t).toBeGreaterThanOrEqual(up);
      const started = first(trace, 'container.started', sidecar);
      expect(started).toBeGreaterThanOrEqual(passed!.t);
      const nextStart = first(trace, 'container.start', next);
      expect(nextStart).toBeGreaterThan(up);
      expect(nextStart).toBeGreaterThanOrEqual(started);
    }
    // the log order the e2e test checks: every "Started" before the next one's "Starting"
    const names = ['init-1', 'restartable-init-1', 'init-2', 'restartable-init-2', 'init-3', 'regular-1'];
    const ups = names.map((c) => first(trace, 'container.up', c));
    expect([...ups].sort((a, b) => a - b)).toEqual(ups);
    expect(phaseAt(trace, trace.end)).toBe('Succeeded');
  });
});

const APP_WITH_SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: app-with-sidecar
spec:
  initContainers:
  - name: sidecar
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "sleep infinity"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5; exit 1"]`;

describe('kubernetes#136969: kubelet: fix containers not restarting when sidecar keeps running (closed: not what the code does)', () => {
  it.each(SIDECAR_MINORS)('with only the sidecar running, the crashed app is restarted with the usual back-off (%s) [3.1] [4.5]', (v) => {
    const trace = at(APP_WITH_SIDECAR, 'until: 120s\n', v);
    const appStarts = events(trace, 'container.start', 'app');
    expect(appStarts.length).toBeGreaterThanOrEqual(4);
    expect(appStarts.map((e) => e.attempt).slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(events(trace, 'container.backoff', 'app').map((e) => e.delay).slice(0, 3)).toEqual([10, 20, 40]);
    // the sidecar is never touched
    expect(events(trace, 'container.start', 'sidecar').map((e) => e.attempt)).toEqual([0]);
    expect(events(trace, 'container.exit', 'sidecar')).toEqual([]);
    // RESTARTS counts the app's restarts; the pod is Running while the app runs and never terminal
    // (up to 1.32 it flips to Pending in each back-off, [6.1] [6.2]: not this report's subject)
    const restarts = events(trace, 'pod.kubectl').map((r) => Number.parseInt(r.restarts, 10));
    expect(Math.max(...restarts)).toBeGreaterThanOrEqual(3);
    for (const s of appStarts.slice(1, 4)) expect(phaseAt(trace, s.t + 1.5)).toBe('Running');
    expect(events(trace, 'pod.phase').map((e) => e.phase).filter((p) => p === 'Failed' || p === 'Succeeded')).toEqual([]);
  });
});
