// After a new sandbox the purge removes an init container's earlier runs, so doBackOff finds no
// exited status for it and lets the start through at once (kuberuntime_manager.go doBackOff:
// `if cStatus == nil { return false, "", nil }`; purgeInitContainers; 1.3x copy, library id
// 14701678, the same 1.27-1.37) [2.9] [4.5].
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { SUPPORTED_VERSIONS } from '../version';

const pod = (v: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - { name: init-a, image: busybox:1.36, command: [sh, -c, 'sleep 1'] }
    - { name: init-b, image: busybox:1.36, command: [sh, -c, 'sleep 1; exit 1'] }
  containers:
    - { name: app, image: busybox:1.36, command: [sleep, '3600'] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 150s
events:
  - { at: 60s, do: killSandbox }
`;

describe('doBackOff after purgeInitContainers: no back-off for a purged init container [2.9] [4.5]', () => {
  it.each(SUPPORTED_VERSIONS)('init-b, crash-looping in a 40 s back-off when the sandbox dies at 60 s, starts again right after init-a in the new sandbox, at attempt 0 (%s)', (v) => {
    const t = runScenario(pod(v)).trace!;
    const changed = t.events.find((e) => e.type === 'pod.sandboxChanged')!;
    const aDone = t.events.find((e) => e.type === 'container.exit' && e.container === 'init-a' && e.t > changed.t)!;
    const bAgain = t.events.find((e) => e.type === 'container.start' && e.container === 'init-b' && e.t > changed.t)!;
    expect(bAgain.t - aDone.t).toBeLessThanOrEqual(1.5); // the next sync, not the 40 s back-off's end
    expect(bAgain.type === 'container.start' && bAgain.attempt).toBe(0);
    expect(bAgain.why).toContain("[2.9] No back-off: the new sandbox's purge removed its earlier runs");
    const refusedBetween = t.events.filter((e) => e.type === 'container.backoffAgain' && e.container === 'init-b' && e.t > changed.t && e.t < bAgain.t);
    expect(refusedBetween).toEqual([]);
  });
});
