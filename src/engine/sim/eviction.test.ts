// [8.15] The eviction manager's grace override by version and threshold (eviction_manager.go
// synchronize/evictPod: hard 0 in 1.27-1.30, immediateEvictionGracePeriodSeconds = 1 from 1.31,
// #124063; soft evictionMaxPodGracePeriod, min(it, the pod's grace) from 1.32, #122890), what the
// pod worker makes of it (calculateEffectiveGracePeriod), and who is not evicted.

import { describe, expect, it } from 'vitest';
import { buildScenario, type PodDesc } from '../testing/build';
import { simulate } from './simulate';
import type { KubeVersion } from '../version';

const pod = (version: KubeVersion, extra: Partial<PodDesc> = {}): PodDesc => ({
  version, grace: 30, until: 120,
  init: [{ name: 'proxy', kind: 'sidecar' }],
  main: [{ name: 'app', behavior: { onStop: { kind: 'ignore' } } }],
  events: [{ at: 20, do: 'evictPod' }],
  ...extra,
});

function kills(d: PodDesc) {
  const trace = simulate(buildScenario(d));
  return { trace, app: trace.events.find((e) => e.type === 'container.kill' && e.container === 'app') };
}

describe('evictPod: the grace of the kill [8.15]', () => {
  it('a hard threshold: the pod\'s own 30 s up to 1.30 (a 0 override reads as no value), 1 s from 1.31', () => {
    for (const v of ['1.29', '1.30'] as const) expect(kills(pod(v)).app).toMatchObject({ gracePeriodSeconds: 30 });
    for (const v of ['1.31', '1.33', '1.37'] as const) expect(kills(pod(v)).app).toMatchObject({ gracePeriodSeconds: 1 });
  });

  it('a soft threshold: evictionMaxPodGracePeriod, longer than the pod\'s grace until 1.31, at most it from 1.32', () => {
    const soft = (v: KubeVersion, max: number) => pod(v, { grace: 20, kubelet: { evictionMaxPodGracePeriod: max }, events: [{ at: 20, do: 'evictPod', threshold: 'soft' }] });
    expect(kills(soft('1.31', 45)).app).toMatchObject({ gracePeriodSeconds: 45 });
    expect(kills(soft('1.32', 45)).app).toMatchObject({ gracePeriodSeconds: 20 });
    expect(kills(soft('1.33', 5)).app).toMatchObject({ gracePeriodSeconds: 5 });
    expect(kills(soft('1.33', 0)).app).toMatchObject({ gracePeriodSeconds: 20 }); // the default: the pod's own
  });

  it('a critical pod is never evicted, nor a pod evicted already: the event says so and nothing stops', () => {
    const critical = kills(pod('1.33', { priority: 2000001000 }));
    expect(critical.app).toBeUndefined();
    expect(critical.trace.events.find((e) => e.type === 'node.eviction')?.why).toMatch(/critical \(priority 2000001000\)/);
    const twice = kills(pod('1.33', { events: [{ at: 20, do: 'evictPod' }, { at: 21, do: 'evictPod' }] }));
    const second = twice.trace.events.filter((e) => e.type === 'node.eviction')[1];
    expect(second?.why).toMatch(/evicted this pod already: it evicts at most one pod a pass/);
    expect(twice.trace.events.filter((e) => e.type === 'container.kill' && e.container === 'app')).toHaveLength(1);
  });

  it('the pod stays: no pod.gone, no Terminating row, and the run ends 10 s after the kill', () => {
    const { trace } = kills(pod('1.33', { until: undefined }));
    expect(trace.events.some((e) => e.type === 'pod.gone' || e.type === 'pod.deleted')).toBe(false);
    expect(trace.events.filter((e) => e.type === 'pod.kubectl').map((e) => e.status)).not.toContain('Terminating');
    const exit = trace.events.filter((e) => e.type === 'container.exit').at(-1)!;
    expect(trace.end).toBeCloseTo(exit.t + 10, 3);
  });

  it('a kubelet restart while the kubelet still kills the pod is not simulated: a fault says so, nothing else changes', () => {
    const { trace } = kills(pod('1.30', { events: [{ at: 20, do: 'evictPod' }, { at: 25, do: 'restartKubelet' }] }));
    expect(trace.events.find((e) => e.type === 'fault' && e.do === 'restartKubelet')?.why).toMatch(/not simulated yet/);
    expect(trace.events.some((e) => e.type === 'node.kubeletRestart')).toBe(false);
  });
});
