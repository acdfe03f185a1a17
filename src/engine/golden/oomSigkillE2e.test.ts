// Golden test: upstream node END-TO-END tests of containers the kernel or the kubelet kills with
// SIGKILL (an OOM kill, the end of the grace period), translated to whole scenarios run through
// runScenario on every minor they apply to (session 42, helper e2eaudit; no earlier golden file
// translates these Its).
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e_node/oomkiller_linux_test.go: stored 0a40c4e8 (library id 17838216414: "[LinuxOnly]
//   [NodeConformance]" in the Describe names) and 4a0608cb (library id 15244865: framework.WithSerial()
//   / WithNodeConformance(), the restricted securityContext on the target containers). Both hold the
//   same four contexts with the same pods and checks: "OOMKiller [LinuxOnly] [NodeConformance]" ›
//   "single process container", "init container", "multi process container" (cgroup v2 only), and
//   "OOMKiller for pod using more memory than node allocatable [LinuxOnly] [Serial]" › "single process
//   container without resource limits"; each with the It "The containers terminated by OOM killer
//   should have the reason set to OOMKilled".
// - test/e2e_node/pods_lifecycle_termination_test.go, stored 2190775b (library id 4578169144; find_files
//   names 8a537e18): "Pod SIGKILL [LinuxOnly] [NodeConformance]" › "The containers terminated forcefully
//   by Sigkill should have the correct exit code(137) and reason (Error)".
// What they check is older than every minor the engine models (an OOM kill is the runtime's
// OOMKilled with 137, [10.3]; a process still alive at the end of the grace period is SIGKILLed, 137
// Error, [8.5] [8.6]): each case runs on 1.27-1.37.
//
// How upstream's checks map (the API object at t: the status manager's writes and the pod's phase
// events; podLifecycleE2e.testkit.ts):
// - The OOM target runs `sleep 5 && dd if=/dev/zero of=/dev/null bs=20M` under a 15Mi limit: dd's
//   20M block exceeds the limit at once, so the kernel kills the container 5 s after it started. The
//   engine has no memory model: the kill is an `oomKill` event 5 s after the container's start (the
//   test runs the scenario once without it to find the start). The multi-process container's main
//   process is `sleep 86400` with dd in the background: on cgroup v2 the kubelet sets
//   memory.oom.group, so the whole container is killed, the same event. The allocatable case (no
//   limit, dd of 10 × 10G) is killed by the node's allocatable cgroup, again the same event.
// - WaitForPodTerminatedInNamespace(…, reason "", …): phase Failed with an empty status.reason, within
//   PodStart (5 min). Then FindContainerStatusInPod (init and main statuses): Terminated, exit code 137,
//   and reason OOMKilled (upstream skips the reason check when the runtime reports another reason,
//   kubernetes#119600, a containerd/CRI-O flake; the engine's runtime reports OOMKilled).
// - Pod SIGKILL: the container `trap "echo SIGTERM caught" SIGTERM SIGINT; touch /tmp/healthy; sleep
//   1000` is a shell PID 1 running a foreground `sleep`: the trap runs only after sleep returns, so
//   SIGTERM does not stop it, and the grace period (5 s) ends with SIGKILL. The engine reads that from
//   the command alone (no Simulation entry). The test waits for Running and Ready (readiness
//   `cat /tmp/healthy`), deletes the pod (DeleteOptions{}: the spec's 5 s), waits for Failed with an
//   empty reason, and reads exactly one container status: Terminated, 137, reason Error. The pod's
//   finalizer keeps the object after the kubelet is done; the engine removes it then (pod.gone), so
//   the end state is read at the terminal phase.
//
// Not expressible, and why:
// - test/e2e_node/restart_test.go (library id 766644717, a 1.29+ copy) "Restart [Serial] [Slow]
//   [Disruptive] › Kubelet › should delete pods which are marked as terminal and have a deletion
//   timestamp set after restart" (kubernetes#116925): the kubelet is killed as soon as the deleted pod
//   turns Succeeded; the engine's restartKubelet does nothing once the pod is deleted (sim/faults.ts
//   applyFault: `if (!sim.deletion) restartKubelet(…)`), so the restart the case is about cannot be
//   placed. "should force-delete non-admissible pods created and deleted during kubelet restart" and
//   "… that was admitted and running before kubelet restart": node labels, nodeSelector admission and
//   a pod created while the kubelet is down are not modelled. "should correctly account for terminated
//   pods after restart" and the "Container Runtime" / "Docker Daemon" contexts: many pods, CPU
//   accounting, IP leaks.
// - test/e2e_node/terminate_pods_test.go (0b1b0b4f, library id 83401244) "Terminate Pods › should not
//   hang when terminating pods mounting non-existent volumes" (no volumes or secrets modelled) and
//   "when kubelet restarts and there is a terminating pod › should finish terminating" (a static pod
//   whose manifest carries a deletionTimestamp, and a kubelet restart during its termination: the
//   engine has neither static pods nor a restart once the pod is deleted).
import { describe, expect, it } from 'vitest';
import { fail } from './logAssertions';
import { conditionTransition, e2eScenario, minors, phaseAtT, pollUntil, runText, statusAt } from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';

const ALL = minors(27);
const BUSYBOX = 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1'; // busyboxImage
const POD_START = 300; // f.Timeouts.PodStart

const scenario = e2eScenario;

/** The pod's first Failed phase event, which must carry no reason (WaitForPodTerminatedInNamespace with reason ""). */
function waitFailedNoReason(trace: Trace): number {
  const failed = trace.events.find((e) => e.type === 'pod.phase' && (e.phase === 'Failed' || e.phase === 'Succeeded'));
  if (failed?.type !== 'pod.phase' || failed.phase !== 'Failed') fail(trace, `the pod did not fail (${failed?.type === 'pod.phase' ? failed.phase : 'no terminal phase'})`, []);
  expect(failed.reason ?? '', 'status.reason of the Failed pod').toBe('');
  const seen = pollUntil(0, POD_START, 2, (t) => phaseAtT(trace, t) === 'Failed');
  if (seen === undefined) fail(trace, `the pod was not Failed within ${POD_START}s`, []);
  return seen;
}

// ---- oomkiller_linux_test.go ----------------------------------------------------------------------

const LIMITS = '      resources: { requests: { memory: 15Mi }, limits: { memory: 15Mi } }\n';
const oomContainer = (name: string, command: string, limits: boolean): string => `    - name: ${name}
      image: ${BUSYBOX}
      command: [sh, -c, ${JSON.stringify(command)}]
${limits ? LIMITS : ''}`;

const SINGLE = 'sleep 5 && dd if=/dev/zero of=/dev/null bs=20M';
const MULTI = 'sleep 5 && dd if=/dev/zero of=/dev/null bs=20M & sleep 86400';
const NO_LIMIT = 'sleep 5 && dd if=/dev/zero of=/dev/null iflag=fullblock count=10 bs=10G';

interface OomCase { context: string; pod: string; target: string; container: string; init: boolean }

const oomPod = (c: OomCase): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${c.pod}
spec:
  restartPolicy: Never
${c.init ? `  initContainers:\n${c.container}  containers:\n    - name: busybox\n      image: ${BUSYBOX}\n` : `  containers:\n${c.container}`}`;

const OOM_CASES: OomCase[] = [
  { context: 'OOMKiller [LinuxOnly] [NodeConformance] single process container', pod: 'oomkill-target-pod', target: 'oomkill-single-target-container', container: oomContainer('oomkill-single-target-container', SINGLE, true), init: false },
  { context: 'OOMKiller [LinuxOnly] [NodeConformance] init container', pod: 'initcontinar-oomkill-target-pod', target: 'oomkill-target-init-container', container: oomContainer('oomkill-target-init-container', SINGLE, true), init: true },
  { context: 'OOMKiller [LinuxOnly] [NodeConformance] multi process container', pod: 'oomkill-target-pod', target: 'oomkill-multi-target-container', container: oomContainer('oomkill-multi-target-container', MULTI, true), init: false },
  { context: 'OOMKiller for pod using more memory than node allocatable [LinuxOnly] [Serial] single process container without resource limits', pod: 'oomkill-nodeallocatable-pod', target: 'oomkill-nodeallocatable-container', container: oomContainer('oomkill-nodeallocatable-container', NO_LIMIT, false), init: false },
];

/** The target runs until the kernel kills it (dd's block is over the limit as soon as it runs). */
const oomSim = (target: string): string => `containers:\n  ${target}:\n    startDelay: 0s\n    exitAfter: never\n`;

describe('test/e2e_node/oomkiller_linux_test.go', () => {
  for (const v of ALL) {
    for (const c of OOM_CASES) {
      it(`${c.context} The containers terminated by OOM killer should have the reason set to OOMKilled (${v})`, () => {
        const pod = oomPod(c);
        const before = runText(scenario(pod, v, oomSim(c.target)), v);
        const start = before.events.find((e) => e.type === 'container.start' && e.container === c.target)?.t;
        if (start === undefined) fail(before, `${c.target} never started`, [c.target]);
        const oomAt = Number((start + 5).toFixed(3)); // `sleep 5`, then dd
        const trace = runText(scenario(pod, v, oomSim(c.target), [`{ at: ${oomAt}s, container: ${c.target}, do: oomKill }`]), v);
        const seen = waitFailedNoReason(trace);
        const s = statusAt(trace, c.target, seen);
        if (s?.state !== 'terminated') fail(trace, `OOM target container ${c.target} is not in the terminated state`, [c.target]);
        expect(s.exitCode, 'exit code').toBe(137);
        expect(s.reason, 'terminated reason').toBe('OOMKilled');
      });
    }
  }
});

// ---- pods_lifecycle_termination_test.go -----------------------------------------------------------

const SIGKILL_CONTAINER = 'sigkill-target-container';
const sigkillPod = `apiVersion: v1
kind: Pod
metadata:
  name: sigkill-pod
  finalizers: [example.com/test-finalizer]
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 5
  containers:
    - name: ${SIGKILL_CONTAINER}
      image: ${BUSYBOX}
      command: [sh, -c, 'trap "echo SIGTERM caught" SIGTERM SIGINT; touch /tmp/healthy; sleep 1000']
      readinessProbe:
        initialDelaySeconds: 1
        timeoutSeconds: 2
        exec: { command: [/bin/sh, -c, cat /tmp/healthy] }
`;

/** WaitForPodNameRunningInNamespace, then WaitForPodCondition(Ready, PodStart, PodRunningReady). */
function runningReady(trace: Trace): number {
  const running = pollUntil(0, POD_START, 2, (t) => phaseAtT(trace, t) === 'Running');
  if (running === undefined) fail(trace, 'the pod never ran', [SIGKILL_CONTAINER]);
  const ready = pollUntil(running, POD_START, 2, (t) => phaseAtT(trace, t) === 'Running' && conditionTransition(trace, 'Ready', t)?.status === 'True');
  if (ready === undefined) fail(trace, 'the pod never became Ready', [SIGKILL_CONTAINER]);
  return ready;
}

describe('test/e2e_node/pods_lifecycle_termination_test.go: Pod SIGKILL [LinuxOnly] [NodeConformance]', () => {
  for (const v of ALL) {
    it(`The containers terminated forcefully by Sigkill should have the correct exit code(137) and reason (Error) (${v})`, () => {
      const at = Number((runningReady(runText(scenario(sigkillPod, v, ''), v)) + 0.01).toFixed(3));
      const trace = runText(scenario(sigkillPod, v, '', [`{ at: ${at}s, do: deletePod }`]), v);
      expect(runningReady(trace) + 0.01).toBeCloseTo(at, 6);
      expect(trace.events.find((e) => e.type === 'pod.deleted')?.gracePeriodSeconds).toBe(5);
      const seen = waitFailedNoReason(trace);
      const statuses = new Set((trace.statusWrites ?? []).map((w) => w.container));
      expect([...statuses], 'the pod has one container status').toEqual([SIGKILL_CONTAINER]);
      const s = statusAt(trace, SIGKILL_CONTAINER, seen);
      if (s?.state !== 'terminated') fail(trace, 'The pod container is in not in the Terminated state', [SIGKILL_CONTAINER]);
      expect(s.exitCode, 'exit code').toBe(137);
      expect(s.reason, 'Container terminated by sigkill expect Error').toBe('Error');
    });
  }
});
