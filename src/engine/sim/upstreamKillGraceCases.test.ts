// Golden test: upstream's kill grace tests, translated to Sidecar Lab (the upstream files and
// versions read, and how their cases map to scenarios: upstreamTerminationCases.test.ts's header).
// kuberuntime_container_test.go TestKillContainerGracePeriod (setTerminationGracePeriod, also on a
// sidecar), kuberuntime_manager_test.go TestKillPod, and killContainer's arithmetic read as code.

import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';
import { ALL, ORDERED, WITH_SIDECARS, minor, of, run, simHead, stopTimes } from './upstreamTermination.testkit';

// ---------------------------------------------------------------------------------------------
// kuberuntime_container_test.go TestKillContainerGracePeriod (setTerminationGracePeriod)
// ---------------------------------------------------------------------------------------------

type Reason = 'liveness' | 'startup' | 'unknown';

interface GraceRow {
  name: string;
  podGrace: number;
  startup?: number;
  liveness?: number;
  reason: Reason;
  expected: number;
}

const SHORT = 10;
const MEDIUM = 30;
const LONG = 60;

const GRACE_ROWS: GraceRow[] = [
  { name: 'use pod termination grace period', podGrace: LONG, reason: 'unknown', expected: LONG },
  { name: 'liveness probe overrides pod termination grace period', podGrace: LONG, liveness: SHORT, reason: 'liveness', expected: SHORT },
  { name: 'startup probe overrides pod termination grace period', podGrace: LONG, startup: SHORT, reason: 'startup', expected: SHORT },
  { name: 'startup probe overrides pod termination grace period, probe period > pod period', podGrace: SHORT, startup: LONG, reason: 'startup', expected: LONG },
  { name: 'liveness probe overrides pod termination grace period, probe period > pod period', podGrace: SHORT, liveness: LONG, reason: 'liveness', expected: LONG },
  { name: 'non-liveness probe failure, use pod termination grace period', podGrace: LONG, liveness: SHORT, reason: 'unknown', expected: LONG },
  { name: 'non-startup probe failure, use pod termination grace period', podGrace: LONG, startup: SHORT, reason: 'unknown', expected: LONG },
  { name: 'all three grace periods set, use pod termination grace period', podGrace: LONG, startup: SHORT, liveness: MEDIUM, reason: 'unknown', expected: LONG },
  { name: 'all three grace periods set, use startup termination grace period', podGrace: LONG, startup: SHORT, liveness: MEDIUM, reason: 'startup', expected: SHORT },
  { name: 'all three grace periods set, use liveness termination grace period', podGrace: LONG, startup: SHORT, liveness: MEDIUM, reason: 'liveness', expected: MEDIUM },
];

function graceRowPod(version: KubeVersion, row: GraceRow): string {
  const probe = (kind: string, tgp: number, threshold: number) =>
    `      ${kind}: { exec: { command: [check] }, periodSeconds: 1, failureThreshold: ${threshold}, terminationGracePeriodSeconds: ${tgp} }`;
  const event = row.reason === 'liveness'
    ? '  - { at: 20s, container: foo, do: failLiveness, for: 5s }'
    : row.reason === 'startup'
    ? '  - { at: 0s, container: foo, do: failStartup, for: 10s }'
    : '  - { at: 20s, container: foo, do: setImage, image: example/app:2 }';
  return `apiVersion: v1
kind: Pod
metadata: { name: bar, namespace: default }
spec:
  terminationGracePeriodSeconds: ${row.podGrace}
  containers:
    - name: foo
      image: example/app:1
${row.startup === undefined ? '' : `${probe('startupProbe', row.startup, 3)}\n`}${row.liveness === undefined ? '' : `${probe('livenessProbe', row.liveness, 1)}\n`}---
${simHead(version, '200s')}
containers:
  foo: { onStop: ignore }
events:
${event}
`;
}

const KILL_REASON: Record<Reason, string> = { liveness: 'LivenessProbe', startup: 'StartupProbe', unknown: 'SpecChanged' };

describe('kuberuntime_container_test.go TestKillContainerGracePeriod (setTerminationGracePeriod) [8.9]', () => {
  for (const row of GRACE_ROWS) {
    for (const version of ALL) {
      it(`${version}: ${row.name}: grace ${row.expected}s [8.9] [8.3]`, () => {
        const t = run(graceRowPod(version, row));
        const kill = of(t, 'container.kill', 'foo')[0]!;
        expect(kill.reason).toBe(KILL_REASON[row.reason]);
        expect(kill.gracePeriodSeconds).toBe(row.expected);
        // foo ignores its stop signal: SIGKILL comes when StopContainer's timeout (the grace) runs out
        const signals = of(t, 'container.signal', 'foo');
        expect(signals.map((s) => s.signal)).toEqual(['SIGTERM', 'SIGKILL']);
        expect(signals[0]!.t).toBe(kill.t);
        expect(signals[1]!.t - signals[0]!.t).toBeCloseTo(row.expected, 6);
        expect(of(t, 'container.exit', 'foo')[0]!.exitCode).toBe(137);
      });
    }
  }
});

