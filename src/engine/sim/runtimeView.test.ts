import { describe, expect, it } from 'vitest';
import { buildScenario } from '../testing/build';
import { SimNode } from './simNode';
import { startPod } from './simulatePod';
import { runtimeTables } from './runtimeView';

/** A pod on its own node, run up to `t` simulated seconds. */
function podAt(t: number) {
  const scenario = buildScenario({
    until: 60,
    main: [
      { name: 'app', livenessProbe: { periodSeconds: 1 }, behavior: { exitAfter: 5 } },
      { name: 'web' },
    ],
  });
  const node = new SimNode(60);
  const sim = startPod(node, scenario, 60, { events: scenario.sim.events });
  node.k.horizon = t;
  node.k.run();
  return { sim, node };
}

describe('computePodActions\' runtime tables (kubecontainer.Status per container, kuberuntime_manager.go computePodActions, 1.28-1.33) [0.1]', () => {
  it('has every container\'s key from the start, in spec order, undefined while it has no instance', () => {
    const { sim } = podAt(0);
    const { runtime, liveness } = runtimeTables(sim);
    expect(Object.keys(runtime)).toEqual(['app', 'web']);
    expect(Object.keys(liveness)).toEqual(['app', 'web']);
    expect(liveness.web).toBeUndefined(); // no liveness probe: no result
  });

  it('reuses a container\'s view while its instance is unchanged, and builds a new one when it exits', () => {
    const { sim, node } = podAt(2);
    const running = runtimeTables(sim).runtime.app;
    expect(running?.state).toBe('running');
    expect(runtimeTables(sim).runtime.app).toBe(running); // the same object: nothing it copies changed
    node.k.horizon = 20;
    node.k.run();
    const after = runtimeTables(sim).runtime.app;
    expect(after).not.toBe(running);
    expect(after?.state === 'exited' || (after?.attempts ?? 0) > 1).toBe(true); // it exited (and may have restarted)
  });
});
