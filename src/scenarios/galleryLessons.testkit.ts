// The lessons of the gallery as assertions: per scenario file, what must show on its trace and
// the moment it shows. The assertions restate the rules of docs/kubelet-rules.md (section numbers
// in the comments) against the engine's trace; they do not copy its output.

import { expect } from 'vitest';
import { analyzeText } from '../engine/explain/analyzeText';
import { explainPods } from '../engine/explain/explainPods';
import { runScenario } from '../engine/run';
import type { Trace } from '../engine/trace';
import { galleryFiles } from './gallery';
import { first, kubectl, lastPhase, none, of, phases, readyFlips, run, signal } from './galleryTrace.testkit';

export { first, of, phases, run } from './galleryTrace.testkit';

/**
 * Per file: the assertions that show the lesson; returns the moment (seconds) the lesson is on
 * the timeline, which the entry's cursor must not precede. null for a file that does not simulate.
 */
export const CHECKS: Record<string, () => number | null> = {
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

  '01-job-never-finishes-legacy.yaml': () => {
    const { trace } = run('01-job-never-finishes-legacy.yaml');
    const done = first(trace, 'container.exit', 'pi');
    expect(done.exitCode).toBe(0);
    // [6.2c] a running regular container keeps the phase Running; nobody stops it (only
    // sidecars are stopped when the main containers are done, [8.1c]).
    none(trace, 'container.exit', 'log-shipper');
    none(trace, 'container.kill');
    expect(phases(trace)).not.toContain('Succeeded');
    expect(lastPhase(trace)).toBe('Running');
    expect(trace.end - done.t).toBeGreaterThan(120);
    return done.t;
  },

  '01-job-never-finishes-native.yaml': () => {
    const { trace } = run('01-job-never-finishes-native.yaml');
    expect(trace.containers.find((c) => c.name === 'log-shipper')?.kind).toBe('sidecar');
    const done = first(trace, 'container.exit', 'pi');
    // [8.1c] every main container done under Never: the kubelet kills the pod, sidecars included.
    const kill = first(trace, 'container.kill', 'log-shipper');
    expect(kill.t).toBeGreaterThanOrEqual(done.t);
    expect(first(trace, 'container.exit', 'log-shipper').t).toBeGreaterThanOrEqual(kill.t);
    const succeeded = first(trace, 'pod.phase', undefined, (e) => e.phase === 'Succeeded');
    expect(succeeded.t).toBeGreaterThan(done.t);
    expect(succeeded.t - done.t).toBeLessThan(10);
    return succeeded.t;
  },

  '02-app-before-proxy-no-gate.yaml': () => {
    const { trace } = run('02-app-before-proxy-no-gate.yaml');
    // [2.2] no startup probe: started = running, so the app starts before Envoy is up.
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const proxyUp = first(trace, 'container.up', 'istio-proxy');
    const appStart = first(trace, 'container.start', 'checkout');
    expect(proxyStarted.t).toBeLessThan(proxyUp.t);
    expect(appStart.t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(appStart.t).toBeLessThan(proxyUp.t);
    // Its first run (no mesh yet) fails before the proxy is up.
    expect(first(trace, 'container.exit', 'checkout').t).toBeLessThan(proxyUp.t);
    return appStart.t;
  },

  '02-app-before-proxy-startup-probe.yaml': () => {
    const { trace } = run('02-app-before-proxy-startup-probe.yaml');
    // [2.1] [2.2] the next container waits for the sidecar's startup probe to pass.
    const proxyUp = first(trace, 'container.up', 'istio-proxy');
    const probeOk = first(trace, 'probe.result', 'istio-proxy', (e) => e.probe === 'startup' && e.result === 'success');
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const appStart = first(trace, 'container.start', 'checkout');
    expect(probeOk.t).toBeGreaterThanOrEqual(proxyUp.t);
    expect(proxyStarted.t).toBeGreaterThanOrEqual(probeOk.t);
    expect(appStart.t).toBeGreaterThanOrEqual(proxyStarted.t);
    none(trace, 'container.exit', 'checkout');
    return appStart.t;
  },

  '03-startup-gates-readiness-does-not.yaml': () => {
    const { trace } = run('03-startup-gates-readiness-does-not.yaml');
    // [2.2] [5.7] readiness does not gate: istio-proxy starts long before config-reloader is ready.
    const reloaderStarted = first(trace, 'container.started', 'config-reloader');
    const reloaderReady = first(trace, 'container.ready', 'config-reloader');
    const proxyStart = first(trace, 'container.start', 'istio-proxy');
    expect(proxyStart.t).toBeGreaterThanOrEqual(reloaderStarted.t);
    expect(proxyStart.t).toBeLessThan(reloaderReady.t);
    // The startup probe does gate: nginx waits for istio-proxy's startup success.
    const proxyUp = first(trace, 'container.up', 'istio-proxy');
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const nginxStart = first(trace, 'container.start', 'nginx');
    expect(proxyStarted.t).toBeGreaterThanOrEqual(proxyUp.t);
    expect(nginxStart.t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(nginxStart.t).toBeLessThan(reloaderReady.t);
    // [7.3] [7.4] readiness only feeds pod Ready.
    const ready = first(trace, 'pod.condition', undefined, (e) => e.condition === 'Ready' && e.status === 'True');
    expect(ready.t).toBeGreaterThanOrEqual(reloaderReady.t);
    return nginxStart.t;
  },

  '04-init-without-network-legacy.yaml': () => {
    const { trace } = run('04-init-without-network-legacy.yaml');
    expect(trace.containers.find((c) => c.name === 'istio-proxy')?.kind).toBe('main');
    // [3.1] main containers (the proxy here) wait for init; [2.5] a failing init container is retried with backoff.
    none(trace, 'container.start', 'istio-proxy');
    none(trace, 'container.start', 'orders');
    const exits = of(trace, 'container.exit', 'db-migrate');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    expect(exits.every((e) => e.exitCode !== 0)).toBe(true);
    for (const e of exits.slice(0, -1)) first(trace, 'container.start', 'db-migrate', (s) => s.attempt === e.attempt + 1 && s.t > e.t);
    expect(of(trace, 'container.backoff', 'db-migrate').length).toBeGreaterThan(0);
    expect(phases(trace)).toEqual(['Pending']);
    return first(trace, 'pod.kubectl', undefined, (e) => e.status === 'Init:CrashLoopBackOff').t;
  },

  '04-init-without-network-native.yaml': () => {
    const { trace } = run('04-init-without-network-native.yaml');
    // [2.1] the sidecar ahead of db-migrate is started before db-migrate runs.
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const migrate = first(trace, 'container.start', 'db-migrate');
    expect(migrate.t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(of(trace, 'container.exit', 'db-migrate').map((e) => e.exitCode)).toEqual([0]);
    const app = first(trace, 'container.start', 'orders');
    expect(lastPhase(trace)).toBe('Running');
    return app.t;
  },

  '05-termination-order.yaml': () => {
    const { trace } = run('05-termination-order.yaml');
    const deleted = first(trace, 'pod.deleted');
    // [8.4] every preStop hook, sidecars' included, starts at once.
    const hooks = of(trace, 'hook.start', undefined, (e) => e.hook === 'preStop');
    expect(hooks.map((h) => h.container).sort()).toEqual(trace.containers.map((c) => c.name).sort());
    expect(new Set(hooks.map((h) => h.t))).toEqual(new Set([deleted.t]));
    // [8.4] the main container exits before any sidecar gets its SIGTERM ...
    const mainExit = Math.max(...trace.containers.filter((c) => c.kind === 'main').map((c) => first(trace, 'container.exit', c.name).t));
    const sidecars = trace.containers.filter((c) => c.kind === 'sidecar').sort((a, b) => b.index - a.index);
    expect(sidecars.map((c) => c.name)).toEqual(['otel-collector', 'istio-proxy', 'fluent-bit']);
    const terms = sidecars.map((c) => first(trace, 'container.signal', c.name, (e) => e.signal === 'SIGTERM').t);
    for (const t of terms) expect(t).toBeGreaterThanOrEqual(mainExit);
    // ... and sidecars get it one by one in reverse spec order, each after the later one exited.
    for (let i = 1; i < sidecars.length; i++) {
      expect(terms[i]!).toBeGreaterThan(terms[i - 1]!);
      expect(terms[i]!).toBeGreaterThanOrEqual(first(trace, 'container.exit', sidecars[i - 1]!.name).t);
    }
    none(trace, 'container.signal', undefined, (e) => e.signal === 'SIGKILL');
    expect(lastPhase(trace)).toBe('Succeeded');
    return terms.at(-1)!;
  },

  '06-shared-grace-period.yaml': () => {
    const { trace } = run('06-shared-grace-period.yaml');
    const deleted = first(trace, 'pod.deleted');
    const graceEnd = deleted.t + deleted.gracePeriodSeconds;
    expect(deleted.gracePeriodSeconds).toBe(30);
    // [8.5] the main container outlasts the grace: SIGKILL, 137.
    expect(first(trace, 'container.signal', 'worker', (e) => e.signal === 'SIGKILL').t).toBeCloseTo(graceEnd, 3);
    expect(first(trace, 'container.exit', 'worker').exitCode).toBe(137);
    // [8.3] [8.4] [8.5] the sidecar's turn comes only at the end of the grace; it gets the 2s minimum.
    const term = first(trace, 'container.signal', 'istio-proxy', (e) => e.signal === 'SIGTERM');
    const kill = first(trace, 'container.signal', 'istio-proxy', (e) => e.signal === 'SIGKILL');
    expect(term.t).toBeCloseTo(graceEnd, 3);
    expect(kill.t - term.t).toBeCloseTo(2, 3);
    const exit = first(trace, 'container.exit', 'istio-proxy');
    expect(exit.exitCode).toBe(137);
    expect(exit.t).toBe(kill.t);
    return kill.t;
  },

  '07-exit-codes-137-143.yaml': () => {
    const { trace } = run('07-exit-codes-137-143.yaml');
    const done = first(trace, 'container.exit', 'report');
    expect(done.exitCode).toBe(0);
    // [8.6] SIGTERM unhandled -> 143; PID 1 ignoring SIGTERM -> SIGKILL -> 137.
    const proxy = first(trace, 'container.exit', 'cloud-sql-proxy');
    const tailer = first(trace, 'container.exit', 'log-tailer');
    expect(proxy.exitCode).toBe(143);
    expect(tailer.exitCode).toBe(137);
    expect(signal(trace, 'log-tailer', 'SIGKILL').length).toBe(1);
    for (const e of [proxy, tailer]) expect(e.t).toBeGreaterThan(done.t);
    // [6.3] sidecar exit codes never change the phase.
    const succeeded = first(trace, 'pod.phase', undefined, (e) => e.phase === 'Succeeded');
    expect(succeeded.t).toBeGreaterThanOrEqual(Math.max(proxy.t, tailer.t));
    expect(phases(trace)).not.toContain('Failed');
    expect(kubectl(trace).at(-1)?.status).toBe('Completed');
    return succeeded.t;
  },

  '08-sidecar-crash-under-never.yaml': () => {
    const r = run('08-sidecar-crash-under-never.yaml');
    const { trace } = r;
    expect(r.scenario?.pod.restartPolicy).toBe('Never');
    const exits = of(trace, 'container.exit', 'istio-proxy');
    const starts = of(trace, 'container.start', 'istio-proxy');
    const crash1 = exits[0]!;
    const crash2 = exits[1]!;
    expect(crash1.exitCode).not.toBe(0);
    // [4.3] restarted under Never; [4.5] the first restart is immediate, the second waits 10s.
    const restart1 = starts.find((s) => s.attempt === 1)!;
    const restart2 = starts.find((s) => s.attempt === 2)!;
    expect(restart1.t).toBeGreaterThan(crash1.t);
    expect(restart1.t - crash1.t).toBeLessThan(10);
    none(trace, 'container.backoff', 'istio-proxy', (e) => e.t > crash1.t && e.t < restart1.t);
    const backoff = first(trace, 'container.backoff', 'istio-proxy', (e) => e.t > crash2.t);
    expect(backoff.delay).toBe(10);
    expect(restart2.t - crash2.t).toBeGreaterThanOrEqual(10);
    // [9] [7.3] [7.4] the pod is not Ready until the sidecar is ready again.
    const flips = readyFlips(trace).filter((e) => e.t >= crash1.t && e.t < crash2.t).map((e) => e.status);
    expect(flips).toEqual(['False', 'True']);
    const notReady = first(trace, 'pod.condition', undefined, (e) => e.condition === 'Ready' && e.status === 'False' && e.t >= crash1.t);
    const readyAgain = first(trace, 'pod.condition', undefined, (e) => e.condition === 'Ready' && e.status === 'True' && e.t > crash1.t);
    expect(readyAgain.t).toBeGreaterThanOrEqual(first(trace, 'container.ready', 'istio-proxy', (e) => e.attempt === 1).t);
    expect(notReady.t).toBeLessThanOrEqual(restart1.t + 1);
    // The main container is left alone, and a sidecar's crash does not fail the pod [6.3].
    expect(of(trace, 'container.start', 'transcode').length).toBe(1);
    expect(first(trace, 'container.exit', 'transcode').t).toBeGreaterThan(restart2.t);
    expect(phases(trace)).toEqual(['Pending', 'Running', 'Succeeded']);
    return restart1.t;
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

  '11-vault-before-mesh.yaml': () => {
    const { trace } = run('11-vault-before-mesh.yaml');
    // [2.1] start in spec order, each after the previous sidecar is started.
    const vaultStarted = first(trace, 'container.started', 'vault-agent');
    const proxyStart = first(trace, 'container.start', 'istio-proxy');
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    expect(first(trace, 'container.start', 'vault-agent').t).toBeLessThan(proxyStart.t);
    expect(proxyStart.t).toBeGreaterThanOrEqual(vaultStarted.t);
    expect(first(trace, 'container.start', 'ledger').t).toBeGreaterThanOrEqual(proxyStarted.t);
    // [8.4] stop in reverse: ledger, then istio-proxy, then vault-agent.
    const ledgerExit = first(trace, 'container.exit', 'ledger');
    const proxyTerm = first(trace, 'container.signal', 'istio-proxy', (e) => e.signal === 'SIGTERM');
    const proxyExit = first(trace, 'container.exit', 'istio-proxy');
    const vaultTerm = first(trace, 'container.signal', 'vault-agent', (e) => e.signal === 'SIGTERM');
    const vaultExit = first(trace, 'container.exit', 'vault-agent');
    expect(proxyTerm.t).toBeGreaterThanOrEqual(ledgerExit.t);
    expect(vaultTerm.t).toBeGreaterThanOrEqual(proxyExit.t);
    expect(vaultTerm.t).toBeGreaterThan(proxyTerm.t);
    expect(lastPhase(trace)).toBe('Succeeded');
    return vaultExit.t;
  },

  '12-hung-poststart.yaml': () => {
    const { trace } = run('12-hung-poststart.yaml');
    // [3.3] the hook never returns: no later container starts, and the status stays ContainerCreating.
    const hook = first(trace, 'hook.start', 'search-api', (e) => e.hook === 'postStart');
    none(trace, 'hook.end', 'search-api');
    none(trace, 'container.start', 'metrics-exporter');
    none(trace, 'container.started', 'search-api');
    const statuses = new Set(kubectl(trace).map((e) => e.status));
    expect(statuses).toEqual(new Set(['ContainerCreating']));
    expect(phases(trace)).toEqual(['Pending']);
    expect(trace.end - hook.t).toBeGreaterThan(60);
    return hook.t;
  },

  '13-explain-stuck-pod.yaml': () => {
    // Issue 14: a real pod is explained, not simulated. [2.2] the sidecar runs but is not started
    // (its startup probe has not passed), so the app waits [2.1]; [5.4] the probe gives up at
    // startedAt + failureThreshold × periodSeconds.
    const read = analyzeText(galleryFiles['13-explain-stuck-pod.yaml']!);
    if (read.kind !== 'explain') throw new Error('13-explain-stuck-pod.yaml is not read as a real pod');
    const [pod] = explainPods(read.input);
    expect(pod!.kubectl.status).toBe('Init:1/2');
    expect(pod!.phase.value).toBe('Pending');
    expect(pod!.containers.find((c) => c.name === 'mesh-proxy')!.words).toMatch(/running but not started/);
    expect(pod!.next.find((n) => n.container === 'mesh-proxy')).toMatchObject({ action: 'kill', at: Date.UTC(2025, 2, 1, 10, 2, 14) / 1000 + 30 * 2 });
    expect(pod!.next.find((n) => n.container === 'checkout')).toMatchObject({ action: 'wait', at: null });
    return 0;
  },

  '14-job-parallel-indexed.yaml': () => {
    const { trace } = run('14-job-parallel-indexed.yaml');
    const pods = trace.pods ?? [];
    // [16.4] pods named <job>-<index>-<suffix>, one index each; [16.2] never more than parallelism (2) at once.
    for (const p of pods) expect(p.name).toMatch(new RegExp(`^work-${p.index}-[a-z0-9]{5}$`));
    const finished = (name: string) => first(trace, 'pod.phase', undefined, (e) => e.pod === name && (e.phase === 'Succeeded' || e.phase === 'Failed')).t;
    for (const p of pods) expect(pods.filter((q) => q.start <= p.start && finished(q.name) > p.start).length).toBeLessThanOrEqual(2);
    expect(pods.filter((p) => p.start === 0)).toHaveLength(2);
    // Index 1 fails once and a new pod is created for the same index ([16.4]).
    const index1 = pods.filter((p) => p.index === 1);
    expect(index1.map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
    expect([0, 2, 3].map((i) => pods.filter((p) => p.index === i).map((p) => p.phase))).toEqual([['Succeeded'], ['Succeeded'], ['Succeeded']]);
    // [16.2] complete once four indexes succeeded, after the last pod.
    const done = first(trace, 'job.complete');
    expect(done.t).toBeGreaterThanOrEqual(finished(pods.at(-1)!.name));
    return index1[1]!.start;
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