describe('TestKillContainerGracePeriod rows on a sidecar (not an upstream row: the same setTerminationGracePeriod, reached from computeInitContainerActions) [8.9]', () => {
  const sidecarPod = (version: KubeVersion, kind: 'livenessProbe' | 'startupProbe') => `apiVersion: v1
kind: Pod
metadata: { name: bar, namespace: default }
spec:
  terminationGracePeriodSeconds: ${LONG}
  initContainers:
    - name: foo
      image: example/app:1
      restartPolicy: Always
      ${kind}: { exec: { command: [check] }, periodSeconds: 1, failureThreshold: ${kind === 'startupProbe' ? 3 : 1}, terminationGracePeriodSeconds: ${SHORT} }
  containers:
    - { name: app, image: example/app:1 }
---
${simHead(version, '200s')}
containers:
  foo: { onStop: ignore }
events:
  - ${kind === 'startupProbe' ? '{ at: 0s, container: foo, do: failStartup, for: 10s }' : '{ at: 20s, container: foo, do: failLiveness, for: 5s }'}
`;
  for (const version of WITH_SIDECARS) {
    for (const kind of ['livenessProbe', 'startupProbe'] as const) {
      it(`${version}: a sidecar's ${kind} kill uses the probe's ${SHORT}s, not the pod's ${LONG}s [8.9]`, () => {
        const t = run(sidecarPod(version, kind));
        const kill = of(t, 'container.kill', 'foo')[0]!;
        expect(kill.reason).toBe(kind === 'livenessProbe' ? 'LivenessProbe' : 'StartupProbe');
        expect(kill.gracePeriodSeconds).toBe(SHORT);
        const signals = of(t, 'container.signal', 'foo').slice(0, 2);
        expect(signals.map((x) => x.signal)).toEqual(['SIGTERM', 'SIGKILL']);
        expect(signals[1]!.t - signals[0]!.t).toBeCloseTo(SHORT, 6);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// kuberuntime_manager_test.go TestKillPod
// ---------------------------------------------------------------------------------------------

describe('kuberuntime_manager_test.go TestKillPod (KillPod, killContainersWithSyncResult) [8.3]', () => {
  for (const version of ALL) {
    it(`${version}: TestKillPod: every running container of the pod is killed, all at once, and ends exited`, () => {
      const t = run(`apiVersion: v1
kind: Pod
metadata: { name: foo, namespace: new }
spec:
  containers:
    - { name: foo1, image: example/app:1 }
    - { name: foo2, image: example/app:1 }
---
${simHead(version, '60s')}
events:
  - { at: 20s, do: deletePod }
`);
      const kills = of(t, 'container.kill');
      expect(kills.map((k) => k.container).sort()).toEqual(['foo1', 'foo2']);
      expect(new Set(kills.map((k) => k.t)).size).toBe(1);
      expect(of(t, 'container.exit').map((e) => e.container).sort()).toEqual(['foo1', 'foo2']);
    });
  }
});


// killContainer (kuberuntime_container.go) read as code: no upstream unit test checks these
// ---------------------------------------------------------------------------------------------

function plainPod(version: KubeVersion, o: { podGrace: number; preStop?: number; deletion: string }): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: bar }
spec:
  terminationGracePeriodSeconds: ${o.podGrace}
  containers:
    - name: foo
      image: example/app:1
${o.preStop === undefined ? '' : '      lifecycle: { preStop: { exec: { command: [sh, -c, "sleep 600"] } } }\n'}---
${simHead(version, '200s')}
containers:
  foo: { onStop: ignore${o.preStop === undefined ? '' : `, preStop: { duration: ${o.preStop}s }`} }
events:
  - { at: 20s, do: deletePod${o.deletion} }
`;
}

describe('killContainer: the deletion\'s grace, a preStop longer than the grace, the 2s floor [8.3] [8.5] [8.12]', () => {
  for (const version of ALL) {
    it(`${version}: a deletion with gracePeriodSeconds 10 overrides the spec's 60: SIGKILL 10s after the stop signal [8.1] [8.2]`, () => {
      const t = run(plainPod(version, { podGrace: 60, deletion: ', gracePeriodSeconds: 10' }));
      expect(of(t, 'container.kill', 'foo')[0]!.gracePeriodSeconds).toBe(10);
      expect(stopTimes(t)).toEqual(Array.of(0, 10));
    });

    it(`${version}: a preStop hook longer than the 8s grace is cut at 8s; then ${minor(version) >= 28 ? 'the 2s minimum' : 'the whole 8s override again (1.27)'} before SIGKILL [8.3] [8.5] [8.12]`, () => {
      const t = run(plainPod(version, { podGrace: 60, preStop: 20, deletion: ', gracePeriodSeconds: 8' }));
      expect(stopTimes(t)).toEqual(minor(version) >= 28 ? Array.of(8, 10) : Array.of(8, 16));
    });

    it(`${version}: a 1s grace reaches the runtime as ${minor(version) >= 28 ? 'the 2s minimum' : '1s (the override after the floor, 1.27)'} [8.5] [8.12]`, () => {
      const t = run(plainPod(version, { podGrace: 1, deletion: '' }));
      expect(stopTimes(t)).toEqual(minor(version) >= 28 ? Array.of(0, 2) : Array.of(0, 1));
    });
  }
});

