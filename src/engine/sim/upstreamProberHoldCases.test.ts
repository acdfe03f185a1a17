// Golden test: upstream's unit tests of the probe worker's thresholds, hold and Started gates,
// translated to Sidecar Lab. The second half of upstreamProberCases.test.ts, whose header names the
// files and versions read (worker_test.go stored at 632f162d; worker.go at 61ecc560 and the
// 1.35-era copy) and how a doProbe step maps to a scenario: failed runs are probe.failed events
// with their count in a row (`run`, the worker's resultRun), result changes probe.result events,
// a liveness or startup Failure the kill it brings, Started and Ready container.started / ready.
//
// Here: TestStartupProbeSuccessThreshold, TestStartupProbeFailureThreshold,
// TestOnHoldOnLivenessOrStartupCheckFailure, TestResultRunOnLivenessCheckFailure,
// TestResultRunOnStartupCheckFailure, TestLivenessProbeDisabledByStarted,
// TestStartupProbeDisabledByStarted. The worker's onHold and resultRun are not in the trace; what
// they do is: a worker on hold runs nothing (no probe.failed while the handler fails, no result
// while it passes) until a new container, and a resultRun reset to 0 gives the next container
// failureThreshold failures again. Versions: every minor 1.27-1.37. Every case is expressible.

import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import { ALL, failedRuns, of, podText, results, run, startedAt, times } from './upstreamProber.testkit';

const http = (extra = '') => `{ httpGet: { path: /, port: 80 }${extra} }`;

// ---------------------------------------------------------------------------------------------
// The startup thresholds, the hold, resultRun
// ---------------------------------------------------------------------------------------------

describe('worker_test.go TestStartupProbeSuccessThreshold (SuccessThreshold 1, FailureThreshold 3)', () => {
  it.each(ALL)('one success: Success, then the worker is on hold and does not run again (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 3')}
`,
      until: '60s',
      sim: 'events:\n  - { at: 20s, container: app, do: failStartup, for: 30s }\n',
    }));
    expect(results(t, 'app', 'startup').map((e) => e.result)).toEqual(['success']);
    expect(startedAt(t, 'app', 59)).toBe(true);
    expect(failedRuns(t, 'app', 'startup')).toEqual([]); // on hold: the failing handler is never asked
    expect(of(t, 'container.kill', 'app')).toEqual([]);
  });
});

describe('worker_test.go TestStartupProbeFailureThreshold (SuccessThreshold 1, FailureThreshold 3)', () => {
  it.each(ALL)('failures 1 and 2 leave it Unknown, the third sets Failure and the worker holds until a new container (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 3')}
`,
      until: '60s',
      sim: 'containers:\n  app: { startDelay: 1000s, onStop: { after: 10s } }\n',
    }));
    const first = failedRuns(t, 'app', 'startup', 0);
    expect(first.map((e) => e.run)).toEqual([1, 2, 3]); // and none during the 10 s the kill takes: on hold
    const set = results(t, 'app', 'startup');
    expect(set[0]!.result).toBe('failure');
    expect(set[0]!.t).toBe(first[2]!.t); // Unknown (no result) after 1 and 2
    const kill = of(t, 'container.kill', 'app')[0]!;
    expect(kill.reason).toBe('StartupProbe');
    expect(kill.t).toBe(first[2]!.t);
    expect(startedAt(t, 'app', kill.t)).toBe(false);
  });
});

describe('worker_test.go TestOnHoldOnLivenessOrStartupCheckFailure (FailureThreshold 1)', () => {
  it.each(ALL)('liveness: Failure puts the worker on hold until a new container ID, which probes again (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: ${http(', periodSeconds: 2, failureThreshold: 1')}
`,
      sim: `containers:
  app: { onStop: { after: 10s } }
events:
  - { at: 10s, container: app, do: failLiveness, for: 3s }
  - { at: 60s, container: app, do: failLiveness, for: 3s }
`,
    }));
    const [kill1, kill2] = of(t, 'container.kill', 'app');
    expect(kill1!.reason).toBe('LivenessProbe');
    const exit1 = times(t, 'container.exit', 'app')[0]!;
    expect(exit1 - kill1!.t).toBeCloseTo(10, 6);
    // "while on hold": the handler answers Success again at 13 s, the result stays Failure and nothing runs
    expect(t.events.filter((e) => e.type.startsWith('probe.') && e.t > kill1!.t && e.t < exit1)).toEqual([]);
    // "hold lifted": the next container is probed, and killed again by the next failure
    expect(kill2!.reason).toBe('LivenessProbe');
    expect(kill2!.t).toBeGreaterThanOrEqual(60);
    expect(failedRuns(t, 'app', 'liveness', 1).length).toBeGreaterThan(0);
  });

  it.each(ALL)('startup: Failure holds until a new container ID; there Success, and the hold again (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 1')}
`,
      sim: `containers:
  app: { onStop: { after: 10s }, runs: [{ startDelay: 5s }, { startDelay: 0s }] }
events:
  - { at: 40s, container: app, do: failStartup, for: 20s }
`,
    }));
    const kill = of(t, 'container.kill', 'app')[0]!;
    expect(kill.reason).toBe('StartupProbe');
    const exit = times(t, 'container.exit', 'app')[0]!;
    // the first app is up 5 s after its start, during the kill: the worker on hold never sees it
    expect(t.events.filter((e) => e.type.startsWith('probe.') && e.t > kill.t && e.t < exit)).toEqual([]);
    expect(startedAt(t, 'app', exit - 0.5)).toBe(false);
    expect(results(t, 'app', 'startup').map((e) => e.result)).toEqual(['failure', 'success']);
    expect(startedAt(t, 'app', 39)).toBe(true);
    expect(failedRuns(t, 'app', 'startup', 1)).toEqual([]); // on hold after Success: the failing handler is not asked
    expect(of(t, 'container.kill', 'app')).toHaveLength(1);
  });
});

