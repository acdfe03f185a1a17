// Golden tests from kubernetes/kubernetes bug reports and PRs about RESTART POLICIES, EXIT CODES,
// OOM KILLS AND CONTAINER RESTART RULES (session 42, helper "issues11"), each a scenario built from
// the report's own pod (or the PR's own description) and run on every minor it applies to. Read
// through the library's issues index (descriptions and the comments it keeps). Upstream code read:
// printPod in pkg/printers/internalversion/printers.go (find_string excerpt of a sidecar-era copy,
// library id 24478792077: a sidecar that is not started and Terminated makes the row
// `Init:<reason>`, and the main containers are still walked once the pod is Initialized). The
// activeDeadlineSeconds reports are in deadlineIssues42.test.ts.
//
// - kubernetes#29590 (2016-07, smarterclayton, "Document how beta InitContainer respect
//   RestartPolicy=OnFailure"; Random-Liu: "If the init container exited with exit code =0, it will not
//   be restarted. If ... !=0: Never: not restarted; otherwise restarted"): an init container whose
//   first run fails (exit 1) and whose second run succeeds. Under OnFailure and Always it is restarted
//   and never runs again once it has completed; the app follows, and under OnFailure its exit 0 is
//   final (Succeeded), under Always it is restarted with back-off; under Never the init failure fails
//   the pod and the app never starts ([2.5] [4.1] [4.5] [6.2]). Every minor.
// - kubernetes#80089 (2019-07, kind/feature, "Container termination reason while SIGTERM": a Java app
//   ends with 143 on SIGTERM and `container.state.terminated.reason` becomes "Error"; BenTheElder:
//   "Non-zero exit codes are not success"): an image change (the report's redeploy) kills the app
//   with SIGTERM, it exits 143, the kubelet restarts it in the same pod; the last state reads
//   Terminated `Error` 143, RESTARTS 1, the phase stays Running ([8.6] [10.3] [10.4] [4.1]).
//   Every minor. (The deleted-pod side, 143 making the pod Failed, is kubernetes#115331 in
//   versionIssues40.test.ts.)
// - kubernetes#98157 (2021-01, 1.17, rotten, "When the pod is OOMKilled, the pod falls into the loop
//   OOMKilled": `State: Running`, `Last State: Terminated, Reason: OOMKilled, Exit Code: 137`, `Ready:
//   True`, `Restart Count: 21`): each OOM kill of a Deployment's container is an exit with 137 and
//   reason OOMKilled; Always restarts it, the first at once, then after 10, 20, 40 s back-offs, and
//   after each restart the status reads Running and Ready with the OOMKilled 137 last state
//   ([8.6] [10.3] [4.1] [4.5]). Every minor. Why the process keeps running out of memory (the
//   report's question) is not expressible: the engine models no memory; the kills are injected.
// - kubernetes/enhancements#3761 (KEP-753 "Sidecar containers" PR, 2023-01; its motivation: "The
//   sidecar will also not be restarted for jobs with `restartPolicy:Never` when it was OOM killed,
//   which may render the pod unusable"): a Never pod whose proxy is OOM-killed at 10 s while the job
//   runs. As a regular container the proxy stays dead (Terminated OOMKilled 137) and the pod ends
//   Failed although the job succeeds; as a native sidecar it is restarted whatever the pod's policy,
//   the row reads `Init:OOMKilled` until it runs again, and the pod ends Succeeded ([4.3] [2.6]
//   [6.3] [14.1] [6.2]). The regular-container side at every minor; the sidecar side from 1.29 (beta)
//   and at 1.28 with the alpha gate.
// - kubernetes#135277 (2025-11, failing-test, "RestartAllContainersWithKubeletRestarts": "Pod ... is
//   invalid: spec.containers[0].restartPolicyRules[0].action: Unsupported value:
//   \"RestartAllContainers\": supported values: \"Restart\"") and kubernetes#134345 (PR, merged for
//   1.35, "Implement RestartAllContainers": AllowContainerRestartPolicyRulesOnSidecars follows
//   RestartAllContainersOnContainerExits): the action is refused with that message at 1.34 (with
//   ContainerRestartRules) and at 1.35 by default; accepted at 1.35 with the alpha gate (and
//   NodeDeclaredFeatures, which it depends on) and from 1.36 (beta), where the matching exit restarts
//   the pod in place (AllContainersRestarting True, a new run) ([1.6] [11.2]). A sidecar's own
//   restartPolicyRules are refused the same way (the path only is asserted: the validation message was
//   not found in the stored code) ([1.6]).
//
// Not expressible: memory itself (kubernetes#98157's cause; an OOM kill is an injected event). An
// OOM-killed process that exits 0 (kubernetes#104454 / #104650) is in oomIssues42.test.ts.
// kubernetes/website#55583: RestartAllContainersOnContainerExits enabled without NodeDeclaredFeatures
// (or ContainerRestartRules): upstream refuses to start (kube_features.go's dependency table, 1.35
// tree; component-base feature_gate.go). The engine simulated such a pod until session 42; it is
// asserted at the end of this file.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace } from '../../trace';
import { statusOf, statusesAt } from '../../sim/upstreamRuntime.testkit';
import { at, events, first } from './issues.testkit';

