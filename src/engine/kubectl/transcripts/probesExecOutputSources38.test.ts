// More published Unhealthy lines that carry an exec probe's own output ([5.13], [15.4]), beside
// probesExecOutput.test.ts (kubernetes.io's liveness-exec). Each pod is run as published, with no
// failure injected: the probe's answer and its output come from the container's own script
// (scenario/probeCommand.ts probeWindows, sim/probeScript.ts). The output is what prober.go probe
// records after "%s probe failed: " (RunInContainer's stdout then stderr, untrimmed); kubectl
// describe prints the message through strings.TrimSpace, hence `described` below. Sources:
//
// 1. Chinese notes "Pod 三种探针简介" (search-index file 46456571457, no repository named; the
//    notes' other pods are dated 2020-05-23, `kubelet, k8s-node02` in From: before 1.27, so run at
//    1.27, 1.31, 1.36). busybox:1.24 from an Aliyun mirror of google_registry, `rm -rf`, a 3 s
//    period; describe at 41 s after Started:
//      Warning  Unhealthy  2s (x3 over 8s)  kubelet, k8s-node02  Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//      Normal   Killing    2s               kubelet, k8s-node02  Container liveness-exec failed liveness probe, will be restarted
// 2. A CKA study guide's "Health Check" page (search-index file 6336491938, no repository named;
//    nodes cka002, July 2022 by its first describe; Pulled `in 9.153404392s` without "including
//    waiting", so before 1.27, [10.6]; run at 1.27, 1.31, 1.36): a `readiness` pod (busybox,
//    `touch /tmp/healthy; sleep 5;rm -rf /tmp/healthy; sleep 600`, readiness `cat /tmp/healthy`,
//    delay 10, period 5): `0/1 Running 0 15s`, then at 43 s after Started
//      Warning  Unhealthy  1s (x7 over 31s)  kubelet  Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//    and kubernetes.io's liveness-exec on `busybox` with `rm -rf`, at 53 s after Started:
//      Warning  Unhealthy  12s (x3 over 22s)  kubelet  Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//      Normal   Killing    12s                kubelet  Container liveness failed liveness probe, will be restarted
//    Given: each pull's published time (2.244369424 s, 9.153404392 s): the probe workers tick from
//    the pod's sync, not the container's start ([5.2]), so the pull sets where the ticks fall.
// 3. A course's session 10 "lifecycle" write-ups, two students' runs of the same manifests
//    (search-index files 70441151561 and 70543313162, both 2026-10-07; a 1.35+ kubelet by
//    `Container started`, [10.6]; run at 1.35, 1.36, 1.37). The probe commands are published
//    (`Liveness: exec [sh -c test -f /tmp/healthy] delay=5s … period=5s … failureThreshold=2`,
//    `Startup: exec [sh -c test -f /tmp/started] delay=0s … period=5s … failureThreshold=10`); the
//    containers' scripts only in words and by their logs ("creates /tmp/healthy, deletes it after
//    20s, then sleeps", `App started` / `Health file removed`; "`sleep 30; touch /tmp/started`",
//    `Application starting...` / `Application started`), rebuilt below from those (the image is
//    not printed: `test` prints nothing in any userland, so busybox is taken). `test -f` prints
//    nothing, so the event is `Liveness probe failed: ` and describe prints `Liveness probe failed:`:
//      Warning  Unhealthy  39s (x2 over 44s)  kubelet  Liveness probe failed:
//      Normal   Killing    39s                kubelet  Container app failed liveness probe, will be restarted
//      Normal   Started    9s (x2 over 69s)   kubelet  Container started
//      Warning  Unhealthy  30s (x6 over 55s)  kubelet  Startup probe failed:
//    and in the other run's event list (whole-second timestamps): Started 13:22:08, Unhealthy
//    13:22:32 … 13:23:37 (liveness), 13:22:12 … 13:22:37 x6 (startup), the startup pod `1/1` at 35 s.
//
// Not here (see the session 38 report): a CentOS pod whose probe is `ls -l FILE` (search-index file
// 48807682312): the reader does not follow `ls` with an option, so the engine never fails it.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { probeWindows } from '../../scenario/probeCommand';
import type { TraceEvent } from '../../trace';
import { withVersion } from './watch.testkit';

/** The Unhealthy message as kubectl describe prints it. */
const described = (probe: string, output: string | undefined) => `${probe} probe failed: ${output ?? ''}`.trim();

const BUSYBOX_CAT = "cat: can't open '/tmp/healthy': No such file or directory";

/** The container's start, its failed runs of one probe up to `until`, and the first kill. */
function runOf(events: readonly TraceEvent[], probe: string, until = Infinity) {
  const start = events.find((e) => e.type === 'container.start')!.t;
  const failed = events.flatMap((e) => (e.type === 'probe.failed' && e.probe === probe && e.t <= until ? [e] : []));
  const kill = events.find((e) => e.type === 'container.kill');
  return { start, failed, kill };
}

