// [2.11] The describe panel's SandboxChanged row, as kubectl describe prints the kubelet's event
// (SyncPod step 1, every version read; published: "Normal SandboxChanged … Pod sandbox changed, it
// will be killed and re-created.", then the re-created containers' Pulled/Created/Started).

import { describe, expect, it } from 'vitest';
import { runFixture } from '../../engine/golden/harness';
import { simulate } from '../../engine/sim/simulate';
import { buildScenario } from '../../engine/testing/build';
import { describeEvents } from './describeEvents';

describe('describe panel: SandboxChanged [2.11]', () => {
  it('E22 (a node reboot): one Normal SandboxChanged from the kubelet, before the containers start again', () => {
    const { trace } = runFixture('E22');
    const rows = describeEvents(trace, trace.end, 'test-pod');
    const changed = rows.find((r) => r.reason === 'SandboxChanged');
    expect(changed).toMatchObject({ type: 'Normal', from: 'kubelet', message: 'Pod sandbox changed, it will be killed and re-created.', count: 1 });
    const reboot = trace.events.find((e) => e.type === 'node.reboot')!;
    const startedAgain = rows.filter((r) => r.reason === 'Started' && r.t > reboot.t);
    expect(startedAgain.length).toBeGreaterThan(0);
    for (const r of startedAgain) expect(r.t).toBeGreaterThanOrEqual(changed!.t);
  });

  it('a killed sandbox (killSandbox) reads as the published exercise: SandboxChanged, then Killing "Stopping container web"', () => {
    const trace = simulate(buildScenario({ until: 60, main: [{ name: 'web', behavior: {} }], events: [{ at: 20, do: 'killSandbox' }] }));
    const rows = describeEvents(trace, trace.end, 'suivi');
    const changed = rows.find((r) => r.reason === 'SandboxChanged')!;
    const killing = rows.find((r) => r.reason === 'Killing')!;
    expect(killing).toMatchObject({ type: 'Normal', from: 'kubelet', message: expect.stringMatching(/(^|: )Stopping container web$/) });
    expect(killing.t).toBe(changed.t);
    expect(rows.indexOf(killing)).toBeGreaterThan(rows.indexOf(changed));
    expect(rows.find((r) => r.reason === 'Started')).toMatchObject({ count: 2 });
  });
});
