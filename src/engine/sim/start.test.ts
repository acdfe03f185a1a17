// doBackOff after a kill (KR/kuberuntime_manager.go SyncPod + doBackOff, read for 1.27-1.36): the
// kill and the restart of a probe-failed container happen in one SyncPod, and the back-off is
// judged from the status snapshot taken before the kill ([4.5]).
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { buildScenario, type ContainerDesc } from '../testing/build';
import type { Trace, TraceEvent } from '../trace';
import type { KubeVersion } from '../version';

const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container: string) =>
  trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && (e as { container?: string }).container === container);

/** For each kill: how long after it the next start came, and the back-off announced in between (0: none). */
function afterEachKill(trace: Trace, name: string): { gap: number; delay: number }[] {
  const starts = of(trace, 'container.start', name);
  const backoffs = of(trace, 'container.backoff', name);
  return of(trace, 'container.kill', name).flatMap((kill) => {
    const next = starts.find((s) => s.t > kill.t);
    if (!next) return [];
    const b = backoffs.find((e) => e.t >= kill.t && e.t <= next.t);
    return [{ gap: Math.round((next.t - kill.t) * 10) / 10, delay: b?.delay ?? 0 }];
  });
}

/** A container whose liveness (or startup) probe fails for good: killed every 30 s of running. */
function probeKilled(version: KubeVersion, probe: 'liveness' | 'startup', kind: 'main' | 'sidecar' = 'main'): Trace {
  const c: ContainerDesc = { name: 'app', kind, [`${probe}Probe`]: { periodSeconds: 10, failureThreshold: 3 } };
  const main = kind === 'main' ? [c] : [{ name: 'worker' }];
  return simulate(buildScenario({
    until: 400, version, init: kind === 'sidecar' ? [c] : [], main,
    events: [{ at: 0, do: probe === 'liveness' ? 'failLiveness' : 'failStartup', container: 'app', for: 10_000 }],
  }));
}

describe('doBackOff reads the status from before the kill (kuberuntime_manager.go SyncPod, doBackOff; 1.27-1.36) [4.5]', () => {
  // Each run lasts 30 s (3 failed probes, 10 s apart). Kill 1: the snapshot holds only the running
  // instance, so no back-off and no Next. Kill k > 1: the newest exited instance is the one killed
  // 30 s earlier; 30 s ≥ 10, 20 (Next each time), but 30 s < 40: the 5th kill waits.
  for (const version of ['1.27', '1.29', '1.34', '1.35', '1.36'] as const) {
    it(`a liveness-killed main container restarts at once four times, then waits (CrashLoopBackOff 40s) on ${version}`, () => {
      const waits = afterEachKill(probeKilled(version, 'liveness'), 'app');
      expect(waits.slice(0, 4).map((w) => w.delay)).toEqual([0, 0, 0, 0]);
      for (const w of waits.slice(0, 4)) expect(w.gap).toBeLessThan(1);
      expect(waits[4]!.delay).toBe(40);
      // The wait counts from the 5th kill's own exit, seen by the next sync ([4.6]: ≤1.34 up to a requeue late).
      expect(waits[4]!.gap).toBeGreaterThanOrEqual(40);
      expect(waits[4]!.gap).toBeLessThan(version >= '1.35' ? 42 : 56);
      expect(waits[5]!.delay).toBe(80);
    });
  }

  it('a 50 s kill interval first backs off at the 6th kill, "after 5th or 6th restart" (kubernetes/kubernetes PR #22241, 2016) on 1.31', () => {
    // https://github.com/kubernetes/kubernetes/pull/22241: "the restart interval between old and new
    // containers will be about 40 seconds. The initial backoff delay is 10s, so the container will
    // be in back-off state after 5th or 6th restart." With 50 s runs: Next gives 10, 20, 40, 80 at
    // kills 2-5 (each run ≥ the back-off), and the 6th kill finds 50 s < 80 s.
    const trace = simulate(buildScenario({
      until: 500, version: '1.31', main: [{ name: 'app', livenessProbe: { periodSeconds: 10, failureThreshold: 5 } }],
      events: [{ at: 0, do: 'failLiveness', container: 'app', for: 10_000 }],
    }));
    expect(afterEachKill(trace, 'app').slice(0, 6).map((w) => w.delay)).toEqual([0, 0, 0, 0, 0, 80]);
  });

  it('a startup-probe kill follows the same arithmetic (reason StartupProbe) on 1.33', () => {
    const trace = probeKilled('1.33', 'startup');
    expect(of(trace, 'container.kill', 'app')[0]!.reason).toBe('StartupProbe');
    expect(afterEachKill(trace, 'app').slice(0, 5).map((w) => w.delay)).toEqual([0, 0, 0, 0, 40]);
  });

  it('a liveness-killed sidecar is restarted the same way (doBackOff is shared by init containers) on 1.33', () => {
    const trace = probeKilled('1.33', 'liveness', 'sidecar');
    expect(afterEachKill(trace, 'app').slice(0, 5).map((w) => w.delay)).toEqual([0, 0, 0, 0, 40]);
  });

  it('explains a refusal in the kill sync by the previous run, then kubectl shows CrashLoopBackOff', () => {
    const trace = probeKilled('1.35', 'liveness');
    const b = of(trace, 'container.backoff', 'app')[0]!;
    expect(b.why).toContain('status read before the kill');
    // The immediate restarts before it say why they did not wait.
    const [first, second] = of(trace, 'container.start', 'app').slice(1, 3);
    expect(first!.why).toContain('had no earlier exit');
    expect(second!.why).toMatch(/previous run ended 30(\.\d)?s ago/);
    const statuses = trace.events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl' && e.t > b.t);
    expect(statuses[0]!.status).toBe('CrashLoopBackOff');
    // Exactly one back-off event per wait, though every sync in between re-checks.
    expect(of(trace, 'container.backoff', 'app').filter((e) => e.t >= b.t && e.t < b.t + 40)).toHaveLength(1);
  });

  it('a container that exits by itself is still judged by its own exit: at once, then 10 s (contrast) on 1.35', () => {
    const trace = simulate(buildScenario({ until: 200, version: '1.35', main: [{ name: 'app', behavior: { exitAfter: 30, exitCode: 1 } }] }));
    expect(of(trace, 'container.backoff', 'app').map((e) => e.delay).slice(0, 2)).toEqual([10, 20]);
  });
});