/** Between two AGE columns (whole seconds, floored) the gap lies strictly within one second either way. */
const gap = (olderAge: number, newerAge: number) => ({ min: olderAge - newerAge - 1, max: olderAge - newerAge + 1 });

const CN_BUSYBOX_124 = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec-pod
  labels:
    test: liveness
spec:
  containers:
  - name: liveness-exec
    image: registry.cn-beijing.aliyuncs.com/google_registry/busybox:1.24
    imagePullPolicy: IfNotPresent
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 3
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 50s
containers:
  liveness-exec: { pull: 0 }
`;

describe('transcript: Chinese probe notes, busybox:1.24 from an Aliyun mirror (file 46456571457)', () => {
  it('the image is busybox by its last path segment: `rm -rf` removes the file at 30 s, and cat then prints busybox\'s error', () => {
    const c = runScenario(CN_BUSYBOX_124).scenario!.pod.containers[0]!;
    expect(probeWindows(c, c.livenessProbe!.command)).toEqual([
      { from: 0, to: 30, exitCode: 0, output: '' },
      { from: 30, to: 630, exitCode: 1, output: `${BUSYBOX_CAT}\n` },
    ]);
  });

  it.each(['1.27', '1.31', '1.36'])('`Unhealthy 2s (x3 over 8s)` and `Killing 2s` at 41 s: three failed runs 3 s apart with the published message, the kill at the third (%s) [5.4] [5.13] [15.4]', (version) => {
    const { start, failed, kill } = runOf(runScenario(withVersion(CN_BUSYBOX_124, version)).trace!.events, 'liveness');
    const beforeKill = failed.filter((e) => e.t <= kill!.t);
    expect(beforeKill.map((e) => described('Liveness', e.output))).toEqual(Array(3).fill(`Liveness probe failed: ${BUSYBOX_CAT}`));
    expect(beforeKill.map((e) => e.t - beforeKill[0]!.t)).toEqual([0, 3, 6]);
    expect(kill!.t).toBe(beforeKill[2]!.t);
    // Started 41s, first Unhealthy 8s: 32-34 s after the start; the engine's ticks run from the pod's sync ([5.2]), 1.2 s before it.
    const first = beforeKill[0]!.t - start;
    const published = gap(41, 8);
    expect(first).toBeGreaterThan(published.min);
    expect(first).toBeLessThan(published.max);
  });
});

const CKA_READINESS = `apiVersion: v1
kind: Pod
metadata:
  name: readiness
spec:
    containers:
    - name: readiness
      image: busybox
      args:
      - /bin/sh
      - -c
      - touch /tmp/healthy; sleep 5;rm -rf /tmp/healthy; sleep 600
      readinessProbe:
        exec:
          command:
          - cat
          - /tmp/healthy
        initialDelaySeconds: 10
        periodSeconds: 5
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 60s
containers:
  readiness: { pull: 2.244369424s }
`;

const CKA_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 70s
containers:
  liveness: { pull: 9.153404392s }
`;

describe('transcript: a CKA study guide\'s Health Check page, busybox (file 6336491938)', () => {
  it('readiness: `sleep 5;rm -rf` (no space after the semicolon) leaves the file for 5 s only, so every run from the 10 s delay on fails', () => {
    const c = runScenario(CKA_READINESS).scenario!.pod.containers[0]!;
    expect(probeWindows(c, c.readinessProbe!.command)).toEqual([
      { from: 0, to: 5, exitCode: 0, output: '' },
      { from: 5, to: 605, exitCode: 1, output: `${BUSYBOX_CAT}\n` },
    ]);
  });

  // Not at 1.36+: the on-demand relist ([0.8]) writes the start at once and the ticks fall 1 s earlier than a pre-1.27 node's.
  it.each(['1.27', '1.31', '1.35'])('readiness: `Unhealthy 1s (x7 over 31s)` at 43 s after Started, every one with the published message, the first 12 s after the start; READY stays 0/1 (%s) [5.13] [15.4]', (version) => {
    const trace = runScenario(withVersion(CKA_READINESS, version)).trace!;
    const { start } = runOf(trace.events, 'readiness');
    const { failed } = runOf(trace.events, 'readiness', start + 43);
    expect(failed.map((e) => described('Readiness', e.output))).toEqual(Array(7).fill(`Readiness probe failed: ${BUSYBOX_CAT}`));
    const first = gap(43, 31);
    expect(failed[0]!.t - start).toBeGreaterThan(first.min);
    expect(failed[0]!.t - start).toBeLessThan(first.max);
    expect(trace.events.some((e) => e.type === 'container.ready')).toBe(false);
    expect(trace.events.some((e) => e.type === 'container.kill')).toBe(false);
  });

  it.each(['1.27', '1.31', '1.36'])('liveness-exec with `rm -rf`: `Unhealthy 12s (x3 over 22s)`, `Killing 12s` at 53 s after Started: the first failure 30-32 s after the start, the kill at the third (%s) [5.4] [5.13] [15.4]', (version) => {
    const { start, failed, kill } = runOf(runScenario(withVersion(CKA_LIVENESS, version)).trace!.events, 'liveness');
    const beforeKill = failed.filter((e) => e.t <= kill!.t);
    expect(beforeKill.map((e) => described('Liveness', e.output))).toEqual(Array(3).fill(`Liveness probe failed: ${BUSYBOX_CAT}`));
    expect(kill!.t).toBe(beforeKill[2]!.t);
    const first = gap(53, 22);
    expect(beforeKill[0]!.t - start).toBeGreaterThan(first.min);
    expect(beforeKill[0]!.t - start).toBeLessThan(first.max);
    const killed = gap(53, 12);
    expect(kill!.t - start).toBeGreaterThan(killed.min);
    expect(kill!.t - start).toBeLessThan(killed.max);
  });
});