describe('worker_test.go TestResultRunOnLivenessCheckFailure (SuccessThreshold 1, FailureThreshold 3)', () => {
  it.each(ALL)('failures 1 and 2 keep Success, the third sets Failure and resets resultRun: the next container gets three failures again (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: ${http(', periodSeconds: 5, failureThreshold: 3')}
`,
      until: '150s',
      sim: 'events:\n  - { at: 20s, container: app, do: failLiveness, for: 100s }\n',
    }));
    const kills = of(t, 'container.kill', 'app');
    expect(kills.length).toBeGreaterThanOrEqual(2);
    for (const attempt of [0, 1]) {
      const failed = failedRuns(t, 'app', 'liveness', attempt);
      expect(failed.map((e) => e.run), `attempt ${attempt}`).toEqual([1, 2, 3]);
      expect(kills[attempt]!.t, `attempt ${attempt}`).toBe(failed[2]!.t);
      expect(kills[attempt]!.reason).toBe('LivenessProbe');
    }
  });
});

describe('worker_test.go TestResultRunOnStartupCheckFailure (SuccessThreshold 1, FailureThreshold 3)', () => {
  it.each(ALL)('failures 1 and 2 leave Unknown, the third sets Failure and resets resultRun: the next container gets three again (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 5, failureThreshold: 3')}
`,
      until: '150s',
      sim: 'containers:\n  app: { startDelay: 1000s }\n',
    }));
    const kills = of(t, 'container.kill', 'app');
    expect(kills.length).toBeGreaterThanOrEqual(2);
    for (const attempt of [0, 1]) {
      const failed = failedRuns(t, 'app', 'startup', attempt);
      expect(failed.map((e) => e.run), `attempt ${attempt}`).toEqual([1, 2, 3]);
      expect(kills[attempt]!.t).toBe(failed[2]!.t);
      expect(kills[attempt]!.reason).toBe('StartupProbe');
    }
    expect(results(t, 'app', 'startup').every((e) => e.result === 'failure')).toBe(true); // never Success, never a change before the third
  });
});

describe('worker_test.go TestLivenessProbeDisabledByStarted (FailureThreshold 1)', () => {
  it.each(ALL)('a failing liveness probe does not run while the container is not started; once started, it fails and kills (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 100')}
      livenessProbe: ${http(', periodSeconds: 2, failureThreshold: 1')}
`,
      sim: 'containers:\n  app: { startDelay: 30s }\nevents:\n  - { at: 0s, container: app, do: failLiveness, for: 60s }\n',
    }));
    const started = times(t, 'container.started', 'app')[0]!;
    expect(started).toBeGreaterThanOrEqual(30);
    expect(failedRuns(t, 'app', 'liveness').filter((e) => e.t < started)).toEqual([]); // "Not started, probe failure, result success"
    const kill = of(t, 'container.kill', 'app')[0]!;
    expect(kill.reason).toBe('LivenessProbe'); // "Started, probe failure, result failure"
    expect(kill.t - started).toBeLessThanOrEqual(2);
  });
});

describe('worker_test.go TestStartupProbeDisabledByStarted (FailureThreshold 2)', () => {
  it.each(ALL)('one failure leaves Unknown, a success starts the container, later failures are never run (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 2')}
`,
      until: '60s',
      sim: 'containers:\n  app: { pull: 0, startDelay: 3s }\nevents:\n  - { at: 20s, container: app, do: failStartup, for: 30s }\n',
    }));
    const failed = failedRuns(t, 'app', 'startup');
    expect(failed.map((e) => e.run)).toEqual([1]); // "Not started, probe failure, result unknown"
    expect(results(t, 'app', 'startup').map((e) => e.result)).toEqual(['success']); // then "probe success, result success"
    expect(startedAt(t, 'app', 19)).toBe(true);
    expect(failed.every((e) => e.t < 20)).toBe(true); // "Started, probe failure, result success": no run
    expect(of(t, 'container.kill', 'app')).toEqual([]);
  });
});