describe('GC of an idle back-off entry (client-go backoff.go GC via HandlePodCleanups; kubelet.go HasExpiredFunc) [4.5] [4.6]', () => {
  // Runs 0-6 crash after 1 s, stepping the back-off to the 300 s cap; run 7 lasts 420 s (under
  // the 600 s reset, so still in back-off at its exit); run 8 crashes after 1 s again.
  const crashLoop = (version: KubeVersion) => simulate(buildScenario({
    until: 2400, version, main: [{ name: 'app', behavior: { exitAfter: 1, exitCode: 1, attempts: { 7: { exitAfter: 420 } } } }],
  }));
  const gapAfter = (trace: Trace, attempt: number) => {
    const exit = of(trace, 'container.exit', 'app').find((e) => e.attempt === attempt)!;
    const next = of(trace, 'container.start', 'app').find((e) => e.attempt === attempt + 1)!;
    return next.t - exit.t;
  };

  it('up to 1.34 the entry is dropped 600 s after the last step, so run 8 starts before the 300 s are over', () => {
    const trace = crashLoop('1.34');
    expect(gapAfter(trace, 7)).toBeGreaterThan(180);
    expect(gapAfter(trace, 7)).toBeLessThan(200);
    // The dropped entry starts again at 10 s.
    expect(of(trace, 'container.backoff', 'app').find((e) => e.t > of(trace, 'container.exit', 'app').find((x) => x.attempt === 8)!.t)!.delay).toBe(10);
  });

  it('from 1.35 the requeue is capped at the 60 s resync, so the first one past the 600 s mark restarts it, at 10 s again', () => {
    const trace = crashLoop('1.35');
    // Exit at last step + 421 s; requeues 60, 120, 180 s later; the third is past 600 s.
    expect(gapAfter(trace, 7)).toBeGreaterThanOrEqual(180);
    expect(gapAfter(trace, 7)).toBeLessThan(182);
    expect(gapAfter(trace, 8)).toBeGreaterThanOrEqual(10);
    expect(gapAfter(trace, 8)).toBeLessThan(12);
  });
});

describe('the 1.35 requeue takes the earliest back-off expiry of the sync (pod_workers.go, kubecontainer MinBackoffExpiration; PR #133066) [4.6]', () => {
  it('two crash-looping containers each restart at their own expiry on 1.35', () => {
    const trace = simulate(buildScenario({
      until: 300, version: '1.35',
      main: [{ name: 'a', behavior: { exitAfter: 1, exitCode: 1 } }, { name: 'b', behavior: { exitAfter: 25, exitCode: 1 } }],
    }));
    for (const name of ['a', 'b']) {
      const exits = of(trace, 'container.exit', name);
      const starts = of(trace, 'container.start', name);
      for (const exit of exits) {
        const b = of(trace, 'container.backoff', name).find((e) => e.t >= exit.t && e.t < exit.t + 1);
        const next = starts.find((s) => s.attempt === exit.attempt + 1);
        if (!b || !next) continue;
        expect(next.t - exit.t, `${name} attempt ${exit.attempt}`).toBeLessThan(b.delay + 2);
      }
    }
  });
});
