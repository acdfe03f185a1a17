// [2.11] The describe panel's SandboxChanged row, as kubectl describe prints the kubelet's event
// (SyncPod step 1, every version read; published: "Normal SandboxChanged … Pod sandbox changed, it
// will be killed and re-created.", then the re-created containers' Pulled/Created/Started).

import { describe, expect, it } from 'vitest';
import { runFixture } from '../../engine/golden/harness';
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
});