const LIFECYCLE_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-liveness
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo App started; touch /tmp/healthy; sleep 20; rm -f /tmp/healthy; echo Health file removed; sleep 3600"]
    livenessProbe:
      exec:
        command: ["sh", "-c", "test -f /tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
      failureThreshold: 2
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.35"
until: 75s
containers:
  app: { pull: 0 }
`;

const LIFECYCLE_STARTUP = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-startup
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo 'Application starting...'; sleep 30; touch /tmp/started; echo 'Application started'; sleep 3600"]
    startupProbe:
      exec:
        command: ["sh", "-c", "test -f /tmp/started"]
      periodSeconds: 5
      failureThreshold: 10
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.35"
until: 60s
containers:
  app: { pull: 0 }
`;

describe('transcript: a course\'s session 10 lifecycle pods, `test -f` probes (files 70441151561, 70543313162)', () => {
  it('`sh -c "test -f FILE"` prints nothing: the windows carry an empty output, so describe prints `Liveness probe failed:` bare', () => {
    const live = runScenario(LIFECYCLE_LIVENESS).scenario!.pod.containers[0]!;
    expect(probeWindows(live, live.livenessProbe!.command)).toEqual([
      { from: 0, to: 20, exitCode: 0, output: '' },
      { from: 20, to: 3620, exitCode: 1, output: '' },
    ]);
    const slow = runScenario(LIFECYCLE_STARTUP).scenario!.pod.containers[0]!;
    expect(probeWindows(slow, slow.startupProbe!.command)).toEqual([
      { from: 0, to: 30, exitCode: 1, output: '' },
      { from: 30, to: 3630, exitCode: 0, output: '' },
    ]);
  });

  it.each(['1.35', '1.36', '1.37'])('liveness: `Unhealthy 39s (x2 over 44s)` `Liveness probe failed:`, `Killing 39s`, `Started 9s (x2 over 69s)`: two empty-output failures 5 s apart from 24 s, the kill at the second, the restart a 30 s grace later (`sh` as PID 1 ignores SIGTERM) (%s) [5.13] [8.3] [15.4]', (version) => {
    const events = runScenario(withVersion(LIFECYCLE_LIVENESS, version)).trace!.events;
    const { start, failed, kill } = runOf(events, 'liveness');
    const beforeKill = failed.filter((e) => e.t <= kill!.t);
    expect(beforeKill.map((e) => e.output)).toEqual(['', '']);
    expect(beforeKill.map((e) => described('Liveness', e.output))).toEqual(['Liveness probe failed:', 'Liveness probe failed:']);
    expect(kill!.t - beforeKill[0]!.t).toBe(5);
    expect(kill!.t).toBe(beforeKill[1]!.t);
    // The other run's timestamps: the first failure 24 s after Started (whole seconds); this run's ages: 25-26 s.
    expect(beforeKill[0]!.t - start).toBeGreaterThan(23);
    expect(beforeKill[0]!.t - start).toBeLessThan(26);
    // Started x2 over 69s, the newer 9s: the second start 59-61 s after the first.
    const restarted = events.filter((e) => e.type === 'container.start')[1]!.t - start;
    const published = gap(69, 9);
    expect(restarted).toBeGreaterThan(published.min);
    expect(restarted).toBeLessThan(published.max);
  });

  it.each(['1.35', '1.36', '1.37'])('startup: `Unhealthy 30s (x6 over 55s)` `Startup probe failed:` and `1/1` at 35 s: six empty-output failures, then the pass once the script has touched the file, no kill (%s) [5.13] [15.4]', (version) => {
    const events = runScenario(withVersion(LIFECYCLE_STARTUP, version)).trace!.events;
    const { start, failed, kill } = runOf(events, 'startup');
    expect(failed.map((e) => described('Startup', e.output))).toEqual(Array(6).fill('Startup probe failed:'));
    // The other run: first 13:22:12, last 13:22:37 after Started 13:22:08, i.e. 4 and 29 s.
    expect(failed[0]!.t - start).toBeGreaterThan(3);
    expect(failed[0]!.t - start).toBeLessThan(5);
    expect(failed[5]!.t - failed[0]!.t).toBe(25);
    expect(kill).toBeUndefined();
    const ready = events.find((e) => e.type === 'container.ready')!;
    expect(ready.t).toBeGreaterThan(34);
    expect(ready.t).toBeLessThan(36);
  });
});