// The whole-second arithmetic of killContainer with a sidecar: executePreStopHook returns
// int64(seconds), the wait for the turn is int64(waitForTurn(...)), each taken off the grace,
// then the 2s floor; waitForTurn's timer is the remaining (integer) grace from the wait's start.
function arithmeticPod(version: KubeVersion, o: { deletion: string; scPreStop: string; mainPreStop: string; mainStop: string }): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: bar }
spec:
  initContainers:
    - name: sc
      image: example/app:1
      restartPolicy: Always
      lifecycle: { preStop: { exec: { command: [drain] } } }
  containers:
    - name: main
      image: example/app:1
      lifecycle: { preStop: { exec: { command: [drain] } } }
---
${simHead(version, '100s')}
containers:
  sc: { onStop: ignore, preStop: { duration: ${o.scPreStop} } }
  main: { onStop: ${o.mainStop}, preStop: { duration: ${o.mainPreStop} } }
events:
  - { at: 20s, do: deletePod${o.deletion} }
`;
}

/** Each container's [stop signal, SIGKILL] times relative to the kills' start. */
function signalTimes(t: Trace, name: string): number[] {
  const start = of(t, 'container.kill')[0]!.t;
  return of(t, 'container.signal', name).map((s) => Math.round((s.t - start) * 1000) / 1000);
}

describe('killContainer\'s whole seconds with a sidecar (read as code: preStop, waitForTurn, the floor) [8.3] [8.4] [8.5]', () => {
  for (const version of ORDERED) {
    it(`${version}: grace 2, the sidecar's 1.5s preStop leaves int(2-1)=1s for its turn: the timer fires at 2.5s, then the 2s minimum [8.4] [8.5]`, () => {
      // main: its preStop never ends, cut at 2s, floor 2: SIGTERM 2s, SIGKILL 4s; its kill returns at 4s
      const t = run(arithmeticPod(version, { deletion: ', gracePeriodSeconds: 2', scPreStop: '1500ms', mainPreStop: '20s', mainStop: 'ignore' }));
      expect(signalTimes(t, 'main')).toEqual(Array.of(2, 4));
      expect(signalTimes(t, 'sc')).toEqual(Array.of(2.5, 4.5));
    });

    it(`${version}: grace 30, the sidecar's 1.5s preStop counts as 1s: its turn has come (main stopped at 1.25s), so SIGKILL 29s after its SIGTERM [8.3] [8.4]`, () => {
      const t = run(arithmeticPod(version, { deletion: '', scPreStop: '1500ms', mainPreStop: '0s', mainStop: '{ after: 1250ms, exitCode: 0 }' }));
      expect(signalTimes(t, 'main')).toEqual(Array.of(0));
      expect(signalTimes(t, 'sc')).toEqual(Array.of(1.5, 30.5));
    });

    it(`${version}: grace 30, main's 1.5s preStop counts as 1s (SIGKILL at 30.5s), so the sidecar's 30s timer fires first: SIGTERM at 30s, SIGKILL at 32s [8.4] [8.5]`, () => {
      const t = run(arithmeticPod(version, { deletion: '', scPreStop: '0s', mainPreStop: '1500ms', mainStop: 'ignore' }));
      expect(signalTimes(t, 'main')).toEqual(Array.of(1.5, 30.5));
      expect(signalTimes(t, 'sc')).toEqual(Array.of(30, 32));
    });
  }

  it('1.28: no turn to wait for: the sidecar is signalled when its 1.5s preStop ends, SIGKILL 2s later [8.7] [8.5]', () => {
    const t = run(arithmeticPod('1.28', { deletion: ', gracePeriodSeconds: 2', scPreStop: '1500ms', mainPreStop: '20s', mainStop: 'ignore' }));
    expect(signalTimes(t, 'sc')).toEqual(Array.of(1.5, 3.5));
    expect(signalTimes(t, 'main')).toEqual(Array.of(2, 4));
  });
});

// ---------------------------------------------------------------------------------------------
