// Golden test: upstream node END-TO-END tests of a kubelet in standalone mode ([Feature:StandaloneMode]:
// static pods, no API server; the test reads the kubelet's own /pods), translated to whole scenarios
// run through runScenario on the minors they apply to (session 42, helper e2eaudit; no earlier golden
// file translates these Its).
//
// Upstream file (kubernetes/kubernetes): test/e2e_node/standalone_test.go, stored copy library id
// 3606108665 (25,345 chars: the EnvFiles Describe, f.Context/f.It, the RestartAllContainers Describe;
// a 1.35+ tree). Cases translated:
// - "[Feature:StandaloneMode] when creating a static pod › the pod should be running"
//   (createBasicStaticPodSpec: one busybox container `touch /tmp/healthy; sleep 10000`, 15Mi memory,
//   a readiness probe `cat /tmp/healthy` with initialDelaySeconds 2 and timeoutSeconds 2,
//   restartPolicy Always): Eventually (5 s polls, PodStart 5 min) testutils.PodRunningReady (phase
//   Running and the Ready condition True).
// - "[Feature:StandaloneMode] [Serial] when creating a static pod and restarting kubelet › the pod should
//   be running and kubelet not panic": the same pod Running and Ready (5 s polls), restartKubelet,
//   Eventually the kubelet's health check (f.Timeouts.Poll, 2 s), then Eventually (30 s polls, 5 min)
//   PodRunningReady again. The restart is the scenario's `restartKubelet` at the poll that saw the pod
//   Ready (the engine's kubelet is down 5 s; its health check passes once it is back, node.kubeletStarted).
// - "Pod Extended (RestartAllContainers) [Feature:StandaloneMode] [FeatureGate:ContainerRestartRules]
//   [FeatureGate:RestartAllContainersOnContainerExits] › should restart all containers on regular
//   container exit": init `exit 0`, sidecar `sleep 10000`, source-container `sleep 60; exit 42`
//   (restartPolicy Never with a RestartAllContainers rule on 42), regular `sleep 10000`, pod
//   restartPolicy Never. PodRunningReady within PodStart (2 s polls), then Eventually (2 s polls,
//   10 min) every init container status and every container status has restartCount > 0.
// A static pod's containers run as an API pod's do; the engine has no static pods, so the pod is a
// plain one and "the kubelet's /pods" is the status the kubelet writes (the trace's writes and pod
// events). One difference the checks do not reach: with no API server, a restarted kubelet has no
// earlier status to keep, so from 1.35 (KEP-4781) a standalone kubelet starts its statuses over where
// the engine's keeps them; both end Running and Ready, which is all the case asks.
//
// Versions: the first two cases use nothing newer than 1.27 (static pods and kubelet restarts are
// older) and run on 1.27-1.37. The RestartAllContainers case needs both gates and runs from 1.36
// (RestartAllContainersOnContainerExits beta, on by default): like the API-server cases of the same
// action (podLifecycleE2eRestartRules.test.ts, L21-L25), its e2e coverage came after kubernetes#136964
// (1.36); 1.35 had the action only as alpha.
//
// Not expressible: "when the static pod has init container › should be ready after init container is
// removed and kubelet restarts" (it checks that pod.status.startTime changes across the restart, a
// standalone kubelet's fresh status; the trace has no startTime, and the engine's restarted kubelet
// keeps its API status), "the pod with the port on host network should be running and can be upgraded
// when the container name changes" (a rewritten static pod manifest is a new pod: no spec update but
// setImage in the engine), "when creating a static pod with EnvFiles › the pod should be running and
// consume variables" (the container's environment and logs).
import { describe, expect, it } from 'vitest';
import { fail } from './logAssertions';
import { conditionTransition, minors, phaseAtT, pollUntil, runText, statusAt } from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

const BUSYBOX = 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1'; // imageutils.BusyBox
const POD_START = 300; // f.Timeouts.PodStart

