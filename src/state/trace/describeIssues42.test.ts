// Golden tests from kubernetes/kubernetes bug reports about what `kubectl describe pod` shows of a
// container and which kubelet events are never recorded (session 42, helper "issues12"), each a
// scenario built from the report's own pod and run on every minor it applies to. Read through the
// library's issues index (descriptions and the comments it keeps). Upstream code read: killContainer
// and executePreStopHook in pkg/kubelet/kuberuntime/kuberuntime_container.go at the stored commit
// fbba6b47 (a 1.33/1.34-era tree, library id 41926215: Killing is recorded before
// StopContainer(gracePeriod), and nothing is recorded when the runtime's SIGKILL ends the grace);
// #92614's diff of computePodActions' createPodSandbox branch (the issues index: "We should not
// create a sandbox for a Pod if initialization is done and there is no container to start"). The
// spam-filter reports are in eventIssues42.test.ts.
//
// - kubernetes#93826 (2020-08, closed, "Back-off restarting failed container"; "message \"Back-off
//   restarting failed container\" shouldn't in the Events message"): a wordpress container whose
//   runs end with exit 1 after 227 s (its Last State: Started 12:12:19, Finished 12:16:06), shown
//   `State: Running`, `Last State: Terminated, Reason: Error, Exit Code: 1`, `Ready: True`, the
//   BackOff event still listed. The BackOff event was written while the container waited ([4.9])
//   and stays listed for an hour after its last write ([10.7]) whatever the container does now;
//   the Last State is the run before ([10.3]). Asserted after the 5th exit, whose back-off is 80 s
//   (the report's 83 s between Finished and Started; its restartCount 19 is not reproduced).
//   Every minor; the message names the container since 1.26 (#113216, before the range).
// - kubernetes#58201 (2018-01, 1.8, closed rotten, "SandboxChanged whenever a job pod completes";
//   fixed for Never by #68980, 2018, "Kubelet should not create a new pod sandbox if all containers
//   are done", and for OnFailure by #92614, 2020, after kubernetes#92613): a completed Job pod's
//   describe ends with Started, no `SandboxChanged` ([2.11]); under both policies, and for a bare
//   pod. Every minor.
// - kubernetes#67126 (2018-08, closed rotten, "Events/alerts for force killed pods": "Kubernetes
//   will force kill those [...] after a grace period. This will be done entirely silent"): a
//   container that ignores SIGTERM, the pod deleted: `Killing Stopping container app` at the
//   deletion and nothing at the SIGKILL 30 s later, though the container ends with 137 ([8.3]
//   [8.5]; killContainer above). Every minor.
//
// Not modelled (no test): kubernetes#118679 (ExceededGracePeriod "Container runtime did not kill
// the pod within specified grace period." after an eviction's killPodNow): no eviction is
// simulated.
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { at, events } from '../../engine/golden/issues/issues.testkit';
import type { Trace } from '../../engine/trace';
import { SUPPORTED_VERSIONS } from '../../engine/version';
import { containersAt } from './containersAt';
import { describeEvents, type DescribeRow } from './describeEvents';

/** The row's message without kubectl 1.35+'s fieldPath prefix ([10.6]). */
const bare = (r: DescribeRow): string => r.message.replace(/^spec\.(?:init)?[cC]ontainers\{[^}]+\}: /, '');

// kubernetes#93826 ------------------------------------------------------------------------------

const WORDPRESS = `apiVersion: v1
kind: Pod
metadata: { name: wordpress-5bbd7fd785-p4s9r }
spec:
  containers:
    - name: wordpress
      image: wordpress:4.8-apache
      ports: [{ containerPort: 80 }]`;
const WORDPRESS_SIM = `until: 1400s
containers:
  wordpress: { exitAfter: 227s, exitCode: 1 }
`;

