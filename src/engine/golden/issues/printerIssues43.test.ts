// Golden tests from kubernetes/kubernetes bug reports about what `kubectl get pod` prints beside the
// pod's Ready condition (readiness gates) and how RESTARTS is dated (session 43, helper "issues16"),
// each a scenario built from the report's own pod and run on every minor it applies to. Read through
// the library's issues index (descriptions and the comments it keeps). Upstream code read:
// GeneratePodReadyCondition in pkg/kubelet/status/generate.go (library ids 328552841, a pre-1.33
// copy, and 396779055, the ObservedGeneration-era copy: the gate messages are built from the
// conditions of the status being written, `corresponding condition of pod readiness gate %q does not
// exist.` / `the status of pod readiness gate %q is not "True", but %v`, joined by ", ", reason
// ReadinessGatesNotReady, only once ContainersReady is True); pkg/printers/internalversion/printers.go
// at the stored 008dafe0 (a 2018-era tree; find_files lists 51652d1c too): its pod columns are
// Name, Ready, Status, Restarts (type integer), Age; the 1.27+ printPod is the rulebook's read
// ([14.1]-[14.4]).
//
// - kubernetes#30785 (2016-08, closed rotten, "kubectl doesn't reflect pod condition"): kube-dns
//   printed `3/3 Running` while its Ready condition was False and the Service had no endpoints.
//   The printer still builds READY from the containers' `ready` flags and STATUS from the phase
//   and reasons ([14.1] [14.3]), never from the Ready condition (it reads it only to turn a
//   `Completed` into Running/NotReady). Reproduced with a readiness gate whose condition nobody
//   sets: the row reads `1/1 Running` while Ready is False with reason ReadinessGatesNotReady
//   ([7.4]); with a sidecar (1.29+, SidecarContainers on by default) `2/2 Running`. Every minor.
// - kubernetes#72311 (2018-12, closed, "kubelet can't update ready condition correctly"): when the
//   gate's condition went from absent to False, Ready's message stayed `corresponding condition of
//   pod readiness gate "zte.com.cn/huang" does not exist.`; expected `the status of pod readiness
//   gate "zte.com.cn/huang" is not "True", but False`. The stored generate.go copies build the
//   message afresh from the gate conditions of each status they generate, so a status written after
//   the change carries the reporter's expected text; so does the engine (kubelet/conditions.ts
//   readyCondition, no version input). The gate's condition cannot be set in a scenario, so the
//   False half is checked on readyCondition itself; the absent half also in a run, every minor.
// - kubernetes#54491 (2017-10, closed, "kubectl get pods should report last restart time?"):
//   `prometheus-0 5/5 Running 30 21h` did not say when the last restart was. The stored 2018-era
//   printer prints a bare count; the printer of every minor here appends `(AGE ago)` of the newest
//   lastState.terminated.finishedAt, both times in whole seconds ([14.1] [14.3]). A container that
//   exits 1 after 5 s: `1 (2s ago)` at its second start (`1 (1s ago)` from 1.35, by its status
//   timing), the age growing with the cursor, the date moving on only when the next exit becomes
//   lastState (the `CrashLoopBackOff` row; the `Error` row before it still dates the first exit).
// - kubernetes#8330 (2015-05, closed, "'kubectl get pods' shall warn the user if a pod is not
//   ready"): blog-pod's nginx and hugo ran while git-sync kept exiting 0 ("last termination: exit
//   code 0") and was restarted, and `kubectl get pods` said Running while Ready was False. The
//   READY column came of it; today, under Always, git-sync's exit 0 beside two running, ready
//   containers prints `2/3 NotReady` (a Completed with something running and ready, the pod not
//   Ready: [14.3], every minor, the 1.35+ error-reason branch has no non-zero exit to name), then
//   `3/3 Running` with its restart dated, then `2/3 CrashLoopBackOff` once the exits back off
//   (exit 0 under Always backs off too: [4.8] [4.5] [14.3]). Every minor.
// - kubernetes#110256 (2022-06, merged, cherry-picked to 1.24 as #110479, "kubelet: Mark ready
//   condition as false explicitly for terminal pods": a 1.22 regression wrote a terminal phase
//   beside Ready True): a finished pod is `Ready False PodCompleted` (Succeeded) or `PodFailed`
//   ([7.3] [7.4]) in the same status that carries the phase, and prints `0/1 Completed` or
//   `0/1 Error`. With a sidecar (1.29+) the main container's exit prints `1/2 Completed` (the
//   sidecar still runs ready, but only main containers turn a Completed into Running/NotReady),
//   then `0/2 Completed` when the sidecar has been stopped and the pod is Succeeded ([14.2]).
//
// Not expressible here: kubernetes#122002 (2023-11, "Pod ready condition is updated to True after
// readiness gates condition is False", triage/needs-information, not reproduced) and
// kubernetes#86485 (2019-12, "Pod ready condition is not always updated after readiness gates
// condition changes"): both need a gate's condition changed by a controller; no scenario sets one. kubernetes#87444 (2020-01, "Show ReadinessGate Status in kubectl": the
// `-o wide` READINESS GATES column): the engine prints the default columns only. kubernetes#13517
// (2015, restart counts "ratchet down to 2": docker's dead-container GC, pre-CRI) and
// kubernetes#108537 / PR #122897 (a static pod stuck at `Init:0/1` when the runtime lost the init
// container's status): the runtime never loses a status here.
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import type { SpecForStatus } from '../../api';
import { readyCondition, type ExplainedCondition } from '../../kubelet/conditions';
import type { Trace } from '../../trace';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import { at, events, first } from './issues.testkit';

