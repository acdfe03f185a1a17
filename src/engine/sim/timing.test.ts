// Default timings calibrated against containerd ([15.5]–[15.7]): a cached image's first container
// starts within the pod's first second; a default pull (0.5 s) puts it just past it.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { CONTAINER_CREATE, CONTAINER_START, SANDBOX_CREATE } from './timing';

const pod = (sim: string) => `apiVersion: v1
kind: Pod
metadata: { name: timing }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: [sleep, "3600"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 5s
${sim}`;

function firstStart(text: string): number {
  const e = runScenario(text, {}).trace?.events.find((x) => x.type === 'container.start');
  if (!e) throw new Error('no container.start');
  return e.t;
}

describe('default timings [15.5] [15.6] [15.7]', () => {
  it('a cached image (pull: 0): the first container starts within the pod’s first second', () => {
    const t = firstStart(pod('containers:\n  app: { pull: 0s }\n'));
    expect(t).toBeCloseTo(SANDBOX_CREATE + CONTAINER_CREATE + CONTAINER_START, 6);
    expect(t).toBeLessThan(1);
  });

  it('an image pulled with the default pull time starts 0.5 s later', () => {
    expect(firstStart(pod(''))).toBeCloseTo(SANDBOX_CREATE + 0.5 + CONTAINER_CREATE + CONTAINER_START, 6);
  });
});