describe('kubernetes#93826: Running, Last State Terminated Error 1, Ready True, and the BackOff row still listed [10.7] [4.9] [10.3]', () => {
  it.each(SUPPORTED_VERSIONS)('after the 5th exit and its 80 s back-off (%s)', (v) => {
    const trace = at(WORDPRESS, WORDPRESS_SIM, v);
    const exits = events(trace, 'container.exit', 'wordpress');
    const starts = events(trace, 'container.start', 'wordpress');
    expect(exits.length).toBeGreaterThanOrEqual(5);
    const last = exits[4]!;
    const current = starts[5]!;
    expect(last).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(last.t - starts[4]!.t).toBeCloseTo(227, 0); // the report's Started 12:12:19, Finished 12:16:06
    expect(current.t - last.t).toBeGreaterThanOrEqual(80); // the report's 83 s
    expect(current.t - last.t).toBeLessThan(85);
    const now = current.t + 60;
    expect(containersAt(trace, now)[0]).toMatchObject({ state: 'Running', ready: true, restarts: 5 });
    const backOff = describeEvents(trace, now, 'wordpress-5bbd7fd785-p4s9r').filter((r) => r.reason === 'BackOff');
    expect(backOff).toHaveLength(1);
    expect(backOff[0]).toMatchObject({ type: 'Warning' });
    expect(bare(backOff[0]!)).toBe('Back-off restarting failed container wordpress in pod wordpress-5bbd7fd785-p4s9r_default');
    // written while the container waited, before the run that is Running now
    expect(backOff[0]!.t).toBeLessThan(current.t);
    expect(backOff[0]!.count).toBeGreaterThanOrEqual(4);
  });
});

// kubernetes#58201 ------------------------------------------------------------------------------

const JOB = (policy: string): string => `apiVersion: batch/v1
kind: Job
metadata: { name: hello }
spec:
  template:
    spec:
      restartPolicy: ${policy}
      containers:
        - name: hello
          image: busybox
          command: ["sh", "-c", "echo hello"]`;
const POD = (policy: string): string => `apiVersion: v1
kind: Pod
metadata: { name: testpod }
spec:
  restartPolicy: ${policy}
  containers:
    - name: test
      image: busybox
      args: ["/bin/sh", "-c", "echo hello"]`;

function completedDescribe(trace: Trace, podName: string): string[] {
  expect(events(trace, 'pod.sandboxChanged')).toEqual([]);
  return describeEvents(trace, 290, podName).map((r) => r.reason);
}

describe('kubernetes#58201: no SandboxChanged after a Job pod completes (#68980 for Never, #92614 for OnFailure) [2.11]', () => {
  for (const policy of ['Never', 'OnFailure']) {
    it.each(SUPPORTED_VERSIONS)(`a Job pod, restartPolicy ${policy}: describe ends with Started (%s)`, (v) => {
      const trace = at(JOB(policy), 'until: 300s\n', v);
      const pods = [...new Set(trace.events.map((e) => e.pod).filter((p): p is string => p !== undefined))];
      expect(pods).toHaveLength(1);
      expect(events(trace, 'job.complete')).toHaveLength(1);
      expect(completedDescribe(trace, pods[0]!)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    });
    it.each(SUPPORTED_VERSIONS)(`a bare pod, restartPolicy ${policy} (%s)`, (v) => {
      expect(completedDescribe(at(POD(policy), 'until: 300s\n', v), 'testpod')).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    });
  }
});

// kubernetes#67126 ------------------------------------------------------------------------------

const HANG = `apiVersion: v1
kind: Pod
metadata: { name: hang }
spec:
  containers:
    - name: app
      image: busybox
      command: ["sleep", "3600"]`;

describe('kubernetes#67126: the SIGKILL at the end of the grace records no event [8.3] [8.5]', () => {
  it.each(SUPPORTED_VERSIONS)('Killing at the deletion, then nothing though the container ends with 137 (%s)', (v) => {
    const trace = at(HANG, 'until: 120s\nevents:\n  - { at: 20s, do: deletePod }\n', v);
    const kill = events(trace, 'container.signal', 'app').find((e) => e.signal === 'SIGKILL')!;
    expect(kill.t).toBe(50);
    expect(events(trace, 'container.exit', 'app').map((e) => [e.t, e.exitCode])).toEqual([[50, 137]]);
    const now = kill.t + 0.5; // before the pod is gone
    expect(events(trace, 'pod.gone').every((e) => e.t > now)).toBe(true);
    const late = describeEvents(trace, now, 'hang').filter((r) => r.t >= 20);
    expect(late.map((r) => [r.type, r.reason, r.count, r.t, bare(r)])).toEqual([['Normal', 'Killing', 1, 20, 'Stopping container app']]);
  });
});