function rows(trace: Trace): string[] {
  return events(trace, 'pod.kubectl').map((e) => `${e.ready} ${e.status} ${e.restarts}`);
}

function lastReady(trace: Trace): { status: string; reason?: string } | undefined {
  const e = events(trace, 'pod.condition').filter((c) => c.condition === 'Ready').at(-1);
  return e && { status: e.status, reason: e.reason };
}

const KUBE_DNS = `apiVersion: v1
kind: Pod
metadata:
  name: kube-dns
spec:
  readinessGates:
  - conditionType: "zte.com.cn/huang"
  containers:
  - name: dnsmasq
    image: busybox
    command: ["sh", "-c", "sleep 3600"]`;

const SIDECAR_TEST = `apiVersion: v1
kind: Pod
metadata:
  name: sidecar-test
spec:
  readinessGates:
  - conditionType: "target-health.elbv2.k8s.aws/k8s-default-app"
  initContainers:
  - name: busybox-sidecar
    image: busybox
    command: ["sleep", "1d"]
    restartPolicy: Always
  containers:
  - name: busybox
    image: busybox
    command: ["sleep", "1d"]`;

describe("kubernetes#30785: kubectl doesn't reflect pod condition", () => {
  it.each(SUPPORTED_VERSIONS)('a readiness gate whose condition is never set: the row reads 1/1 Running while Ready is False, ReadinessGatesNotReady (%s) [7.4] [14.1] [14.3]', (v) => {
    const trace = at(KUBE_DNS, 'until: 1m\n', v);
    expect(rows(trace)).toEqual(['0/1 ContainerCreating 0', '1/1 Running 0']);
    const containersReady = events(trace, 'pod.condition').filter((c) => c.condition === 'ContainersReady').at(-1);
    expect(containersReady?.status).toBe('True');
    expect(lastReady(trace)).toEqual({ status: 'False', reason: 'ReadinessGatesNotReady' });
    expect(events(trace, 'pod.phase').at(-1)?.phase).toBe('Running');
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29))('with a sidecar the row reads 2/2 Running, the pod still not Ready (%s) [7.4] [14.2]', (v) => {
    const trace = at(SIDECAR_TEST, 'until: 30s\n', v);
    expect(rows(trace)).toEqual(['0/2 Init:0/1 0', '1/2 PodInitializing 0', '2/2 Running 0']);
    expect(lastReady(trace)).toEqual({ status: 'False', reason: 'ReadinessGatesNotReady' });
  });
});

