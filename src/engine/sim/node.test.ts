// Node events are the node's, not the user's ([0.5], contract section 3 second round): a kubelet
// restart and a reboot are written as node.* events with the scenario action's name in `do`;
// what the user injects into a container stays a `fault`.

import { describe, expect, it } from 'vitest';
import { runFixture } from '../golden/harness';
import { simulate } from './simulate';
import { buildScenario } from '../testing/build';

describe('node events [0.5]', () => {
  it('E23: a kubelet restart is node.kubeletRestart, then node.kubeletStarted caused by it; no fault', () => {
    const { trace } = runFixture('E23');
    const restart = trace.events.find((e) => e.type === 'node.kubeletRestart')!;
    expect(restart).toMatchObject({ do: 'restartKubelet' });
    expect(restart.cause).toBeUndefined();
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!;
    expect(back.cause).toEqual([restart.id]);
    expect(back.t).toBeGreaterThan(restart.t);
    expect(trace.events.some((e) => e.type === 'fault')).toBe(false);
  });

  it('E24: the exited containers\' records removed while the kubelet is down are node.containersRemoved', () => {
    const { trace } = runFixture('E24');
    expect(trace.events.find((e) => e.type === 'node.containersRemoved')).toMatchObject({ do: 'removeExitedContainers' });
  });

  it('E22: a reboot is node.reboot; the containers it kills cite it', () => {
    const { trace } = runFixture('E22');
    const reboot = trace.events.find((e) => e.type === 'node.reboot')!;
    expect(reboot).toMatchObject({ do: 'recreateSandbox' });
    const exits = trace.events.filter((e) => e.type === 'container.exit' && e.cause?.includes(reboot.id!));
    expect(exits.length).toBeGreaterThan(0);
  });

  it('an injected crash stays a fault', () => {
    const trace = simulate(buildScenario({ until: 20, main: [{ name: 'app', behavior: {} }], events: [{ at: 5, do: 'crash', container: 'app' }] }));
    expect(trace.events.find((e) => e.type === 'fault')).toMatchObject({ do: 'crash', container: 'app' });
    expect(trace.events.some((e) => e.type.startsWith('node.'))).toBe(false);
  });
});
