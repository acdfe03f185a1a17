// The gallery's lessons about restarts and versions (galleryLessons.testkit.ts): a container that
// exits at once, restartPolicy: Always on an init container from 1.27 to 1.35, the crash-loop
// back-off's timing. The assertions restate the rules of docs/kubelet-rules.md (section numbers in
// the comments) against the engine's trace.

import { expect } from 'vitest';
import { runScenario } from '../engine/run';
import type { Trace } from '../engine/trace';
import { galleryFiles } from './gallery';
import { first, kubectl, none, of, phases, run } from './galleryTrace.testkit';

export const RESTART_LESSONS: Record<string, () => number | null> = {
  '00b-busybox-exits-at-once.yaml': () => {
    const { trace } = run('00b-busybox-exits-at-once.yaml');
    // Contract section 1: a shell image with no command exits 0 at once.
    for (const name of ['init-myservice', 'init-mydb', 'myapp-container']) {
      const start = first(trace, 'container.start', name);
      const exit = first(trace, 'container.exit', name);
      expect(exit.t).toBe(start.t);
      expect(exit.exitCode).toBe(0);
    }
    // [4.1] Always restarts after any exit; [4.8] exit 0 under Always also backs off.
    const exits = of(trace, 'container.exit', 'myapp-container');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    expect(exits.every((e) => e.exitCode === 0)).toBe(true);
    expect(of(trace, 'container.backoff', 'myapp-container').length).toBeGreaterThan(0);
    expect(phases(trace)).not.toContain('Succeeded');
    return first(trace, 'pod.kubectl', undefined, (e) => e.status === 'CrashLoopBackOff').t;
  },

  '09-restartpolicy-1.27.yaml': () => {
    const r = runScenario(galleryFiles['09-restartpolicy-1.27.yaml']!);
    // [1.2] <= 1.27: the field does not exist; strict field validation rejects the pod.
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((p) => p.path === 'spec.initContainers[2].restartPolicy')).toBe(true);
    expect(errors[0]!.message).toMatch(/unknown field/);
    return null;
  },

  '09-restartpolicy-1.28.yaml': () => {
    const r = run('09-restartpolicy-1.28.yaml');
    const { trace } = r;
    // [1.2] 1.28, gate off: the field is dropped with a warning and istio-proxy is a regular init container.
    expect(trace.kubernetesVersion).toBe('1.28');
    expect(r.problems.some((p) => p.severity === 'warning' && p.path === 'spec.initContainers[2].restartPolicy')).toBe(true);
    expect(trace.containers.find((c) => c.name === 'istio-proxy')?.kind).toBe('init');
    // [2.1] it never exits, so init never completes.
    first(trace, 'container.start', 'istio-proxy');
    none(trace, 'container.exit', 'istio-proxy');
    none(trace, 'container.start', 'myapp-container');
    expect(phases(trace)).toEqual(['Pending']);
    const hang = first(trace, 'pod.kubectl', undefined, (e) => e.status === 'Init:2/3');
    expect(kubectl(trace).at(-1)?.status).toBe('Init:2/3');
    return hang.t;
  },

  '09-restartpolicy-1.28-gate.yaml': () => {
    const r = run('09-restartpolicy-1.28-gate.yaml');
    expect(r.trace.kubernetesVersion).toBe('1.28');
    expect(r.problems.filter((p) => p.severity === 'warning')).toEqual([]);
    return worksAsSidecar(r.trace);
  },

  '09-restartpolicy-1.29.yaml': () => {
    const r = run('09-restartpolicy-1.29.yaml');
    expect(r.trace.kubernetesVersion).toBe('1.29');
    expect(r.problems.filter((p) => p.severity === 'warning')).toEqual([]);
    return worksAsSidecar(r.trace);
  },

  '09-restartpolicy-1.35.yaml': () => {
    const r = run('09-restartpolicy-1.35.yaml');
    const { trace } = r;
    expect(trace.kubernetesVersion).toBe('1.35');
    expect(r.scenario?.pod.restartPolicy).toBe('Never');
    worksAsSidecar(trace);
    // [4.2] [11.1] a matching Restart rule restarts a Never container.
    const crash = first(trace, 'container.exit', 'myapp-container');
    expect(crash.exitCode).toBe(42);
    const restart = first(trace, 'container.start', 'myapp-container', (e) => e.attempt === 1);
    expect(restart.t).toBeGreaterThan(crash.t);
    expect(phases(trace)).not.toContain('Failed');
    // [1.2] up to 1.33 a main container may not carry restartPolicy.
    const old = runScenario(galleryFiles['09-restartpolicy-1.35.yaml']!, { kubernetesVersion: '1.33' });
    expect(old.ok).toBe(false);
    expect(old.problems.some((p) => p.severity === 'error' && p.path.startsWith('spec.containers[0].restartPolicy'))).toBe(true);
    return restart.t;
  },

  '19-command-typo.yaml': () => {
    const { trace } = run('19-command-typo.yaml');
    // [3.5] the runtime refuses every start: each run ends at once with 128 StartError, none starts
    expect(of(trace, 'container.start', 'report')).toEqual([]);
    const exits = of(trace, 'container.exit', 'report');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    for (const e of exits) expect([e.exitCode, e.reason]).toEqual([128, 'StartError']);
    // [10.2] RunContainerError while it waits, [4.5] CrashLoopBackOff once a sync meets the back-off
    const statuses = kubectl(trace).map((e) => e.status);
    expect(statuses).toContain('RunContainerError');
    expect(statuses).toContain('CrashLoopBackOff');
    // [4.5] each refusal counts: the restart count reaches backoffLimit (3), [16.3] and the Job fails
    expect(kubectl(trace).some((e) => e.restarts.startsWith('3'))).toBe(true);
    return first(trace, 'job.failed', undefined, (e) => e.reason === 'BackoffLimitExceeded').t;
  },

  '10-crashloopbackoff-timing.yaml': () => {
    const { trace } = run('10-crashloopbackoff-timing.yaml');
    const c = 'payments-api';
    const exits = of(trace, 'container.exit', c);
    const starts = of(trace, 'container.start', c);
    // [4.5] the wait after each exit: the first restart immediate, then 10s doubling to the 300s
    // cap; attempt 8 runs 11 minutes (> 600s since the last backoff step, [4.5]), so the entry has
    // expired: the next restart is immediate and the sequence starts over (10s after the next exit).
    const expected = [0, 10, 20, 40, 80, 160, 300, 300, 0, 10, 20, 40, 80];
    const waits = exits.slice(0, expected.length).map((exit) => {
      const next = starts.find((s) => s.attempt === exit.attempt + 1);
      const b = of(trace, 'container.backoff', c, (e) => e.t >= exit.t && (next === undefined || e.t <= next.t))[0];
      return { exit, next, delay: b?.delay ?? 0 };
    });
    expect(waits.map((w) => w.delay)).toEqual(expected);
    for (const w of waits) {
      if (!w.next) continue;
      // [4.6] from 1.35 the restart lands at the backoff's expiry (plus at most a sync round).
      expect(w.next.t - w.exit.t).toBeGreaterThanOrEqual(w.delay);
      expect(w.next.t - w.exit.t).toBeLessThan(w.delay + 2);
    }
    const longRun = exits.find((e) => e.attempt === 8)!;
    const longStart = starts.find((s) => s.attempt === 8)!;
    expect(longRun.t - longStart.t).toBeGreaterThan(600);
    // The moment the cap shows: the second 300s wait.
    return of(trace, 'container.backoff', c, (e) => e.delay === 300)[1]!.t;
  },

  '17-started-before-startup-probe-1.34.yaml': () => {
    const { trace } = run('17-started-before-startup-probe-1.34.yaml');
    // [4.4] one liveness kill; [2.2] [5.3] the replacement counts as started only once its startup
    // probe passes, and its liveness probe waits for that: no second kill.
    expect(of(trace, 'container.kill', 'orders')).toHaveLength(1);
    const restart = of(trace, 'container.start', 'orders')[1]!;
    const started = first(trace, 'container.started', 'orders', (e) => e.attempt === 1);
    expect(started.why).toContain('startup probe succeeded');
    none(trace, 'probe.failed', 'orders', (e) => e.probe === 'liveness' && e.attempt === 1 && e.t < started.t);
    expect(kubectl(trace).filter((r) => r.t > restart.t && r.t < started.t).every((r) => r.ready === '0/1')).toBe(true);
    return restart.t;
  },

  '17-started-before-startup-probe-1.35.yaml': () => {
    const { trace } = run('17-started-before-startup-probe-1.35.yaml');
    // [5.15] the replacement takes Started from its name: READY 1/1 at its first status, its
    // liveness probe runs before its startup probe and kills it again (RESTARTS 2), until the
    // startup worker looks at the newest one.
    const copied = first(trace, 'container.started', 'orders', (e) => e.attempt === 1);
    expect(copied.why).toContain('[5.15]');
    expect(kubectl(trace).find((r) => r.t >= copied.t)?.ready).toBe('1/1');
    const kills = of(trace, 'container.kill', 'orders', (e) => e.reason === 'LivenessProbe');
    expect(kills).toHaveLength(2);
    const again = first(trace, 'container.started', 'orders', (e) => e.attempt === 2);
    expect(again.why).toContain('[5.15]');
    const unstarted = first(trace, 'container.unstarted', 'orders');
    expect(unstarted.attempt).toBe(2);
    none(trace, 'probe.failed', 'orders', (e) => e.probe === 'liveness' && e.t > unstarted.t);
    return again.t;
  },

  '18-kubelet-restart-in-startup-1.34.yaml': () => {
    const { trace } = run('18-kubelet-restart-in-startup-1.34.yaml');
    // [0.2] the new kubelet's workers start over: the startup probe runs on until the JVM answers,
    // the container is started then, and its liveness probe never kills it. [5.16] Only the first
    // sync, before AddPod, writes it started (no startup worker yet), and the worker's first look
    // takes that back in the same instant; the next status drops READY again.
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!;
    const [flap, started] = of(trace, 'container.started', 'billing');
    expect(flap!.why).toContain('[5.16]');
    expect(flap!.t).toBeCloseTo(back.t, 6);
    expect(first(trace, 'container.unstarted', 'billing').t).toBeCloseTo(back.t, 6);
    expect(started!.why).toContain('startup probe succeeded');
    expect(started!.t).toBeGreaterThan(back.t + 20);
    none(trace, 'container.kill');
    const settled = back.t + 2; // the next generated status: a relist later
    expect(kubectl(trace).filter((r) => (r.t < back.t || r.t >= settled) && r.t < started!.t).every((r) => r.ready === '0/1')).toBe(true);
    return back.t;
  },

  '18-kubelet-restart-in-startup-1.35.yaml': () => {
    const { trace } = run('18-kubelet-restart-in-startup-1.35.yaml');
    // [5.16] the kubelet's first sync after the restart calls the container started: READY 1/1
    // with the app not up yet; the liveness probe, now running, kills it (RESTARTS 1); the
    // replacement takes Started from its name for a moment ([5.15]), then waits for its startup probe.
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!;
    const started = first(trace, 'container.started', 'billing');
    expect(started.why).toContain('[5.16]');
    expect(started.t).toBeCloseTo(back.t, 6);
    expect(kubectl(trace).find((r) => r.t >= back.t)?.ready).toBe('1/1');
    const up = first(trace, 'container.up', 'billing');
    expect(up.t).toBeGreaterThan(back.t); // READY before the app answers
    const kill = first(trace, 'container.kill', 'billing');
    expect(kill.reason).toBe('LivenessProbe');
    expect(kill.t).toBeLessThan(up.t);
    expect(first(trace, 'container.unstarted', 'billing').attempt).toBe(1);
    return back.t;
  },

  '15-crash-vs-dead-sandbox-crash.yaml': () => {
    const { trace } = run('15-crash-vs-dead-sandbox-crash.yaml');
    // [4.1] the crashed main container is restarted alone, in the same sandbox: no SandboxChanged
    // ([2.11]), the init container and the sidecar run once.
    none(trace, 'pod.sandboxChanged');
    expect(of(trace, 'container.start', 'wait-db')).toHaveLength(1);
    expect(of(trace, 'container.start', 'istio-proxy')).toHaveLength(1);
    none(trace, 'container.kill');
    const restart = first(trace, 'container.start', 'app', (e) => e.attempt === 1);
    expect(restart.t).toBeGreaterThan(20);
    expect(kubectl(trace).at(-1)).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(kubectl(trace).at(-1)!.restarts).toMatch(/^1 /);
    return restart.t;
  },

  '15-crash-vs-dead-sandbox-sandbox.yaml': () => {
    const { trace } = run('15-crash-vs-dead-sandbox-sandbox.yaml');
    // [2.12] the sandbox dies at 20s; at the next relist [2.11] SandboxChanged, [7.1] the condition
    // False, every running container stopped with the pod's grace, then [2.9] the pod runs again
    // from its first init container in the new sandbox.
    const died = trace.events.find((e) => e.type === 'node.sandboxDied');
    if (!died) throw new Error('expected a node.sandboxDied event');
    expect(died.t).toBe(20);
    const changed = first(trace, 'pod.sandboxChanged');
    expect(changed.cause).toEqual([died.id]);
    expect(first(trace, 'pod.condition', undefined, (e) => e.condition === 'PodReadyToStartContainers' && e.t > 20).status).toBe('False');
    for (const c of ['istio-proxy', 'app']) expect(first(trace, 'container.kill', c)).toMatchObject({ reason: 'PodTermination', gracePeriodSeconds: 30 });
    const initAgain = first(trace, 'container.start', 'wait-db', (e) => e.attempt === 1);
    const initDone = first(trace, 'container.exit', 'wait-db', (e) => e.attempt === 1);
    // [2.9] the sidecar, not the first init container, starts again at attempt 0: purgeInitContainers
    // removed its record and log (kubernetes#124002)
    const proxyAgain = first(trace, 'container.start', 'istio-proxy', (e) => e.t > changed.t);
    expect(proxyAgain.attempt).toBe(0);
    const appAgain = first(trace, 'container.start', 'app', (e) => e.attempt === 1);
    expect(initAgain.t).toBeGreaterThan(changed.t);
    expect(proxyAgain.t).toBeGreaterThanOrEqual(initDone.t); // [2.1] in spec order again
    expect(appAgain.t).toBeGreaterThanOrEqual(proxyAgain.t);
    expect(kubectl(trace).at(-1)).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(kubectl(trace).at(-1)!.restarts).toMatch(/^1 /); // the app's: the sidecar's count started again at 0
    return appAgain.t;
  },
};


/** 1.28 with the gate, 1.29+: the proxy is a sidecar and the app starts once it is started. */
function worksAsSidecar(trace: Trace): number {
  expect(trace.containers.find((c) => c.name === 'istio-proxy')?.kind).toBe('sidecar');
  const proxyStarted = first(trace, 'container.started', 'istio-proxy');
  const app = first(trace, 'container.start', 'myapp-container');
  expect(app.t).toBeGreaterThanOrEqual(proxyStarted.t);
  const running = first(trace, 'pod.kubectl', undefined, (e) => e.status === 'Running');
  expect(running.ready).toBe('2/2');
  return running.t;
}