function run(pod: string, v: KubeVersion, extra = ''): Trace {
  return runText(`${pod}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 900s
${extra}`, v);
}

/** testutils.PodRunningReady on the pod the kubelet reports at t. */
const runningReady = (trace: Trace, t: number): boolean =>
  phaseAtT(trace, t) === 'Running' && conditionTransition(trace, 'Ready', t)?.status === 'True';

function waitRunningReady(trace: Trace, from: number, every: number, names: string[]): number {
  const t = pollUntil(from, POD_START, every, (x) => runningReady(trace, x));
  if (t === undefined) fail(trace, `pod is not running and ready within ${POD_START}s of ${from}s`, names);
  return t;
}

// createBasicStaticPodSpec
const basicPod = `apiVersion: v1
kind: Pod
metadata:
  name: static-pod
spec:
  restartPolicy: Always
  containers:
    - name: regular1
      image: ${BUSYBOX}
      command: [/bin/sh, -c, touch /tmp/healthy; sleep 10000]
      resources: { requests: { memory: 15Mi }, limits: { memory: 15Mi } }
      readinessProbe:
        initialDelaySeconds: 2
        timeoutSeconds: 2
        exec: { command: [/bin/sh, -c, cat /tmp/healthy] }
`;

describe('test/e2e_node/standalone_test.go: [Feature:StandaloneMode]', () => {
  for (const v of minors(27)) {
    it(`when creating a static pod the pod should be running (${v})`, () => {
      waitRunningReady(run(basicPod, v), 0, 5, ['regular1']);
    });

    it(`when creating a static pod and restarting kubelet the pod should be running and kubelet not panic (${v})`, () => {
      const ready = waitRunningReady(run(basicPod, v), 0, 5, ['regular1']);
      const trace = run(basicPod, v, `events:\n  - { at: ${ready}s, do: restartKubelet }\n`);
      expect(waitRunningReady(trace, 0, 5, ['regular1']), 'the run with the restart is the same up to it').toBe(ready);
      const back = trace.events.find((e) => e.type === 'node.kubeletStarted' && e.t >= ready)?.t;
      if (back === undefined) fail(trace, 'the kubelet never came back', ['regular1']);
      const healthy = pollUntil(ready, POD_START, 2, (t) => t >= back);
      if (healthy === undefined) fail(trace, 'kubelet should be started', ['regular1']);
      waitRunningReady(trace, healthy, 30, ['regular1']);
    });
  }
});

const restartAllPod = `apiVersion: v1
kind: Pod
metadata:
  name: static-pod
spec:
  restartPolicy: Never
  initContainers:
    - name: init
      image: ${BUSYBOX}
      command: [/bin/sh, -c, exit 0]
    - name: sidecar
      image: ${BUSYBOX}
      command: [/bin/sh, -c, sleep 10000]
      restartPolicy: Always
  containers:
    - name: source-container
      image: ${BUSYBOX}
      command: [/bin/sh, -c, sleep 60; exit 42]
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [42] }
    - name: regular
      image: ${BUSYBOX}
      command: [/bin/sh, -c, sleep 10000]
`;
const ALL_CONTAINERS = ['init', 'sidecar', 'source-container', 'regular'];

describe('test/e2e_node/standalone_test.go: Pod Extended (RestartAllContainers) [Feature:StandaloneMode] [FeatureGate:ContainerRestartRules] [FeatureGate:RestartAllContainersOnContainerExits]', () => {
  for (const v of minors(36)) {
    it(`should restart all containers on regular container exit (${v})`, () => {
      const trace = run(restartAllPod, v);
      const ready = waitRunningReady(trace, 0, 2, ALL_CONTAINERS);
      const restarted = pollUntil(ready, 600, 2, (t) => ALL_CONTAINERS.every((c) => (statusAt(trace, c, t)?.restartCount ?? 0) > 0));
      if (restarted === undefined) fail(trace, 'some container has not restarted within 10 min', ALL_CONTAINERS);
    });
  }
});
