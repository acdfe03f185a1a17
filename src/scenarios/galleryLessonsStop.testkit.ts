// The gallery's lessons about finishing and stopping (galleryLessons.testkit.ts): a Job whose
// sidecar kept it running, termination order, the shared grace period, exit codes 137 and 143, a
// sidecar crash under restartPolicy Never, two sidecars stopped in reverse. The assertions restate
// the rules of docs/kubelet-rules.md (section numbers in the comments) against the engine's trace.

import { expect } from 'vitest';
import { first, kubectl, lastPhase, none, of, phases, readyFlips, run, signal } from './galleryTrace.testkit';
import { runScenario } from '../engine/run';
import type { NodeEvent } from '../engine/trace';
import { galleryFiles } from './gallery';

export const STOPPING_LESSONS: Record<string, () => number | null> = {
  '23-deleted-during-pull.yaml': () => {
    const { trace } = run('23-deleted-during-pull.yaml');
    const deleted = first(trace, 'pod.deleted');
    // [3.4] the sync under way at the deletion runs on: train's pull ends and train starts after it
    const pulled = first(trace, 'container.pulled', 'train');
    const start = first(trace, 'container.start', 'train');
    expect(pulled.t).toBeGreaterThan(deleted.t + 20);
    expect(start.t).toBeGreaterThan(pulled.t);
    // [14.4] meanwhile the pod is Terminating with the sidecar running and ready (1/2), then 2/2
    const terminating = kubectl(trace).filter((e) => e.status === 'Terminating');
    expect(terminating.map((e) => e.ready)).toEqual(['1/2', '2/2']);
    none(trace, 'container.kill', 'log-shipper', (e) => e.t < start.t);
    // [8.4] only then the kill: the app first, the sidecar after it
    const trainExit = first(trace, 'container.exit', 'train');
    const sidecarSignal = first(trace, 'container.signal', 'log-shipper');
    expect(first(trace, 'container.kill', 'train').t).toBeGreaterThanOrEqual(start.t);
    expect(sidecarSignal.t).toBeGreaterThanOrEqual(trainExit.t);
    expect(kubectl(trace).at(-1)!.status).toBe('Completed');
    return deleted.t; // from here on: Terminating, the sidecar running, train still pulling
  },

  '24-force-deleted.yaml': () => {
    const { trace } = run('24-force-deleted.yaml');
    const deleted = first(trace, 'pod.deleted');
    // [8.2] grace 0 removes the object at once: pod.gone at the deletion, nothing written after it
    expect(first(trace, 'pod.gone').t).toBe(deleted.t);
    expect(trace.events.filter((e) => e.t > deleted.t && (e.type === 'pod.kubectl' || e.type === 'pod.phase' || e.type === 'pod.condition'))).toEqual([]);
    // but the kubelet reads 0 as no value: SIGTERM with the spec's 30 s, app drains 20 s, then envoy ([8.4])
    const appSignal = first(trace, 'container.signal', 'app');
    expect([appSignal.t, appSignal.signal]).toEqual([deleted.t, 'SIGTERM']);
    const appExit = first(trace, 'container.exit', 'app');
    expect([appExit.t - deleted.t, appExit.exitCode]).toEqual([20, 0]);
    expect(first(trace, 'container.signal', 'envoy').t).toBeGreaterThanOrEqual(appExit.t);
    none(trace, 'container.signal', 'app', (e) => e.signal === 'SIGKILL');
    return deleted.t; // from here on the pod is gone while app drains on the node
  },

  '25-kubelet-restart-while-terminating.yaml': () => {
    const { trace } = run('25-kubelet-restart-while-terminating.yaml');
    const deleted = first(trace, 'pod.deleted');
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!.t;
    // [8.14] the old kubelet's SIGKILL, due at the deletion + 30 s, never comes
    none(trace, 'container.signal', 'app', (e) => e.signal === 'SIGKILL' && e.t < back + 30);
    const kills = trace.events.filter((e) => e.type === 'container.kill' && e.container === 'app');
    expect(kills.map((e) => e.t - deleted.t)).toEqual([0, 21]);
    // one SIGTERM only: the runtime does not send it twice; SIGKILL the whole grace after the new kill
    const appSignals = trace.events.filter((e) => e.type === 'container.signal' && e.container === 'app');
    expect(appSignals.map((e) => (e as { signal: string }).signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(appSignals[1]!.t).toBe(kills[1]!.t + 30);
    expect(first(trace, 'container.signal', 'envoy').t).toBeGreaterThanOrEqual(appSignals[1]!.t);
    return kills[1]!.t; // the new kubelet's kill, the whole 30 s again (the old SIGKILL, due at 40 s, never comes)
  },

  '26-evicted-one-second.yaml': () => {
    const { trace } = run('26-evicted-one-second.yaml');
    const evicted = trace.events.find((e) => e.type === 'node.eviction')!;
    // [8.15] 1 s from 1.31: app's SIGTERM at once, envoy's turn times out after 1 s, app SIGKILLed at the 2 s floor
    expect(trace.events.filter((e) => e.type === 'container.kill').map((e) => (e as { gracePeriodSeconds: number }).gracePeriodSeconds)).toEqual([1, 1]);
    const envoyTerm = first(trace, 'container.signal', 'envoy');
    expect([envoyTerm.t - evicted.t, envoyTerm.signal]).toEqual([1, 'SIGTERM']);
    const appExit = first(trace, 'container.exit', 'app');
    expect([appExit.t - evicted.t, appExit.exitCode]).toEqual([2, 137]);
    // kubectl: 2/2 Running until the kill is over, then 0/2 Error; never Terminating, never removed
    const rows = kubectl(trace).filter((e) => e.t >= evicted.t).map((e) => [e.t - evicted.t, e.ready, e.status]);
    expect(rows).toEqual([[2, '0/2', 'Error']]);
    none(trace, 'pod.kubectl', undefined, (e) => e.status === 'Terminating');
    none(trace, 'pod.gone');
    expect(trace.events.filter((e) => e.type === 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    return envoyTerm.t; // envoy stops while app still drains, and kubectl still says 2/2 Running
  },

  '27-evicted-exit-lost.yaml': () => {
    const { trace } = run('27-evicted-exit-lost.yaml');
    const evicted = trace.events.find((e): e is NodeEvent => e.type === 'node.eviction')!;
    // [8.15] app exits 0 on its SIGTERM at once; the relist a second later reports it, and the pod
    // worker, told the pod is evicted, has the deletor remove it
    const appExit = first(trace, 'container.exit', 'app');
    expect([appExit.t, appExit.exitCode]).toEqual([evicted.t, 0]);
    const removed = trace.events.find((e): e is NodeEvent => e.type === 'node.containersRemoved')!;
    expect(removed.t).toBe(evicted.t + 1);
    expect(removed.cause).toContain(appExit.id);
    // log-shipper flushes past the 1 s grace: SIGKILL at the 2 s floor; then the final status
    expect(first(trace, 'container.signal', 'log-shipper', (e) => e.signal === 'SIGKILL').t).toBe(evicted.t + 2);
    const app = (trace.statusWrites ?? []).filter((w) => w.container === 'app').at(-1)!;
    expect([app.state, app.reason, app.exitCode, app.restartCount]).toEqual(['terminated', 'ContainerStatusUnknown', 137, 1]);
    expect(lastPhase(trace)).toBe('Failed');
    expect(kubectl(trace).at(-1)).toMatchObject({ ready: '0/2', status: 'ContainerStatusUnknown', restarts: '1' });
    // [7.2] up to 1.35 Initialized turns False (no main container left Running or Terminated): Init:Error
    const old = runScenario(galleryFiles['27-evicted-exit-lost.yaml']!.replace('kubernetesVersion: "1.37"', 'kubernetesVersion: "1.33"'));
    expect(kubectl(old.trace!).at(-1)).toMatchObject({ ready: '0/2', status: 'Init:Error', restarts: '0' });
    return removed.t; // the moment app's record goes: everything after can only guess its exit
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

  '21-sidecar-shell-sh.yaml': () => {
    const { trace } = run('21-sidecar-shell-sh.yaml');
    const done = first(trace, 'container.exit', 'report');
    // [8.1c] the report is done: the kubelet stops the sidecar, with the nginx image's STOPSIGNAL,
    // SIGQUIT [8.13]. [15.3] Debian's sh forks nginx and stays PID 1, which drops it: SIGKILL at the
    // end of the 30 s grace period, 137 [8.6].
    const term = first(trace, 'container.signal', 'proxy', (e) => e.signal === 'SIGQUIT');
    expect(term.t).toBeGreaterThanOrEqual(done.t);
    expect(first(trace, 'container.signal', 'proxy', (e) => e.signal === 'SIGKILL').t - term.t).toBeCloseTo(30, 6);
    const proxy = first(trace, 'container.exit', 'proxy');
    expect(proxy.exitCode).toBe(137);
    // [6.3] the pod completes only then, Succeeded whatever the sidecar's code; kubectl shows
    // `1/2 Completed` meanwhile ([14.1], kubernetes/kubectl#1739).
    const succeeded = first(trace, 'pod.phase', undefined, (e) => e.phase === 'Succeeded');
    expect(succeeded.t).toBeCloseTo(proxy.t, 6);
    expect(kubectl(trace).some((r) => r.ready === '1/2' && r.status === 'Completed' && r.t < proxy.t)).toBe(true);
    return term.t;
  },

  '21-sidecar-shell-bash.yaml': () => {
    const { trace } = run('21-sidecar-shell-bash.yaml');
    // [15.3] bash execs the script's last command: nginx is PID 1 and stops at once on its image's
    // stop signal, SIGQUIT [8.13], with 0.
    const term = first(trace, 'container.signal', 'proxy', (e) => e.signal === 'SIGQUIT');
    const proxy = first(trace, 'container.exit', 'proxy');
    expect(proxy.exitCode).toBe(0);
    expect(proxy.t).toBeCloseTo(term.t, 6);
    expect(signal(trace, 'proxy', 'SIGKILL')).toHaveLength(0);
    expect(first(trace, 'pod.phase', undefined, (e) => e.phase === 'Succeeded').t).toBeCloseTo(term.t, 6);
    return term.t;
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

  '16-ready-while-terminating-1.34.yaml': () => {
    const { trace } = run('16-ready-while-terminating-1.34.yaml');
    // [5.13] [5.5] the probe runs on through the deletion: the preStop's file fails it, and the
    // pod is unready within a period, long before the container stops.
    const deleted = first(trace, 'pod.deleted');
    none(trace, 'probe.errored');
    const unready = first(trace, 'container.unready', 'web', (e) => e.t >= deleted.t);
    expect(unready.t - deleted.t).toBeLessThanOrEqual(3);
    expect(unready.t).toBeLessThan(first(trace, 'container.exit', 'web').t);
    expect(kubectl(trace).filter((r) => r.t <= unready.t).at(-1)?.ready).toBe('0/1');
    return unready.t;
  },

  '16-ready-while-terminating-1.35.yaml': () => {
    const { trace } = run('16-ready-while-terminating-1.35.yaml');
    // [5.14] from the deletion on every exec run errors and is thrown away: Ready stays True until
    // the container stops.
    const deleted = first(trace, 'pod.deleted');
    const exit = first(trace, 'container.exit', 'web');
    const errored = of(trace, 'probe.errored', 'web');
    expect(errored.length).toBeGreaterThanOrEqual(5);
    expect(errored.every((e) => e.t >= deleted.t && e.t <= exit.t)).toBe(true);
    none(trace, 'container.unready', 'web', (e) => e.t < exit.t);
    expect(kubectl(trace).filter((r) => r.t < exit.t).at(-1)?.ready).toBe('1/1');
    return deleted.t; // the row turns Terminating and stays 1/1
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
};
