// A node reboot between a main container's create and its start ([2.9], [2.10]): the runtime still
// reports that main container as Created, from the old sandbox. Upstream: computePodActions
// (KR/kuberuntime_manager.go) reads init progress with findNextInitContainerToRun, where only a
// Running main container means initialized, for a pod without sidecars up to 1.32 (#127162, 1.31,
// cherry-picked to 1.29/1.30), and with computeInitContainerActions (kuberuntime_container.go,
// stored 1.3x and newest versions), where a Created one counts too, from 1.33
// (LegacySidecarContainers off by default) and for sidecar pods. There the regular init
// containers after the first are skipped and app starts beside init-1: issues #137710 and
// #140309, fixed in 1.37 by #138514 (computeInitContainerActions reads ActiveContainerStatuses,
// the current sandbox's containers; in the v1.37.0-rc.0 window, 2026-08).
import { describe, expect, it } from 'vitest';
import { eventsOf } from './logAssertions';
import { runScenario } from '../run';
import type { Trace } from '../trace';

/**
 * init-1 and init-2 run 1 s each; app is created at 4.0 s and started at 4.2 s; the node reboots at
 * 4.15 s (with the sidecar: 5.15 s by default, where 1.32 creates app; 1.36+ relist on demand, [0.8],
 * and create it at 4.0 s as without one).
 */
function run(version: string, sidecar = false, rebootAt = sidecar ? 5.15 : 4.15): Trace {
  const res = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: created-at-reboot }
spec:
  initContainers:
${sidecar ? '    - { name: proxy, image: envoy:1, restartPolicy: Always }\n' : ''}    - { name: init-1, image: busybox:1, command: [sh, -c, 'sleep 1'] }
    - { name: init-2, image: busybox:1, command: [sh, -c, 'sleep 1'] }
  containers:
    - { name: app, image: app:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
containers:
${sidecar ? '  proxy: { pull: 0 }\n' : ''}  init-1: { pull: 0 }
  init-2: { pull: 0 }
  app: { pull: 0 }
events:
  - { at: ${rebootAt}s, do: recreateSandbox }
`);
  if (!res.trace) throw new Error(res.problems.map((p) => p.message).join('; '));
  return res.trace;
}

const startsAfter = (trace: Trace, name: string, t: number) => eventsOf(trace, 'container.start', name).map((e) => e.t).filter((x) => x > t);

/** After the reboot at 4.15 s: init-1 once, then init-2 once, then app; returns app's starts. */
function expectInitsAgainThenApp(trace: Trace): number[] {
  const init1 = startsAfter(trace, 'init-1', 4.15);
  const init2 = startsAfter(trace, 'init-2', 4.15);
  const app = startsAfter(trace, 'app', 4.15);
  expect(init1).toHaveLength(1);
  expect(init2).toHaveLength(1);
  expect(init2[0]!).toBeGreaterThan(init1[0]!);
  expect(app[0]!).toBeGreaterThan(init2[0]!);
  return app;
}

describe('[2.10] a main container left Created by a node reboot (findNextInitContainerToRun vs computeInitContainerActions)', () => {
  it('the reboot catches app between its create and its start (the setup every case below relies on)', () => {
    const trace = run('1.32');
    expect(eventsOf(trace, 'container.start', 'app').map((e) => e.t)[0]).toBeGreaterThan(4.15);
    const reboots = trace.events.filter((e) => e.type === 'node.reboot').map((e) => e.t);
    expect(reboots).toEqual(Array.of(4.15));
  });

  for (const v of ['1.27', '1.28', '1.29', '1.32']) {
    it(`${v}, no sidecar: the legacy branch counts only a Running main container, so init-1 and init-2 run again before app`, () => {
      expectInitsAgainThenApp(run(v));
    });
  }

  for (const v of ['1.33', '1.36']) {
    it(`${v}, no sidecar: the Created app counts as initialized, so init-2 is skipped and app starts while init-1 runs (#137710, #140309)`, () => {
      const trace = run(v);
      const init1 = startsAfter(trace, 'init-1', 4.15);
      const init1Exit = eventsOf(trace, 'container.exit', 'init-1').map((e) => e.t).filter((x) => x > 4.15);
      expect(init1).toHaveLength(1);
      expect(startsAfter(trace, 'init-2', 4.15)).toEqual([]);
      const app = startsAfter(trace, 'app', 4.15);
      expect(app).toHaveLength(1);
      expect(app[0]!).toBeLessThan(init1Exit[0]!);
    });
  }

  it('1.37, no sidecar: computeInitContainerActions reads ActiveContainerStatuses (#138514), so the old sandbox\'s Created app no longer counts: init-1, init-2, then app', () => {
    expect(expectInitsAgainThenApp(run('1.37'))).toHaveLength(1);
  });

  it('1.36 with a sidecar, reboot at 4.15 s: the Created app counts, so init-2 is skipped (the case #138514 fixes)', () => {
    const trace = run('1.36', true, 4.15);
    expect(eventsOf(trace, 'container.start', 'app').map((e) => e.t)[0]).toBeGreaterThan(4.15);
    expect(startsAfter(trace, 'init-2', 4.15)).toEqual([]);
    expect(startsAfter(trace, 'app', 4.15)).toHaveLength(1);
  });

  it('1.37 with a sidecar, reboot at 4.15 s: the same fix, so init-2 runs again after the reboot and app waits for it', () => {
    const trace = run('1.37', true, 4.15);
    expect(eventsOf(trace, 'container.start', 'app').map((e) => e.t)[0]).toBeGreaterThan(4.15);
    const init2 = startsAfter(trace, 'init-2', 4.15);
    expect(init2).toHaveLength(1);
    const app = startsAfter(trace, 'app', 4.15);
    expect(app).toHaveLength(1);
    expect(app[0]!).toBeGreaterThan(init2[0]!);
  });

  it('1.32 with a sidecar: computeInitContainerActions decides, so the same skip happens there', () => {
    const trace = run('1.32', true);
    expect(eventsOf(trace, 'container.start', 'app').map((e) => e.t)[0]).toBeGreaterThan(5.15);
    expect(startsAfter(trace, 'init-2', 5.15)).toEqual([]);
    expect(startsAfter(trace, 'app', 5.15)).toHaveLength(1);
  });
});
