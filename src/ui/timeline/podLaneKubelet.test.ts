// The pod lane's "kubelet" row ([8.14], [8.16]): drawn only when no kubelet runs for a while, a
// restart's downtime from node.kubeletRestart (or node.reboot) to node.kubeletStarted, and the
// node off from node.poweredOff to the end; pods whose kubelet never left keep their five rows.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { KUBELET_ROW, podLane, STATUS_ROW } from './podLane';

const pod = (events: string) => runScenario(`apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - { name: app, image: example.com/app:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
events:
${events}`).trace!;

const kubeletRow = (events: string) => {
  const trace = pod(events);
  const lane = podLane('web', trace.events, trace.end);
  return { names: lane.subRows.map((r) => r.name), bars: lane.subRows.find((r) => r.name === KUBELET_ROW)?.bars.map((b) => [b.start, b.end, b.label]) };
};

describe('the pod lane\'s kubelet row', () => {
  it('is absent while the kubelet never leaves', () => {
    const row = kubeletRow('  - { at: 20s, container: app, do: crash }\n');
    expect(row.names.at(-1)).toBe(STATUS_ROW);
    expect(row.bars).toBeUndefined();
  });

  it('spans a kubelet restart\'s 5 s downtime', () => {
    expect(kubeletRow('  - { at: 20s, do: restartKubelet }\n').bars).toEqual([[20, 25, 'kubelet down']]);
  });

  it('spans the node off after a shutdown, to the end', () => {
    const trace = pod('  - { at: 20s, do: shutdownNode }\n');
    const off = trace.events.find((e) => e.type === 'node.poweredOff')!.t;
    expect(kubeletRow('  - { at: 20s, do: shutdownNode }\n').bars).toEqual([[off, trace.end, 'node off']]);
  });
});