describe("kubernetes#72311: kubelet can't update ready condition correctly", () => {
  const spec: SpecForStatus = { restartPolicy: 'Always', initContainers: [], containers: [], readinessGates: ['zte.com.cn/huang'] };
  const containersReady: ExplainedCondition = { type: 'ContainersReady', status: 'True', why: '' };

  it('the gate condition absent: Ready False, "does not exist" [7.4]', () => {
    const c = readyCondition(spec, containersReady, {});
    expect([c.status, c.reason, c.message]).toEqual(['False', 'ReadinessGatesNotReady',
      'corresponding condition of pod readiness gate "zte.com.cn/huang" does not exist.']);
  });

  it('the gate condition set False: the message follows it (the reporter\'s expected text) [7.4]', () => {
    const c = readyCondition(spec, containersReady, { 'zte.com.cn/huang': 'False' });
    expect([c.status, c.reason, c.message]).toEqual(['False', 'ReadinessGatesNotReady',
      'the status of pod readiness gate "zte.com.cn/huang" is not "True", but False']);
  });

  it('two gates, one absent and one Unknown: both messages, joined by ", " [7.4]', () => {
    const two = { ...spec, readinessGates: ['zte.com.cn/huang', 'example.com/b'] };
    const c = readyCondition(two, containersReady, { 'example.com/b': 'Unknown' });
    expect(c.message).toBe('corresponding condition of pod readiness gate "zte.com.cn/huang" does not exist., '
      + 'the status of pod readiness gate "example.com/b" is not "True", but Unknown');
  });

  it('the gate condition True: Ready True [7.4]', () => {
    const c = readyCondition(spec, containersReady, { 'zte.com.cn/huang': 'True' });
    expect(c.status).toBe('True');
  });

  it.each(SUPPORTED_VERSIONS)('in a run the containers are ready before the gate is looked at: Ready copies ContainersNotReady first (%s) [7.4]', (v) => {
    const trace = at(KUBE_DNS, 'until: 30s\n', v);
    const ready = events(trace, 'pod.condition').filter((c) => c.condition === 'Ready').map((c) => c.reason);
    expect(ready).toEqual(['ContainersNotReady', 'ReadinessGatesNotReady']);
  });
});

const PROMETHEUS = `apiVersion: v1
kind: Pod
metadata:
  name: prometheus-0
spec:
  containers:
  - name: prometheus
    image: busybox
    command: ["sh", "-c", "sleep 5; exit 1"]`;

describe('kubernetes#54491: kubectl get pods should report last restart time?', () => {
  it.each(SUPPORTED_VERSIONS)('RESTARTS carries "(AGE ago)" of the last exit, in whole seconds (%s) [14.1] [14.3]', (v) => {
    const trace = at(PROMETHEUS, 'until: 30s\n', v);
    const exit1 = first(trace, 'container.exit', 'prometheus');
    const start2 = first(trace, 'container.start', 'prometheus', exit1);
    const kubectl = events(trace, 'pod.kubectl');
    // the row printed when the second run is up: one restart, dated by the first exit's whole second
    const up = kubectl.find((e) => e.t >= start2 && e.status === 'Running')!;
    expect(up.restarts).toBe(`1 (${Math.floor(up.t) - Math.floor(exit1)}s ago)`);
    expect(up.lastRestartAt).toBe(Math.floor(exit1));
    // before any exit there is no date to print
    expect(kubectl[0]?.restarts).toBe('0');
    // the second exit dates RESTARTS once that run is lastState (the CrashLoopBackOff row), not while it is
    // the current state (the Error row still dates the first exit)
    const exit2 = first(trace, 'container.exit', 'prometheus', start2);
    const loop = kubectl.find((e) => e.t > exit2 && e.status === 'CrashLoopBackOff')!;
    expect(loop.lastRestartAt).toBe(Math.floor(exit2));
    expect(loop.restarts).toBe(`1 (${Math.floor(loop.t) - Math.floor(exit2)}s ago)`);
    const err = kubectl.find((e) => e.t > exit2 && e.status === 'Error')!;
    expect(err.lastRestartAt).toBe(Math.floor(exit1));
  });
});

const BLOG_POD = `apiVersion: v1
kind: Pod
metadata:
  name: blog-pod
  labels:
    name: blog
spec:
  containers:
  - name: nginx
    image: nginx
  - name: hugo
    image: caesarxuchao/hugo
    command: ["sh", "-c", "sleep 3600"]
  - name: git-sync
    image: caesarxuchao/git-sync
    command: ["sh", "-c", "sleep 20; exit 0"]`;

