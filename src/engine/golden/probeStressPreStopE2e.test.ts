// Golden test: upstream END-TO-END tests not yet translated elsewhere (session 39's survey of the newest
// stored e2e files), run as whole scenarios through runScenario on every minor they apply to.
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e_node/probe_stress_test.go, stored 29a115d3 (library id 70163945621, its only stored
//   version): "Probe Stress" [Serial], contexts "HTTP liveness probes", "TCP liveness probes", "gRPC
//   liveness probes", each "should not cause unexpected container restarts under load". Added by
//   kubernetes#135689 (merged 2025-12, so in 1.36); the stored copy already has kubernetes#140260's
//   check that no container is Terminated (restartPolicy Never: a liveness kill would not show in
//   restartCount). The pod: 50 agnhost containers (`netexec --http-port=8080+i`, or
//   `grpc-health-checking --port=5000+i`), each with a liveness probe on its own port, period 1 s,
//   timeout 1 s, failureThreshold 3, restartPolicy Never.
// - test/e2e/node/pre_stop.go, stored 0355cd79 (library id 1999509696, a 1.16-era copy) and library
//   id 77240546 (a 1.18+ copy: context.TODO(), e2ekubelet.ProxyRequest, "validate-pod-is-running"
//   checked): "PreStop", "should call prestop when killing a pod " (Conformance, Release v1.9; the
//   trailing space is upstream's) and "graceful pod terminated should wait until preStop hook
//   completes the process". Both cases are the same in every stored copy read; the newer copy is the
//   one translated (the older one never checked the poll's error).
//
// How they map (the waits of podLifecycleE2e.testkit.ts: the API object at t is the trace's written
// statuses and pod events):
// - runProbeStressTest: WaitForPodRunningInNamespace (phase Running, PodStart 5 min), then Gomega's
//   Consistently for 2 min, every second from that moment: every container's written status has
//   restartCount 0 and is not terminated. What the test guards against (probe sockets exhausted under
//   load, kubernetes#89898) is not modelled: the agnhost servers answer every probe, which is what a
//   passing run upstream shows. The behaviour it checks is older than every minor here (gRPC probes GA
//   in 1.27), so it runs on 1.27-1.37, as the probe golden tests do.
// - testPreStop: the server pod that records the hook's POST is outside this pod; it is modelled as
//   reachable (the Simulation document gives the exec hook success in 0.1 s, as the lifecycle_hook.go
//   fixtures K01-K12 do), and "the server received the poke" is read as the preStop hook having
//   returned 0. The tester pod is deleted (default options: the spec's 30 s) right after
//   WaitForPodRunningInNamespace; wait.Poll(5 s, 60 s) checks first 5 s after the deletion.
// - "graceful pod terminated…": deleted with grace 30 right after the pod is Running; after
//   time.Sleep(15 s), wait.Poll(5 s, 60 s) (first check at +20 s) must find the pod in the kubelet's
//   pod list (e2ekubelet.ProxyRequest "pods") with phase Running. The kubelet lists the pod objects it
//   got from the API server until the pod is removed, so that is the API's phase before pod.gone.
//   The preStop loop never ends: it holds the kill for the whole grace period.
//
// Cases found in the newest stored copies and NOT translated here, and why:
// - test/e2e_node/container_lifecycle_test.go (newest 01ba738f), test/e2e/common/node/lifecycle_hook.go
//   (newest 52356088347, commit 008b3652), test/e2e/common/node/container_probe.go (297a562f): every
//   case is already a golden test (E01-E74 and N01-N13, K01-K20 and C05, P01-P23).
// - test/e2e/common/node/container_restart_policy.go (newest 291a5305): the same ten cases as
//   test/e2e/node/container_restart_policy.go and the RestartAllContainers Describe, L16-L25.
// - test/e2e/common/node/pods_fast_delete.go (4f7c2e61): the two "Pod Container Status" cases of
//   test/e2e/node/pods.go moved to a file of their own, L06-L09.
// - test/e2e_node/container_restart_test.go (0ff9d457): L13-L15.
// - "RestartAllContainersWithKubeletRestarts" (a test/e2e_node file, library id 544887411): "kubelet
//   restart during cleanup" and "kubelet restart during startup" disagree with the engine (the
//   AllContainersRestarting=True window, which the engine wrote True and False at one instant);
//   translated with the engine's fix in restartAllKubeletRestartE2e.test.ts.
// - "Container Scoped Probes" (test/e2e_node/container_scoped_probes_test.go, 01ce5ef9, 7 cases): the
//   ContainerScopedProbes gate is kubernetes#140704, open (2026-07, aiming at 1.38); no 1.27-1.37
//   kubelet has it.
// - "Container Readiness During Termination" (test/e2e/node/container_readiness_during_termination.go,
//   083cc873): [FeatureGate:EventedPLEG]; the engine models the generic PLEG only.
// - "Mutable container probes" (test/e2e/common/node/mutable_container_probes.go, 0ca76f39): a probe
//   changed in a running pod's spec; the engine has no spec update but setImage (and the stored copy's
//   feature-gate line is commented out: work in progress).
// - Drafts of PRs that were closed or are still open, not upstream's tree: "ContainerRestartBackoff"
//   (test/e2e/common/node and test/e2e_node container_restart_backoff.go, #103257 closed),
//   "Container-probes-stress" (test/e2e_node/container_probes_stress_test.go, #129978 closed),
//   "Probing container" stress (test/e2e/common/node/container_probe_stress.go, #137418 closed; its
//   header names the "target path"), test/e2e/node/probe_stress.go and stress_probe.go (#140427 open,
//   #117439 closed; not read), "[Feature:SidecarContainers] Containers Lifecycle"
//   (test/e2e/node/sidecar_container.go, one stored version, a KEP-753 prototype whose RunTogether
//   looks for "Finishing" lines nothing writes; the merged cases are E01-E74).
import { describe, it } from 'vitest';
import { eventsOf, fail } from './logAssertions';
import {
  minors, phaseAtT, pollUntil, retimed, runText, statusAt, waitRunning, withoutEvent,
} from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

const ALL = minors(27);

/** The API request upstream sends after the read that ended its wait comes this much later (10 ms). */
const REQUEST_AFTER_READ = 0.01;

// ---- test/e2e_node/probe_stress_test.go -----------------------------------------------------------

const PROBE_STRESS_NUM_CONTAINERS = 50;
const PROBE_STRESS_WAIT_TIME = 120;
const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53';

type Transport = 'HTTP' | 'TCP' | 'gRPC';

/** createPodWithHTTPProbes / createPodWithTCPProbes / createPodWithGRPCProbes (createProbeStressPod). */
function probeStressPod(transport: Transport): string {
  const lines = [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: probe-stress', 'spec:', '  restartPolicy: Never', '  containers:',
  ];
  for (let i = 0; i < PROBE_STRESS_NUM_CONTAINERS; i++) {
    const port = (transport === 'gRPC' ? 5000 : 8080) + i;
    const args = transport === 'gRPC' ? `[grpc-health-checking, --port=${port}]` : `[netexec, --http-port=${port}]`;
    const handler = transport === 'HTTP' ? `httpGet: { path: /, port: ${port} }`
      : transport === 'TCP' ? `tcpSocket: { port: ${port} }` : `grpc: { port: ${port} }`;
    lines.push(
      `    - name: container-${i}`,
      `      image: ${AGNHOST}`,
      '      imagePullPolicy: IfNotPresent',
      `      args: ${args}`,
      `      ports: [{ containerPort: ${port}, protocol: TCP }]`,
      `      livenessProbe: { ${handler}, periodSeconds: 1, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }`,
    );
  }
  lines.push('---', 'apiVersion: sidecar-lab/v1', 'kind: Simulation', 'until: 200s');
  return `${lines.join('\n')}\n`;
}

/** runProbeStressTest: Running, then no restart and no Terminated status for 2 min, read every second. */
function runProbeStressTest(trace: Trace): void {
  const names = Array.from({ length: PROBE_STRESS_NUM_CONTAINERS }, (_, i) => `container-${i}`);
  const running = waitRunning(trace, 0, 300);
  if (trace.end < running + PROBE_STRESS_WAIT_TIME) {
    fail(trace, `the run ends at ${trace.end}s, before the 2 min observation from ${running}s`, []);
  }
  const bad = pollUntil(running, PROBE_STRESS_WAIT_TIME, 1, (t) => names.some((c) => {
    const s = statusAt(trace, c, t);
    return s !== undefined && (s.restartCount > 0 || s.state === 'terminated');
  }));
  // Not upstream's check, a guard of this translation: the statuses read above exist.
  const missing = names.filter((c) => statusAt(trace, c, running + PROBE_STRESS_WAIT_TIME)?.state !== 'running');
  if (missing.length > 0) fail(trace, `no running status written for ${missing.join(', ')}`, missing);
  if (bad !== undefined) {
    const c = names.find((n) => { const s = statusAt(trace, n, bad); return s !== undefined && (s.restartCount > 0 || s.state === 'terminated'); })!;
    const s = statusAt(trace, c, bad)!;
    fail(trace, `container ${c} restarted ${s.restartCount} times or terminated (${s.state} ${s.reason ?? ''}) at ${bad}s`, [c]);
  }
}

describe('test/e2e_node/probe_stress_test.go: Probe Stress', () => {
  const transports: Transport[] = ['HTTP', 'TCP', 'gRPC'];
  for (const v of ALL) {
    for (const transport of transports) {
      it(`${transport} liveness probes › should not cause unexpected container restarts under load (${v})`, () => {
        runProbeStressTest(runText(probeStressPod(transport), v));
      });
    }
  }
});

// ---- test/e2e/node/pre_stop.go --------------------------------------------------------------------

/** testPreStop's tester pod; the deletion (default options) is moved to when upstream sends it. */
const TESTER = `apiVersion: v1
kind: Pod
metadata:
  name: tester
spec:
  containers:
    - name: tester
      image: registry.k8s.io/e2e-test-images/busybox:1.36.1-1
      command: [sleep, '600']
      lifecycle:
        preStop:
          exec: { command: [wget, -O-, '--post-data={"Source": "prestop"}', 'http://10.0.0.10:8080/write'] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 120s
containers:
  tester:
    preStop: { duration: 100ms, exitCode: 0 }
events:
  - { at: 10s, do: deletePod }
`;

/** getPodWithpreStopLifeCycle; deleted with grace 30 when upstream sends it. */
const PRESTOP_LOOP = `apiVersion: v1
kind: Pod
metadata:
  name: pod-prestop-hook
spec:
  containers:
    - name: nginx
      image: registry.k8s.io/e2e-test-images/nginx:1.14-4
      lifecycle:
        preStop:
          exec: { command: [sh, -c, 'while true; do echo preStop; sleep 1; done'] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 150s
events:
  - { at: 10s, do: deletePod, gracePeriodSeconds: 30 }
`;

/** Runs `text` without its deletion to find when the pod is Running, then with the deletion sent then. */
function deleteWhenRunning(text: string, v: KubeVersion): { trace: Trace; at: number } {
  const before = runText(withoutEvent(text, 'deletePod'), v);
  const at = Number((waitRunning(before, 0, 300) + REQUEST_AFTER_READ).toFixed(3));
  return { trace: runText(retimed(text, 'deletePod', at), v), at };
}

describe('test/e2e/node/pre_stop.go: PreStop', () => {
  for (const v of ALL) {
    it(`should call prestop when killing a pod  (${v})`, () => {
      const { trace, at } = deleteWhenRunning(TESTER, v);
      const deleted = eventsOf(trace, 'pod.deleted')[0];
      if (deleted?.t !== at || deleted.gracePeriodSeconds !== 30) fail(trace, `expected the deletion at ${at}s with the spec's 30 s`, ['tester']);
      const start = eventsOf(trace, 'hook.start', 'tester').find((e) => e.hook === 'preStop');
      if (!start || start.t < at) fail(trace, 'the preStop hook did not run after the deletion', ['tester']);
      // wait.Poll(5 s, 60 s): the server's /read shows Received["prestop"] once the hook's POST is done.
      const seen = pollUntil(at + 5, 55, 5, (t) => eventsOf(trace, 'hook.end', 'tester', t).some((e) => e.hook === 'preStop' && e.exitCode === 0));
      if (seen === undefined) fail(trace, 'validating pre-stop: the hook never returned 0 within 60 s of the deletion', ['tester']);
    });

    it(`graceful pod terminated should wait until preStop hook completes the process (${v})`, () => {
      const { trace, at } = deleteWhenRunning(PRESTOP_LOOP, v);
      const gone = eventsOf(trace, 'pod.gone')[0]?.t ?? Infinity;
      // time.Sleep(15 s), then wait.Poll(5 s, 60 s): checks at +20 s, +25 s, … +75 s.
      const t = pollUntil(at + 20, 55, 5, (x) => x < gone && phaseAtT(trace, x) === 'Running');
      if (t === undefined) fail(trace, `validate-pod-is-running: the kubelet never listed the pod Running between ${at + 20}s and ${at + 75}s`, ['nginx']);
      // Upstream's comment: the sleep is shorter than the grace "ensuring the preStop hook is still executing".
      const hook = eventsOf(trace, 'hook.start', 'nginx').find((e) => e.hook === 'preStop');
      const ended = eventsOf(trace, 'hook.end', 'nginx', t).some((e) => e.hook === 'preStop');
      if (!hook || hook.t < at || hook.t > t || ended) fail(trace, `the preStop hook was not executing at ${t}s`, ['nginx']);
    });
  }
});
