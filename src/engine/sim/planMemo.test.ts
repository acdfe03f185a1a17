import { describe, expect, it } from 'vitest';
import { buildScenario } from '../testing/build';
import { SimNode } from './simNode';
import { startPod } from './simulatePod';
import { actionsInput } from './sync';
import { plannedActions } from './planMemo';
import { computePodActions } from '../kubelet/computePodActions';
import { setFullRecompute } from './changedSet';

/** A crash-looping container, run up to `t` simulated seconds (its syncs in back-off see one runtime state). */
function crashLoopAt(t: number) {
  const scenario = buildScenario({ until: 600, main: [{ name: 'app', behavior: { exitAfter: 0, exitCode: 1 } }] });
  const node = new SimNode(600);
  const sim = startPod(node, scenario, 600, { events: scenario.sim.events });
  node.k.horizon = t;
  node.k.run();
  return sim;
}

describe('the plan of an equal input (computePodActions, kuberuntime_manager.go, 1.28-1.33, pure) [0.1]', () => {
  it('is the previous plan itself while the runtime tables, spec lists and flags are unchanged', () => {
    const sim = crashLoopAt(300);
    const first = plannedActions(sim, actionsInput(sim));
    const again = plannedActions(sim, actionsInput(sim));
    expect(again).toBe(first);
    expect(again).toEqual(computePodActions(actionsInput(sim)));
  });

  it('is computed again once the runtime changed, and equals computePodActions of the new input', () => {
    const sim = crashLoopAt(300);
    const before = plannedActions(sim, actionsInput(sim));
    sim.k.horizon = 600;
    sim.k.run();
    const after = plannedActions(sim, actionsInput(sim));
    expect(after).toEqual(computePodActions(actionsInput(sim)));
    expect(sim.rec('app').instances.length).toBeGreaterThan(0);
    expect(after === before).toBe(false);
  });

  it('is never reused under the full recompute the properties compare with', () => {
    const sim = crashLoopAt(300);
    setFullRecompute(true);
    try {
      const first = plannedActions(sim, actionsInput(sim));
      expect(plannedActions(sim, actionsInput(sim))).not.toBe(first);
    } finally {
      setFullRecompute(false);
    }
  });
});