describe("kubernetes#8330: 'kubectl get pods' shall warn the user if a pod is not ready", () => {
  it.each(SUPPORTED_VERSIONS)('git-sync exits 0 beside two ready containers: 2/3 NotReady, then 3/3 Running, then 2/3 CrashLoopBackOff (%s) [14.3] [4.8] [7.4]', (v) => {
    const trace = at(BLOG_POD, 'until: 100s\n', v);
    const exits = events(trace, 'container.exit', 'git-sync');
    expect(exits.map((e) => [e.exitCode, e.reason])).toContainEqual([0, 'Completed']);
    const statuses = events(trace, 'pod.kubectl').map((e) => `${e.ready} ${e.status}`);
    expect(statuses.slice(0, 4)).toEqual(['0/3 ContainerCreating', '3/3 Running', '2/3 NotReady', '3/3 Running']);
    expect(statuses).toContain('2/3 CrashLoopBackOff');
    expect(new Set(statuses.slice(1))).toEqual(new Set(['3/3 Running', '2/3 NotReady', '2/3 CrashLoopBackOff']));
    // every NotReady row is printed while the pod's Ready condition is False
    const readyAt = (t: number): string | undefined =>
      events(trace, 'pod.condition').filter((c) => c.condition === 'Ready' && c.t <= t).at(-1)?.status;
    for (const row of events(trace, 'pod.kubectl').filter((e) => e.status === 'NotReady')) expect(readyAt(row.t)).toBe('False');
    // RESTARTS counts git-sync's restarts, dated by its last finished run
    const running2 = events(trace, 'pod.kubectl').filter((e) => e.status === 'Running')[1]!;
    expect(running2.restarts).toMatch(/^1 \(\d+s ago\)$/);
    expect(running2.lastRestartAt).toBe(Math.floor(exits[0]!.t));
  });
});

const RUN_ONCE = (exitCode: number): string => `apiVersion: v1
kind: Pod
metadata:
  name: runonce
spec:
  restartPolicy: Never
  containers:
  - name: main
    image: alpine:latest
    command: ['sh', '-c', 'sleep 10; exit ${exitCode}']`;

const RUN_ONCE_SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: runonce
spec:
  restartPolicy: Never
  initContainers:
  - name: logshipper
    image: alpine:latest
    restartPolicy: Always
    command: ['sh', '-c', 'tail -F /opt/logs.txt']
  containers:
  - name: main
    image: alpine:latest
    command: ['sh', '-c', 'echo "logging" > /opt/logs.txt; sleep 10']`;

describe('kubernetes#110256: kubelet: Mark ready condition as false explicitly for terminal pods', () => {
  it.each(SUPPORTED_VERSIONS)('Succeeded with Ready False PodCompleted, Failed with PodFailed, in the same status write (%s) [7.3] [7.4] [14.3]', (v) => {
    for (const [code, phase, reason, row] of [[0, 'Succeeded', 'PodCompleted', '0/1 Completed'], [1, 'Failed', 'PodFailed', '0/1 Error']] as const) {
      const trace = at(RUN_ONCE(code), 'until: 1m\n', v);
      const terminal = events(trace, 'pod.phase').at(-1)!;
      expect(terminal.phase).toBe(phase);
      const ready = events(trace, 'pod.condition').filter((c) => c.condition === 'Ready').at(-1)!;
      expect([ready.status, ready.reason, ready.t]).toEqual(['False', reason, terminal.t]);
      expect(events(trace, 'pod.condition').some((c) => c.condition === 'Ready' && c.status === 'True' && c.t >= terminal.t)).toBe(false);
      const last = events(trace, 'pod.kubectl').at(-1)!;
      expect(`${last.ready} ${last.status}`).toBe(row);
    }
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29))('with a sidecar: 1/2 Completed while it runs, 0/2 Completed once the pod is Succeeded (%s) [14.2] [14.3] [7.4]', (v) => {
    const trace = at(RUN_ONCE_SIDECAR, 'until: 1m\n', v);
    const statuses = events(trace, 'pod.kubectl').map((e) => `${e.ready} ${e.status}`);
    expect(statuses).toEqual(['0/2 Init:0/1', '1/2 PodInitializing', '2/2 Running', '1/2 Completed', '0/2 Completed']);
    const terminal = events(trace, 'pod.phase').at(-1)!;
    expect(terminal.phase).toBe('Succeeded');
    expect(terminal.t).toBeGreaterThan(first(trace, 'container.exit', 'logshipper') - 1);
    const ready = events(trace, 'pod.condition').filter((c) => c.condition === 'Ready').at(-1)!;
    expect([ready.status, ready.reason]).toEqual(['False', 'PodCompleted']);
  });
});
