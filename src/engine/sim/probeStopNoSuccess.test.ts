// The probe workers at the start of a pod's termination report nothing: prober_manager.go
// StopLivenessAndStartup (read in the 1.27-era and 1.35-era stored copies) only calls worker.stop(),
// and worker.go run()'s deferred cleanup (1.27-era and 61ecc560, 1.32-1.34-era) calls
// resultsManager.Remove, which sends no update, so no SetContainerStartup patch follows; a pod
// that turns terminal by itself loses its workers the same way (doProbe: "Pod is terminated,
// exiting probe worker"). kubelet.go SyncTerminatingPod (1.27-era and 1.34+-era stored copies)
// generates no status between its first SetPodStatus and the end of killPod [5.8] [8.10].
import { describe, expect, it } from 'vitest';
import { ALL, of, podText, readyAt, results, run, startedAt, times } from './upstreamProber.testkit';

describe('kubelet.go SyncTerminatingPod for a pod Failed by its activeDeadlineSeconds: the workers stop without a Success [5.8] [13.3]', () => {
  it.each(ALL)('a main container whose startup probe had not passed stays Started=false and unready until it stops (%s)', (v) => {
    const t = run(podText(v, {
      extraSpec: '  activeDeadlineSeconds: 20\n  terminationGracePeriodSeconds: 30\n',
      containers: `    - name: slow
      image: example/app:1
      startupProbe: { httpGet: { path: /started, port: 80 }, periodSeconds: 5, failureThreshold: 100 }
      readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 5 }
`,
      sim: 'containers:\n  slow: { startDelay: 200s, onStop: { after: 10s } }\n',
    }));
    const exit = times(t, 'container.exit', 'slow')[0]!;
    expect(exit).toBeGreaterThan(20);
    expect(startedAt(t, 'slow', exit - 0.5)).toBe(false);
    expect(readyAt(t, 'slow', exit - 0.5)).toBe(false);
    expect(of(t, 'container.started', 'slow')).toEqual([]);
    expect(results(t, 'slow', 'startup')).toEqual([]);
    expect(results(t, 'slow', 'readiness')).toEqual([]);
  });
});

describe('prober_manager.go StopLivenessAndStartup on a deleted pod keeps what was written [5.8]', () => {
  it.each(ALL)('a container whose startup probe had passed stays started and ready while its readiness passes (%s)', (v) => {
    // httpGet: an exec probe of a deleted pod errors in 1.35/1.36 ([5.14]) and changes nothing either.
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: { httpGet: { path: /started, port: 80 }, periodSeconds: 2, failureThreshold: 30 }
      readinessProbe: { httpGet: { path: /ready, port: 80 }, periodSeconds: 5 }
`,
      sim: `containers:
  app: { startDelay: 5s, onStop: { after: 20s } }
events:
  - { at: 30s, do: deletePod, gracePeriodSeconds: 60 }
`,
    }));
    const exit = times(t, 'container.exit', 'app')[0]!;
    expect(exit).toBeCloseTo(50, 6);
    expect(startedAt(t, 'app', 29)).toBe(true);
    expect(startedAt(t, 'app', exit - 0.5)).toBe(true);
    expect(readyAt(t, 'app', exit - 0.5)).toBe(true);
    expect(of(t, 'container.unstarted', 'app')).toEqual([]);
  });
});
