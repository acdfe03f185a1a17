// [8.16] The shutdown manager's groups and windows (nodeshutdown_manager_linux.go migrateConfig,
// groupByPriority, processShutdownEvent; 1.32+ podManager.killPods) and the power-off after them.

import { describe, expect, it } from 'vitest';
import { buildScenario, type PodDesc } from '../testing/build';
import { simulate } from './simulate';

const pod = (extra: Partial<PodDesc> = {}): PodDesc => ({
  version: '1.33', grace: 30,
  init: [{ name: 'proxy', kind: 'sidecar', behavior: { onStop: { kind: 'exit', after: 0.5, exitCode: 0 } } }],
  main: [{ name: 'app', behavior: { onStop: { kind: 'exit', after: 1, exitCode: 143 } } }],
  events: [{ at: 60, do: 'shutdownNode' }],
  ...extra,
});

const run = (d: PodDesc) => simulate(buildScenario(d));
const killOf = (d: PodDesc, name = 'app') => run(d).events.find((e) => e.type === 'container.kill' && e.container === name);
const poweredOff = (d: PodDesc) => run(d).events.find((e) => e.type === 'node.poweredOff');

describe('shutdownNode [8.16]', () => {
  it('a regular pod gets min(its grace, shutdownGracePeriod - shutdownGracePeriodCriticalPods): 20 s by default, 10 s when its own is shorter', () => {
    expect(killOf(pod())).toMatchObject({ gracePeriodSeconds: 20 });
    expect(killOf(pod({ grace: 10 }))).toMatchObject({ gracePeriodSeconds: 10 });
    expect(killOf(pod({ kubelet: { shutdownGracePeriod: 120, shutdownGracePeriodCriticalPods: 30 } }))).toMatchObject({ gracePeriodSeconds: 30 });
  });

  it('a critical pod waits in the critical group, whose window is shutdownGracePeriodCriticalPods; the empty regular group is skipped', () => {
    const d = pod({ priority: 2000001000 });
    expect(killOf(d)).toMatchObject({ t: 60, gracePeriodSeconds: 10 });
    expect(run(d).events.find((e) => e.type === 'node.shutdown')?.why).toMatch(/critical pods' group .*regular group has no pod and is skipped/);
  });

  it('once the kill returned and the final status is written, the node powers off (1.32+: a relist later, for the volumes)', () => {
    const trace = run(pod());
    const phase = trace.events.filter((e) => e.type === 'pod.phase').at(-1)!;
    expect(phase).toMatchObject({ phase: 'Failed', reason: 'Terminated', message: 'Pod was terminated in response to imminent node shutdown.' });
    expect(poweredOff(pod())!.t).toBeCloseTo(phase.t + 1, 3);
    expect(poweredOff(pod({ version: '1.31' }))!.t).toBeCloseTo(phase.t, 3);
  });

  it('a kill that outlasts the window: the node powers off with the containers still running, and no terminal status is written', () => {
    const d = pod({ main: [{ name: 'app', behavior: { onStop: { kind: 'ignore' } } }] });
    const trace = run(d);
    const off = trace.events.find((e) => e.type === 'node.poweredOff')!;
    expect(off.t).toBe(80); // the group's 20 s window, from the shutdown event
    expect(trace.events.filter((e) => e.type === 'container.exit').map((e) => [e.container, e.exitCode, e.t])).toEqual([['proxy', 255, 80], ['app', 255, 80]]);
    expect(trace.events.some((e) => e.type === 'pod.phase' && e.t > 60)).toBe(false);
    expect(trace.events.filter((e) => e.type === 'pod.kubectl').at(-1)).toMatchObject({ ready: '2/2', status: 'Running' });
  });

  it('shutdownGracePeriod 0: graceful shutdown is off, the node powers off at once', () => {
    const trace = run(pod({ kubelet: { shutdownGracePeriod: 0 } }));
    expect(trace.events.find((e) => e.type === 'node.poweredOff')?.t).toBe(60);
    expect(trace.events.some((e) => e.type === 'container.kill')).toBe(false);
  });

  it('nothing happens on a node that powered off: a later fault or a kubelet restart has no event', () => {
    const trace = run(pod({ kubelet: { shutdownGracePeriod: 0 }, events: [{ at: 60, do: 'shutdownNode' }, { at: 62, do: 'restartKubelet' }, { at: 63, do: 'crash', container: 'app' }] }));
    expect(trace.events.some((e) => e.t > 60 && (e.type === 'fault' || e.type.startsWith('node.kubelet')))).toBe(false);
  });
});
