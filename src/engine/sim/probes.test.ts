// The prober against the kubelet's own code (pkg/kubelet/prober, read for 1.27-1.36): each test
// names the upstream function it checks.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';

function run(text: string, version?: string): Trace {
  const res = runScenario(text, version ? { kubernetesVersion: version } : {});
  if (!res.trace) throw new Error(res.problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n'));
  return res.trace;
}
const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string) =>
  trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && (container === undefined || (e as { container?: string }).container === container));
const times = (trace: Trace, type: TraceEvent['type'], container: string) => of(trace, type, container).map((e) => e.t);

function pod(app: string, sim = '', policy = 'Always'): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: ${policy}
  containers:
    - name: app
      image: example/app:1
${app.replace(/^/gm, '      ')}
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 3m
${sim}`;
}

describe('prober_manager.go UpdatePodStatus: manualTriggerCh (1.27-1.36) [5.9]', () => {
  it('makes a container ready about a second after it starts, not a whole periodSeconds later (1.35)', () => {
    const t = run(pod('readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 60 }'), '1.35');
    const start = times(t, 'container.start', 'app')[0]!;
    const ready = times(t, 'container.ready', 'app')[0]!;
    expect(ready - start).toBeGreaterThan(0);
    expect(ready - start).toBeLessThanOrEqual(2);
  });

  it('makes it ready as it starts from 1.36: the on-demand relist after the starting sync brings the sync whose status triggers the probe (SyncPod postSync [0.8])', () => {
    const t = run(pod('readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 60 }'), '1.36');
    expect(times(t, 'container.ready', 'app')[0]).toBe(times(t, 'container.start', 'app')[0]);
  });
});

describe('worker.go run: the ticker after a manual run [5.2]', () => {
  const text = pod('readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 10 }', 'containers:\n  app: { readyAfter: 15s }');
  it('keeps the ticks on the worker\'s creation up to 1.31', () => {
    const ready = times(run(text, '1.31'), 'container.ready', 'app')[0]!;
    expect(ready % 10).toBeCloseTo(0, 6);
  });
  it('counts the next tick from the manual run from 1.32 (probeTicker.Reset)', () => {
    const t = run(text, '1.32');
    const ready = times(t, 'container.ready', 'app')[0]!;
    expect(ready % 10).not.toBeCloseTo(0, 6);
    expect(ready - times(t, 'container.start', 'app')[0]!).toBeGreaterThanOrEqual(15);
  });
});

describe('worker.go doProbe: a new container ID resets only the result, not lastResult/resultRun (1.27-1.36) [5.10]', () => {
  it('meets successThreshold 3 with one success after a restart', () => {
    const t = run(pod('readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 5, successThreshold: 3 }', 'containers:\n  app: { exitAfter: 40s, exitCode: 1 }'));
    const [s1, s2] = times(t, 'container.start', 'app');
    const [r1, r2] = times(t, 'container.ready', 'app');
    expect(r1! - s1!).toBeGreaterThanOrEqual(5); // three successes take at least a period the first time
    expect(r2! - s2!).toBeLessThanOrEqual(2); // one is enough after the restart
    const why = of(t, 'probe.result', 'app').filter((e) => e.probe === 'readiness' && e.result === 'success').at(-1)!.why;
    expect(why).toContain('[5.10]');
  });
});

describe('worker.go doProbe: liveness failures below the threshold carry into the next container (1.27-1.36) [5.10]', () => {
  it('kills the restarted container at its first failure when two were counted before the crash', () => {
    const t = run(pod('livenessProbe: { httpGet: { path: /live, port: 80 }, periodSeconds: 10, failureThreshold: 3 }',
      'containers:\n  app: { exitAfter: 33s, exitCode: 1 }\nevents:\n  - { at: 15s, container: app, do: failLiveness, for: 60s }'));
    const [, s2] = times(t, 'container.start', 'app');
    const kill = of(t, 'container.kill', 'app')[0]!;
    expect(kill.reason).toBe('LivenessProbe');
    expect(kill.t - s2!).toBeLessThan(10); // one failure of the new container, not three
    const failed = of(t, 'probe.result', 'app').find((e) => e.probe === 'liveness' && e.result === 'failure' && e.t > s2!)!;
    expect(failed.why).toContain('[5.10]');
  });
});

describe('prober.go runProbe: a probe run takes the handler\'s time, at most timeoutSeconds [5.11]', () => {
  it('makes readiness 30 s late when the handler takes 30 s', () => {
    const t = run(pod('readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 10, timeoutSeconds: 40 }', 'containers:\n  app: { readinessProbe: { duration: 30s } }'));
    const ready = times(t, 'container.ready', 'app')[0]!;
    expect(ready - times(t, 'container.start', 'app')[0]!).toBeGreaterThanOrEqual(30);
    expect(ready - times(t, 'container.start', 'app')[0]!).toBeLessThanOrEqual(32);
  });

  it('fails a run that outlives timeoutSeconds: a liveness handler that never answers kills the container', () => {
    const t = run(pod('livenessProbe: { httpGet: { path: /live, port: 80 }, periodSeconds: 5, failureThreshold: 2 }', 'containers:\n  app: { livenessProbe: { duration: never } }'));
    const kill = of(t, 'container.kill', 'app')[0]!;
    expect(kill.reason).toBe('LivenessProbe');
    const failed = of(t, 'probe.result', 'app').find((e) => e.probe === 'liveness' && e.result === 'failure')!;
    expect(failed.why).toContain('timed out after timeoutSeconds (1s)');
  });

  it('reads an exec probe\'s time from its command: sh -c "sleep 5; exit 0" takes 5 s', () => {
    const slow = pod(`readinessProbe: { exec: { command: [sh, -c, 'sleep 5; exit 0'] }, periodSeconds: 10, timeoutSeconds: 10 }`);
    const s = run(slow);
    expect(times(s, 'container.ready', 'app')[0]! - times(s, 'container.start', 'app')[0]!).toBeGreaterThanOrEqual(5);
    const timesOut = run(slow.replace('timeoutSeconds: 10', 'timeoutSeconds: 3'));
    expect(times(timesOut, 'container.ready', 'app')).toEqual([]);
  });
});

describe('prober_manager.go StopLivenessAndStartup walks pod.Spec.Containers only (1.28-1.36) [5.8]', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: proxy
      image: example/proxy:1
      restartPolicy: Always
      livenessProbe: { httpGet: { path: /live, port: 80 }, periodSeconds: 1, failureThreshold: 1 }
  containers:
    - name: app
      image: example/app:1
      livenessProbe: { httpGet: { path: /live, port: 80 }, periodSeconds: 1, failureThreshold: 1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 2m
containers:
  app: { onStop: { after: 20s } }
events:
  - { at: 30s, do: deletePod, gracePeriodSeconds: 60 }
  - { at: 32s, container: proxy, do: failLiveness }
  - { at: 32s, container: app, do: failLiveness }
`;
  it('keeps probing a sidecar\'s liveness during termination, not the main container\'s', () => {
    const t = run(text);
    const after = (c: string) => of(t, 'probe.result', c).filter((e) => e.probe === 'liveness' && e.t > 30);
    expect(after('proxy').map((e) => e.result)).toContain('failure');
    expect(after('app')).toEqual([]);
  });
});

