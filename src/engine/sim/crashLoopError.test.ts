import { describe, expect, it } from 'vitest';
import { buildScenario } from '../testing/build';
import { SimNode } from './simNode';
import { startPod } from './simulatePod';
import { doBackOff, exitedSnapshot } from './start';

describe('doBackOff\'s CrashLoopBackOff error (kuberuntime_manager.go doBackOff, 1.27-1.36) [4.5] [10.2]', () => {
  it('is the same object at every sync of one back-off, and a new one with the next delay', () => {
    const scenario = buildScenario({ until: 900, main: [{ name: 'app', behavior: { exitAfter: 0, exitCode: 1 } }] });
    const node = new SimNode(900);
    const sim = startPod(node, scenario, 900, { events: scenario.sim.events });
    node.k.horizon = 200;
    node.k.run();
    const lastExited = exitedSnapshot(sim, ['app']).get('app');
    expect(doBackOff(sim, 'app', lastExited)?.ok).toBe(false);
    const first = sim.rec('app').startError;
    expect(first?.reason).toBe('CrashLoopBackOff');
    doBackOff(sim, 'app', lastExited);
    expect(sim.rec('app').startError).toBe(first);
    node.k.horizon = 900;
    node.k.run();
    doBackOff(sim, 'app', exitedSnapshot(sim, ['app']).get('app'));
    const later = sim.rec('app').startError;
    expect(later?.message).not.toBe(first?.message);
    expect(later?.message).toMatch(/^back-off \dm\d+s restarting failed container=app pod=/);
  });
});
