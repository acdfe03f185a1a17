// podFailurePolicy's onExitCodes reads the init containers' statuses too, sidecars included
// ([16.7]). Upstream: pkg/controller/job/pod_failure_policy.go matchOnExitCodes (ContainerStatuses,
// then InitContainerStatuses; Terminated, non-zero codes only), read at the stored 1.3x file; the
// API's own words (PodFailurePolicyOnExitCodesRequirement, #111113): "each app container and init
// container status". A sidecar that ignores SIGTERM is SIGKILLed (137) when its Job pod ends, so a
// rule on 137 (a common guard for OOM kills) matches every failed pod of such a Job.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace } from '../trace';

function job(rule: string): Trace {
  const r = runScenario(`apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  backoffLimit: 0
  podFailurePolicy:
    rules:
${rule}
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 3
      initContainers:
        - { name: proxy, image: busybox:1.36, restartPolicy: Always, command: [sleep, infinity] }
      containers:
        - { name: main, image: busybox:1.36, command: [sh, -c, 'sleep 1; exit 1'] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
`);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const sidecarExit = (t: Trace) => t.events.find((e) => e.type === 'container.exit' && e.container === 'proxy');
const failed = (t: Trace) => t.events.find((e) => e.type === 'job.failed');

describe('[16.7] podFailurePolicy onExitCodes and a sidecar\'s exit code', () => {
  it('an Ignore rule on 137 matches the SIGKILLed sidecar of a pod whose main container failed with 1: not counted, the pod is replaced', () => {
    const t = job('      - action: Ignore\n        onExitCodes: { operator: In, values: [137] }');
    expect(sidecarExit(t)).toMatchObject({ exitCode: 137 });
    expect(failed(t)).toBeUndefined();
    expect((t.pods ?? []).length).toBeGreaterThan(1);
  });
  it('the same rule restricted to containerName main does not match: the failure counts and backoffLimit 0 fails the Job', () => {
    const t = job('      - action: Ignore\n        onExitCodes: { containerName: main, operator: In, values: [137] }');
    expect(failed(t)).toMatchObject({ reason: 'BackoffLimitExceeded' });
    expect(t.pods).toHaveLength(1);
  });
});