describe('worker.go doProbe: the worker exits when its container will not be restarted [5.12]', () => {
  const text = (mainProbe: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: Never
  initContainers:
    - name: proxy
      image: example/proxy:1
      restartPolicy: Always
      startupProbe: { httpGet: { path: /ready, port: 80 }, initialDelaySeconds: 3, periodSeconds: 2, failureThreshold: 10 }
  containers:
    - name: app
      image: example/app:1
${mainProbe}
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 2m
containers:
  proxy: { runs: [{ exitAfter: 0s, exitCode: 1 }, { exitAfter: 0s, exitCode: 1 }, { exitAfter: never }] }
`;
  const withProbe = text('      startupProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 5 }');
  it('up to 1.32 a sidecar\'s startup worker exits under restartPolicy Never, and AddPod stops at the main container\'s worker: the main container never starts (#132826)', () => {
    const t = run(withProbe, '1.32');
    expect(times(t, 'container.start', 'proxy').length).toBe(3);
    expect(of(t, 'probe.result', 'proxy').some((e) => e.why.includes('[5.12]'))).toBe(true);
    expect(times(t, 'container.start', 'app')).toEqual([]);
  });
  it('up to 1.32, with no earlier worker in AddPod\'s way, the next sync creates the worker again', () => {
    const t = run(text('      command: [sleep, infinity]'), '1.32');
    expect(of(t, 'probe.result', 'proxy').some((e) => e.why.includes('[5.12]'))).toBe(true);
    expect(times(t, 'container.start', 'app').length).toBe(1);
  });
  it('from 1.33 (doProbe with #133072: in 1.35, and in the latest 1.33 and 1.34 patches by #134801/#134800) a sidecar keeps its workers, and the main container starts', () => {
    for (const version of ['1.33', '1.34', '1.35']) {
      const t = run(withProbe, version);
      expect(times(t, 'container.start', 'app').length).toBe(1);
      expect(of(t, 'probe.result', 'proxy').some((e) => e.why.includes('[5.12]'))).toBe(false);
    }
  });
});

describe('prober_manager.go AddPod: return (1.27-1.36) or continue (1.37, #138930) at a worker it already has [5.12]', () => {
  // b ends for good (exit 1, restartPolicy Never): its readiness worker leaves its loop. c's exit
  // 42 restarts every container in place (KEP-5532, [11.2]), b included; SyncPod's AddPod then
  // meets a's worker first.
  const text = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: Never
  containers:
    - name: a
      image: example/a:1
      readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
    - name: b
      image: example/b:1
      readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
    - name: c
      image: example/c:1
      restartPolicy: Never
      restartPolicyRules:
        - { action: RestartAllContainers, exitCodes: { operator: In, values: [42] } }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 90s
containers:
  b: { runs: [{ exitAfter: 10s, exitCode: 1 }, { exitAfter: never, readyAfter: 20s }] }
  c: { runs: [{ exitAfter: 30s, exitCode: 42 }, { exitAfter: never }] }
`;
  const secondRunReady = (version: string) => {
    const t = run(text, version);
    const restart = times(t, 'container.start', 'b')[1]!;
    return { restart, ready: times(t, 'container.ready', 'b').find((x) => x >= restart)! };
  };
  it('up to 1.36 AddPod returns at a\'s worker: b runs again with no readiness worker, so it is ready at once', () => {
    const { restart, ready } = secondRunReady('1.36');
    expect(ready - restart).toBeLessThan(1);
  });
  it('from 1.37 AddPod goes on to b and makes its worker again: b is ready only once its app is (20 s)', () => {
    const { restart, ready } = secondRunReady('1.37');
    expect(ready - restart).toBeGreaterThanOrEqual(20);
  });
});

describe('prober.go probe: a Warning Unhealthy for every failed run, before the worker counts it (1.27-1.36) [5.13]', () => {
  it('a readiness probe that fails while the app comes up records one failed run per tick, then none once it passes', () => {
    const t = run(pod('readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 5 }', 'containers:\n  app: { readyAfter: 23s }'), '1.31');
    const start = times(t, 'container.start', 'app')[0]!;
    const ready = times(t, 'container.ready', 'app')[0]!;
    const failed = of(t, 'probe.failed', 'app');
    // Ticks at 0, 5, 10, 15, 20 (from the worker's creation, [5.2]) and the manual runs each status
    // generation asks for ([5.9]): every run before 23 s fails, none after.
    expect(failed.length).toBeGreaterThanOrEqual(4);
    expect(failed.every((e) => e.probe === 'readiness' && e.attempt === 0 && e.t >= start && e.t < ready)).toBe(true);
    expect(failed.map((e) => e.run)).toEqual(failed.map((_, i) => i + 1));
    const ticks = failed.map((e) => e.t).filter((x) => Math.abs(x / 5 - Math.round(x / 5)) < 1e-9);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(of(t, 'probe.result', 'app').filter((e) => e.result === 'failure')).toHaveLength(0); // Failure is its initial result: no change
  });

  it('a failed run\'s why names its own reason and count, though the words are made once per worker, reason and count (prober.go probe)', () => {
    // One readiness worker fails for two reasons with the same counts (the app not ready yet, then
    // two injected windows), and a liveness handler outlives timeoutSeconds.
    const t = run(pod(`readinessProbe: { exec: { command: [cat, /tmp/ok] }, periodSeconds: 2, failureThreshold: 2 }
livenessProbe: { exec: { command: [sh, -c, "sleep 100"] }, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 100 }`,
    `containers:
  app: { readyAfter: 9s }
events:
  - { at: 30s, container: app, do: failReadiness, for: 7s }
  - { at: 60s, container: app, do: failReadiness, for: 7s }`));
    const failed = of(t, 'probe.failed', 'app').filter((e) => e.probe === 'readiness');
    const notReady = failed.filter((e) => e.t < 9);
    const injected = failed.filter((e) => e.t >= 30);
    expect(notReady.length).toBeGreaterThanOrEqual(3);
    expect(injected.length).toBeGreaterThanOrEqual(6);
    const nth = (run: number) => (run === 1 ? '1st' : run === 2 ? '2nd' : run === 3 ? '3rd' : `${run}th`);
    for (const [events, reason] of [[notReady, 'the app is not ready'], [injected, 'an injected probe failure']] as const) {
      for (const e of events) {
        expect(e.why).toContain(`A readiness probe run of app failed (${reason}): the ${nth(e.run)} failure in a row`);
        if (e.run === 2) expect(e.why).toContain('which reaches failureThreshold (2)');
      }
    }
    const firsts = injected.filter((e) => e.run === 1);
    expect(firsts).toHaveLength(2); // one streak per window, worded alike
    expect(firsts[0]!.why).toBe(firsts[1]!.why);
    const live = of(t, 'probe.failed', 'app').filter((e) => e.probe === 'liveness');
    expect(live.length).toBeGreaterThan(3);
    expect(live.every((e) => e.why.includes('it timed out after timeoutSeconds (1s) [5.11]'))).toBe(true);
  });

  it('a liveness probe records failureThreshold failed runs per kill, the last at the kill, caused by the injected failure', () => {
    const t = run(pod('livenessProbe: { exec: { command: [cat, /tmp/ok] }, periodSeconds: 4, failureThreshold: 3 }',
      'events:\n  - { at: 30s, container: app, do: failLiveness, for: 12s }'));
    const killed = of(t, 'container.kill', 'app');
    expect(killed).toHaveLength(1);
    const failed = of(t, 'probe.failed', 'app');
    expect(failed.map((e) => e.run)).toEqual([1, 2, 3]);
    expect(failed[2]!.t).toBe(killed[0]!.t);
    const fault = of(t, 'fault')[0]!;
    expect(failed.every((e) => e.cause?.includes(fault.id!))).toBe(true);
    // The event comes before the result change it leads to, at the same instant.
    const result = of(t, 'probe.result', 'app').find((e) => e.result === 'failure')!;
    expect(t.events.indexOf(failed[2]!)).toBeLessThan(t.events.indexOf(result));
    expect(result.cause).toEqual([failed[2]!.id, fault.id]); // the result ← the run that reached the threshold, and the fault
    expect(failed[2]!.why).toMatch(/\[5\.13\].*3rd failure in a row, which reaches failureThreshold \(3\)/);
  });

  it('a worker on hold after a liveness kill records nothing while the killed container takes its grace period [5.4]', () => {
    // sh as PID 1 without a trap ignores SIGTERM: the killed container runs 30 s more, still failing.
    const t = run(pod('command: [sh, -c, "sleep 600"]\nlivenessProbe: { exec: { command: [cat, /tmp/ok] }, periodSeconds: 4, failureThreshold: 3 }',
      'events:\n  - { at: 30s, container: app, do: failLiveness, for: 60s }'));
    const kill = of(t, 'container.kill', 'app')[0]!;
    const exit = of(t, 'container.exit', 'app')[0]!;
    expect(exit.t - kill.t).toBeGreaterThan(25);
    const firstRun = of(t, 'probe.failed', 'app').filter((e) => e.attempt === 0);
    expect(firstRun.map((e) => e.t)).toEqual(firstRun.filter((e) => e.t <= kill.t).map((e) => e.t));
    expect(firstRun).toHaveLength(3);
    expect(of(t, 'probe.failed', 'app').some((e) => e.attempt === 1)).toBe(true); // the next container fails again, counted from 1
  });

  it('a container that is not running records nothing: the worker sets Failure without a run [5.3]', () => {
    // The app exits at 10 s and the pod never restarts it: the worker sets Failure without a run ([5.3]).
    const t = run(pod('livenessProbe: { exec: { command: [cat, /tmp/ok] }, periodSeconds: 2 }', 'containers:\n  app: { exitAfter: 10s, exitCode: 1 }', 'Never'));
    expect(of(t, 'probe.failed', 'app')).toHaveLength(0);
  });

  it('a handler that never answers times out at every tick, each a failed run, as long as the container runs [5.11]', () => {
    const t = run(pod('readinessProbe: { exec: { command: [sh, -c, "sleep 100"] }, periodSeconds: 10, timeoutSeconds: 3 }'), '1.31');
    const failed = of(t, 'probe.failed', 'app');
    // until 3m: one run per tick, from its start to the horizon (manual runs from the first syncs come on top).
    expect(failed.length).toBeGreaterThanOrEqual(17);
    expect(failed.at(-1)!.t).toBeGreaterThan(170);
    expect(failed[0]!.why).toMatch(/timed out after timeoutSeconds \(3s\)/);
  });
});

describe('worker.go doProbe: initialDelaySeconds from the status manager\'s startedAt, cut to the whole second by normalizeStatus (status_manager.go, read 1.27-1.3x) [5.3]', () => {
  // A Korean course's bad-liveness pod (src/state/trace/ptBadLivenessLearn135Transcript.test.ts):
  // delay 3 s, period 3 s, failureThreshold 2 on a port nothing listens on. Its node killed each
  // run 6 whole seconds after it started (two ticks after `floor(start) + 3`); counted from the
  // exact start, the first tick 3 s later is skipped and each run lasts a period more.
  it.each(['1.29', '1.35', '1.37'])('a run started at x.2 s is first probed at the tick `floor(x) + 3`, and killed at the next (%s)', (version) => {
    const t = run(pod('livenessProbe: { tcpSocket: { port: 9999 }, initialDelaySeconds: 3, periodSeconds: 3, failureThreshold: 2 }', 'containers:\n  app: { pull: 0 }\nevents:\n  - { at: 0s, container: app, do: failLiveness }\n'), version);
    const starts = times(t, 'container.start', 'app');
    const kills = times(t, 'container.kill', 'app');
    const failed = times(t, 'probe.failed', 'app');
    for (const [n, start] of starts.slice(0, 3).entries()) {
      const firstFailed = failed.find((f) => f > start)!;
      expect(firstFailed - Math.floor(start), `run ${n}`).toBeGreaterThanOrEqual(3);
      expect(firstFailed - Math.floor(start), `run ${n}`).toBeLessThan(4);
      expect(kills[n]! - firstFailed, `run ${n}`).toBeCloseTo(3, 6);
    }
    expect(starts[1]! % 1).toBeGreaterThan(0); // the restarts start inside a second (a kill at a tick, then 0.2 s)
  });
});