function text(workload: string, sim: string, v: KubeVersion): string {
  return `${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${sim}`;
}

function starts(trace: Trace, container: string): number[] {
  return events(trace, 'container.start', container).map((e) => e.attempt);
}

function lastRow(trace: Trace): { ready: string; status: string; restarts: string } | undefined {
  return events(trace, 'pod.kubectl').at(-1);
}

function phases(trace: Trace): string[] {
  return events(trace, 'pod.phase').map((e) => e.phase);
}

const INIT_RETRY = (policy: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: init-retry
spec:
  restartPolicy: ${policy}
  initContainers:
  - name: init
    image: busybox
    command: ["sh", "-c", "sleep 3"]
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 5"]`;
const INIT_RETRY_SIM = `until: 60s
events:
  - { at: 2s, container: init, do: crash, exitCode: 1 }
`;

describe('kubernetes#29590: Document how beta InitContainer respect RestartPolicy=OnFailure', () => {
  it.each(SUPPORTED_VERSIONS)('OnFailure: the failed init container runs again, once; the app exits 0 for good, Succeeded (%s) [2.5] [4.1] [6.2]', (v) => {
    const trace = at(INIT_RETRY('OnFailure'), INIT_RETRY_SIM, v);
    expect(events(trace, 'container.exit', 'init').map((e) => [e.exitCode, e.reason])).toEqual([[1, 'Error'], [0, 'Completed']]);
    expect(starts(trace, 'init')).toEqual([0, 1]);
    expect(first(trace, 'container.start', 'app')).toBeGreaterThan(first(trace, 'container.exit', 'init', 2));
    expect(starts(trace, 'app')).toEqual([0]);
    expect(phases(trace).at(-1)).toBe('Succeeded');
    expect(lastRow(trace)?.status).toBe('Completed');
  });

  it.each(SUPPORTED_VERSIONS)('Always: the init container is retried the same way; the app is restarted after every exit, with back-off (%s) [2.5] [4.1] [4.5]', (v) => {
    const trace = at(INIT_RETRY('Always'), INIT_RETRY_SIM, v);
    expect(starts(trace, 'init')).toEqual([0, 1]);
    expect(starts(trace, 'app').length).toBeGreaterThanOrEqual(3);
    expect(events(trace, 'container.backoff', 'app').slice(0, 2).map((e) => e.delay)).toEqual([10, 20]);
    expect(phases(trace)).not.toContain('Succeeded');
    expect(phases(trace)).not.toContain('Failed');
  });

  it.each(SUPPORTED_VERSIONS)('Never: the init failure fails the pod, nothing runs again, the app never starts (%s) [2.5] [6.2] [14.1]', (v) => {
    const trace = at(INIT_RETRY('Never'), INIT_RETRY_SIM, v);
    expect(starts(trace, 'init')).toEqual([0]);
    expect(starts(trace, 'app')).toEqual([]);
    expect(phases(trace).at(-1)).toBe('Failed');
    expect(lastRow(trace)?.status).toBe('Init:Error');
  });
});

const JAVA = `apiVersion: v1
kind: Pod
metadata:
  name: java-app
spec:
  containers:
  - name: app
    image: eclipse-temurin:17
    command: ["java", "-jar", "/app.jar"]`;
const JAVA_SIM = `until: 60s
containers:
  app:
    onStop: { after: 1s, exitCode: 143 }
events:
  - { at: 20s, container: app, do: setImage, image: "eclipse-temurin:21" }
`;

describe('kubernetes#80089: Container termination reason while SIGTERM', () => {
  it.each(SUPPORTED_VERSIONS)('the app ends with 143 on SIGTERM, reason Error, and is restarted with that last state (%s) [8.6] [10.3] [10.4]', (v) => {
    const trace = at(JAVA, JAVA_SIM, v);
    const kill = events(trace, 'container.kill', 'app')[0];
    expect(kill).toMatchObject({ t: 20, reason: 'SpecChanged' });
    expect(events(trace, 'container.signal', 'app').map((e) => [e.signal, e.t])).toEqual([['SIGTERM', 20]]);
    expect(events(trace, 'container.exit', 'app').map((e) => [e.exitCode, e.reason, e.t])).toEqual([[143, 'Error', 21]]);
    expect(starts(trace, 'app')).toEqual([0, 1]);
    expect(phases(trace)).toEqual(['Pending', 'Running']);
    const s = statusOf(statusesAt(text(JAVA, JAVA_SIM, v), [30]).get(30), 'app');
    expect(s.state.running).toBeDefined();
    expect(s.lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    expect(s.restartCount).toBe(1);
  });
});

const OOM_LOOP = `apiVersion: v1
kind: Pod
metadata:
  name: jumpserver-reader
spec:
  containers:
  - name: jumpserver-reader
    image: harbor.example.com/base/openssh:v1.0.0
    resources:
      limits:
        cpu: "1"
        memory: 1Gi`;
const OOM_LOOP_SIM = `until: 120s
events:
  - { at: 10s, container: jumpserver-reader, do: oomKill }
  - { at: 15s, container: jumpserver-reader, do: oomKill }
  - { at: 30s, container: jumpserver-reader, do: oomKill }
  - { at: 60s, container: jumpserver-reader, do: oomKill }
`;

describe('kubernetes#98157: When the pod is OOMKilled, the pod falls into the loop OOMKilled', () => {
  it.each(SUPPORTED_VERSIONS)('every OOM kill is exit 137 OOMKilled; the restarts back off 10, 20, 40 s; the status reads Running, Ready, last state OOMKilled (%s) [8.6] [10.3] [4.5]', (v) => {
    const trace = at(OOM_LOOP, OOM_LOOP_SIM, v);
    const name = 'jumpserver-reader';
    expect(events(trace, 'container.exit', name).map((e) => [e.exitCode, e.reason])).toEqual(Array(4).fill([137, 'OOMKilled']));
    expect(events(trace, 'container.backoff', name).map((e) => e.delay)).toEqual([10, 20, 40]);
    expect(starts(trace, name)).toEqual([0, 1, 2, 3, 4]);
    // the first restart comes at once (no back-off entry yet), within the next relist and start
    expect(first(trace, 'container.start', name, 10) - 10).toBeLessThanOrEqual(1.5);
    expect(phases(trace)).toEqual(['Pending', 'Running']);
    const s = statusOf(statusesAt(text(OOM_LOOP, OOM_LOOP_SIM, v), [115]).get(115), name);
    expect(s.state.running).toBeDefined();
    expect(s.ready).toBe(true);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(s.restartCount).toBe(4);
  });
});

const PROXY_POD = (native: boolean): string => `apiVersion: v1
kind: Pod
metadata:
  name: job-with-proxy
spec:
  restartPolicy: Never
${native ? `  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.30
    restartPolicy: Always
  containers:` : `  containers:
  - name: proxy
    image: envoyproxy/envoy:v1.30`}
  - name: job
    image: busybox
    command: ["sh", "-c", "sleep 40"]`;
const PROXY_SIM = (v: KubeVersion): string => `${minor(v) === 28 ? 'featureGates:\n  SidecarContainers: true\n' : ''}until: 90s
events:
  - { at: 10s, container: proxy, do: oomKill }
`;

describe('kubernetes/enhancements#3761: Sidecar containers KEP (an OOM-killed sidecar of a restartPolicy Never pod)', () => {
  it.each(SUPPORTED_VERSIONS)('as a regular container the OOM-killed proxy stays dead and the pod fails although the job succeeds (%s) [4.1] [6.2] [10.3]', (v) => {
    const trace = at(PROXY_POD(false), PROXY_SIM(v), v);
    expect(events(trace, 'container.exit', 'proxy').map((e) => [e.exitCode, e.reason, e.t])).toEqual([[137, 'OOMKilled', 10]]);
    expect(starts(trace, 'proxy')).toEqual([0]);
    expect(events(trace, 'container.exit', 'job').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    expect(phases(trace).at(-1)).toBe('Failed');
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28))('as a native sidecar it is restarted whatever the pod policy, and the pod succeeds (%s) [4.3] [6.3] [14.1]', (v) => {
    const trace = at(PROXY_POD(true), PROXY_SIM(v), v);
    expect(events(trace, 'container.exit', 'proxy')[0]).toMatchObject({ exitCode: 137, reason: 'OOMKilled', t: 10 });
    expect(starts(trace, 'proxy')).toEqual([0, 1]);
    expect(first(trace, 'container.start', 'proxy', 10) - 10).toBeLessThanOrEqual(1.5);
    // until it runs again: the terminated, not started sidecar names the row, the job keeps running
    const rowsBetween = events(trace, 'pod.kubectl').filter((e) => e.t > 10 && e.t < first(trace, 'container.start', 'proxy', 10));
    expect(rowsBetween.map((e) => e.status)).toEqual(['Init:OOMKilled']);
    expect(events(trace, 'container.exit', 'job').map((e) => e.exitCode)).toEqual([0]);
    expect(phases(trace).at(-1)).toBe('Succeeded');
    expect(lastRow(trace)?.restarts.startsWith('1')).toBe(true);
  });
});

const RESTART_ALL = `apiVersion: v1
kind: Pod
metadata:
  name: restart-kubelet-during-cleanup
spec:
  restartPolicy: Never
  containers:
  - name: source
    image: busybox
    command: ["sh", "-c", "sleep 5; exit 88"]
    restartPolicy: Never
    restartPolicyRules:
    - action: RestartAllContainers
      exitCodes:
        operator: In
        values: [88]`;

const SIDECAR_RULES = `apiVersion: v1
kind: Pod
metadata:
  name: sidecar-rules
spec:
  initContainers:
  - name: volume-manager
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    restartPolicy: Always
    restartPolicyRules:
    - action: RestartAllContainers
      exitCodes:
        operator: In
        values: [42]
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]`;

function errors(workload: string, sim: string, v: KubeVersion): [string, string][] {
  return runScenario(text(workload, sim, v)).problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.message]);
}

const GATES_135 = 'featureGates:\n  RestartAllContainersOnContainerExits: true\n  NodeDeclaredFeatures: true\n';
const ACCEPTING: [KubeVersion, string][] = [['1.35', GATES_135], ...SUPPORTED_VERSIONS.filter((v) => minor(v) >= 36).map((v): [KubeVersion, string] => [v, ''])];

describe('kubernetes#135277: RestartAllContainersWithKubeletRestarts fails: Unsupported value "RestartAllContainers"', () => {
  it.each([['1.34', 'featureGates:\n  ContainerRestartRules: true\n'], ['1.35', '']] as [KubeVersion, string][])('the action is refused with the report\'s message at %s [1.6]', (v, gates) => {
    expect(errors(RESTART_ALL, gates, v)).toEqual([
      ['spec.containers[0].restartPolicyRules[0].action', 'Unsupported value: "RestartAllContainers": supported values: "Restart"'],
    ]);
  });

  it.each(ACCEPTING)('accepted at %s (1.35 with the alpha gate), and the matching exit restarts the pod in place [11.2]', (v, gates) => {
    const trace = at(RESTART_ALL, `${gates}until: 90s\n`, v);
    expect(events(trace, 'container.exit', 'source')[0]).toMatchObject({ exitCode: 88 });
    const restarting = events(trace, 'pod.condition').filter((e) => e.condition === 'AllContainersRestarting');
    expect(restarting[0]).toMatchObject({ status: 'True', reason: 'RestartAllContainersStarted' });
    expect(starts(trace, 'source').slice(0, 2)).toEqual([0, 1]);
    expect(phases(trace)).not.toContain('Failed');
  });
});

describe('kubernetes#134345: Implement RestartAllContainers (restartPolicyRules on a sidecar)', () => {
  it.each([['1.34', 'featureGates:\n  ContainerRestartRules: true\n'], ['1.35', '']] as [KubeVersion, string][])('a sidecar\'s restartPolicyRules are refused at %s [1.6]', (v, gates) => {
    expect(errors(SIDECAR_RULES, gates, v).map(([path]) => path)).toEqual(['spec.initContainers[0].restartPolicyRules']);
  });

  it.each(ACCEPTING)('and accepted at %s [1.6] [11.2]', (v, gates) => {
    expect(errors(SIDECAR_RULES, gates, v)).toEqual([]);
  });
});

describe('kubernetes/website#55583: RestartAllContainersOnContainerExits depends on NodeDeclaredFeatures (and ContainerRestartRules)', () => {
  const refused = (disabled: string) => new RegExp(`^RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: \\[${disabled}\\]`);

  it('1.35: the gate alone is refused as the kubelet and API server refuse it [11.2]', () => {
    expect(errors(RESTART_ALL, 'featureGates:\n  RestartAllContainersOnContainerExits: true\n', '1.35').map(([, m]) => m)).toEqual([expect.stringMatching(refused('NodeDeclaredFeatures'))]);
  });

  it('1.35: with NodeDeclaredFeatures on but ContainerRestartRules off it is refused too [11.2]', () => {
    const gates = 'featureGates:\n  RestartAllContainersOnContainerExits: true\n  NodeDeclaredFeatures: true\n  ContainerRestartRules: false\n';
    expect(errors(RESTART_ALL, gates, '1.35').map(([, m]) => m)).toContainEqual(expect.stringMatching(refused('ContainerRestartRules')));
  });

  it('1.35: both dependencies on: accepted [11.2]', () => {
    expect(errors(RESTART_ALL, 'featureGates:\n  RestartAllContainersOnContainerExits: true\n  NodeDeclaredFeatures: true\n', '1.35')).toEqual([]);
  });

  it('1.36: on by default with both dependencies; turning NodeDeclaredFeatures off alone is refused (the check covers gates on by default) [11.2]', () => {
    expect(errors(RESTART_ALL, '', '1.36')).toEqual([]);
    expect(errors(RESTART_ALL, 'featureGates:\n  NodeDeclaredFeatures: false\n', '1.36').map(([, m]) => m)).toEqual([expect.stringMatching(refused('NodeDeclaredFeatures'))]);
    expect(errors(RESTART_ALL, 'featureGates:\n  NodeDeclaredFeatures: false\n  RestartAllContainersOnContainerExits: false\n', '1.36').filter(([, m]) => /depends on/.test(m))).toEqual([]);
  });
});
