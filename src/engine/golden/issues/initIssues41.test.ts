// Golden tests from kubernetes/kubernetes bug reports and PRs about REGULAR INIT CONTAINERS, EXIT
// CODES and PER-CONTAINER RESTART RULES (session 41, helper "issues8"), each a scenario built from
// the report's own pod (or the PR's own description) and run on every minor it applies to. Read
// through the library's issues index (descriptions and the comments it keeps). Kubelet code read:
// kuberuntime_container.go at the stored 1.3x copy (library id 41926215): findNextInitContainerToRun
// (a main container that is Running means the pod initialized; otherwise the init containers are
// walked back from the last one, and with none left in the runtime the first one runs again),
// computeInitContainerActions (the same for the SidecarContainers path; an Exited main container does
// not count, "the kubelet cannot differentiate the container statuses of the previous podSandbox"),
// startContainer (restartCount = the runtime's last attempt + 1, else calcRestartCountByLogDir);
// kuberuntime_manager.go SyncPod (a pod kill for a new sandbox is followed by purgeInitContainers,
// find_string excerpts of the 1.2x-1.3x copies, e.g. library ids 39757877179 and 14701678);
// kubelet_pods.go convertContainerStatus (RestartCount from the runtime's attempt, e.g. 3281083).
//
// - kubernetes#112815 (2022-10, kind/support, closed, "init Container does not restart on restarting
//   mainContainer"): the init container copies a ConfigMap into an emptyDir the app later deletes;
//   when the app restarts the init container does not run again. Still so: a main container's exit is
//   restarted alone, in the same sandbox ([4.1] [2.9]). Every minor. (The liveness-kill variant is
//   kubernetes#66699, in probeIssues41.test.ts.)
// - kubernetes#49505 (2017-07, 1.6.4, kind/bug, closed, "InitContainer are not recreated when Pod
//   sandbox changed": flannel started after the pod, the sandbox changed, the app containers were
//   recreated but not the init containers; fixed by #47599, 1.8, "Rerun init containers when the pod
//   needs to be restarted"): a sandbox that dies under a running pod is replaced, SandboxChanged is
//   recorded, what runs is killed, and the init containers run again from the first, in order, before
//   the app, which counts a restart ([2.9] [2.11] [2.12]). Asserted with the sandbox killed, at every
//   minor. (The node-reboot reports of the same fix, #36485 and #55206, and the garbage-collected init
//   record of #96572 are in nodeIssues41.test.ts.)
// - kubernetes#124002 (2024-03, 1.29, kind/bug, triage/accepted, closed, "Kubernetes Skips Init
//   Containers Beyond First During Some Pod Restarts"): after a sandbox change init-first and main
//   count on (attempt 1), init-second starts again at attempt 0 (purgeInitContainers removed its
//   record and its log; startContainer's calcRestartCountByLogDir finds none), restartCount 0
//   ([2.9] [10.4]). Asserted with the sandbox killed and with a node reboot. Every minor.
// - kubernetes#62899 (2018-04, 1.9, kind/bug, closed, "initContainer exit Code is not same as the
//   exit code of its internal process"): the process exits 302, describe shows 46. An exit status is
//   8 bits (302 mod 256), and the scenario's shell reading (shellEval.ts, [15.4]) gives `exit 302` so.
//   With the Deployment's Always policy the init container is restarted with back-off, the row going
//   Init:Error, Init:CrashLoopBackOff, and the app never starts ([2.5] [4.5] [14.1]). Every minor.
// - kubernetes#21478 (2016, kind/bug, closed rotten, "Containers restarts in pod with restartPolicy ==
//   Never"; sstarcher: "A pod with runs in debian and runs `exit 97` recreates the container over and
//   over racking up failures - not expected"; sttts: "None of the pods is actually restarted (compare
//   the RESTARTS column)", new pods came from their controller): a plain Never pod whose container
//   exits 97 runs once, its status Terminated exit 97 reason Error, the pod Failed, RESTARTS 0, no
//   back-off ([4.1] [6.2] [10.3]). Every minor.
// - kubernetes#81280 (PR, merged for 1.16, "Fix Container exit message lost due to
//   FallbackToLogsOnError is not compatible with ContainerCannotRun"): the PR's own pod (an unknown
//   capability, restartPolicy Never, terminationMessagePolicy FallbackToLogsOnError) lost the runtime's
//   message ("Error on reading termination message from logs"). The engine does not model termination
//   messages or log reading; what the fix keeps is asserted: the terminated state carries the runtime's
//   message, the pod is Failed. The reason is containerd's StartError, exit 128 (docker's was
//   ContainerCannotRun) ([3.5] [10.3]). Every minor.
// - kubernetes#132642 (PR, merged for 1.34, "Implement container restart policy rules", release note:
//   "container level restart rules. This is an alpha feature behind the ContainerRestartRules feature
//   gate"): a Never container with a rule Restart on exit code 42 (the docs' own example, website
//   #51467) restarts after 42, with the normal back-off, and stays down after 1 ([11.1] [4.2]). 1.34
//   with the gate and from 1.35 (beta, on); 1.34 without it drops the fields (the pod fails at the
//   first 42); before 1.34 the API server refuses the pod.
//
// Not expressible: the pre-1.27 kubelets themselves (the 1.6 kubelet of kubernetes#49505, the 1.9
// docker of kubernetes#62899, the 1.15 kubelet before #81280). Not modelled: terminationMessagePath and
// FallbackToLogsOnError (the engine keeps no logs or termination-message files).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace } from '../../trace';
import { statusesAt, statusOf } from '../../sim/upstreamRuntime.testkit';
import { events, first } from './issues.testkit';

function text(workload: string, sim: string, v: KubeVersion): string {
  return `${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${sim}`;
}

function at(workload: string, sim: string, v: KubeVersion): Trace {
  const r = runScenario(text(workload, sim, v));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

function starts(trace: Trace, after = -Infinity): [string, number][] {
  return events(trace, 'container.start').filter((e) => e.t > after).map((e) => [e.container, e.attempt]);
}

function statuses(trace: Trace): string[] {
  return events(trace, 'pod.kubectl').map((e) => e.status);
}

// ---------------------------------------------------------------------------------------------

const COPY_CONFIG = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  initContainers:
  - name: copy-config
    image: busybox
    command: ["sh", "-c", "sleep 3; cp /config/* /work/"]
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]`;

describe('kubernetes#112815: init Container does not restart on restarting mainContainer', () => {
  it.each(SUPPORTED_VERSIONS)('the app crashes and is restarted alone; copy-config never runs again (%s) [4.1] [2.9]', (v) => {
    const trace = at(COPY_CONFIG, 'until: 90s\nevents:\n  - { at: 30s, container: app, do: crash }\n', v);
    expect(starts(trace)).toEqual([['copy-config', 0], ['app', 0], ['app', 1]]);
    expect(events(trace, 'container.exit', 'copy-config').map((e) => e.exitCode)).toEqual([0]);
    // the first restart of a crash comes at once ([4.5]), in the same sandbox
    expect(first(trace, 'container.start', 'app', 30)).toBeLessThan(33);
    expect(events(trace, 'pod.sandboxChanged')).toEqual([]);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running']);
    const rows = statuses(trace);
    expect(rows[0]).toBe('Init:0/1');
    expect(rows.slice(rows.indexOf('Running')).some((s) => s.startsWith('Init:') || s === 'PodInitializing')).toBe(false);
    expect(events(trace, 'pod.kubectl').at(-1)).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(events(trace, 'pod.kubectl').at(-1)!.restarts).toMatch(/^1 \(\d+s ago\)$/);
  });
});

// ---------------------------------------------------------------------------------------------

const TWO_INITS = `apiVersion: v1
kind: Pod
metadata:
  name: multi-init
spec:
  initContainers:
  - name: init-first
    image: busybox
    command: ["sh", "-c", "echo first"]
  - name: init-second
    image: busybox
    command: ["sh", "-c", "echo second"]
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "sleep 3600"]`;

describe('kubernetes#49505: InitContainer are not recreated when Pod sandbox changed', () => {
  it.each(SUPPORTED_VERSIONS)('the sandbox killed: SandboxChanged, then init-first, init-second and main, in order, in the new sandbox (%s) [2.9] [2.11] [2.12]', (v) => {
    const trace = at(TWO_INITS, 'until: 120s\nevents:\n  - { at: 20s, do: killSandbox }\n', v);
    expect(events(trace, 'pod.sandboxChanged')).toHaveLength(1);
    const changed = first(trace, 'pod.sandboxChanged');
    const again = events(trace, 'container.start').filter((e) => e.t > changed);
    expect(again.map((e) => e.container)).toEqual(['init-first', 'init-second', 'main']);
    // each starts only once the one before it exited 0 ([2.1])
    const firstExit = first(trace, 'container.exit', 'init-first', changed);
    const secondExit = first(trace, 'container.exit', 'init-second', changed);
    expect(again[1]!.t).toBeGreaterThan(firstExit);
    expect(again[2]!.t).toBeGreaterThan(secondExit);
    // startContainer: the runtime's last attempt + 1 for the first init container (started in the
    // sandbox sync, before its purge is seen) and for main (never purged)
    expect(again[0]!.attempt).toBe(1);
    expect(again[2]!.attempt).toBe(1);
    expect(events(trace, 'pod.kubectl').at(-1)).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(events(trace, 'pod.kubectl').at(-1)!.restarts).toMatch(/^1 \(\d+s ago\)$/);
  });
});

// ---------------------------------------------------------------------------------------------

const EXIT_302 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: init-exit
spec:
  replicas: 1
  selector:
    matchLabels: { app: init-exit }
  template:
    metadata:
      labels: { app: init-exit }
    spec:
      initContainers:
      - name: init
        image: node:8
        command: ["sh", "-c", "exit 302"]
      containers:
      - name: app
        image: node:8
        command: ["sh", "-c", "sleep 3600"]`;

describe('kubernetes#62899: initContainer exit Code is not same as the exit code of its internal process', () => {
  it.each(SUPPORTED_VERSIONS)('exit 302 is exit code 46 (8 bits), reason Error; Always restarts init with back-off, app never starts (%s) [2.5] [4.5] [14.1]', (v) => {
    const trace = at(EXIT_302, 'until: 60s\n', v);
    const exits = events(trace, 'container.exit', 'init');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    for (const e of exits) expect([e.exitCode, e.reason]).toEqual([46, 'Error']);
    expect(events(trace, 'container.backoff', 'init').map((e) => e.delay).slice(0, 2)).toEqual([10, 20]);
    expect(events(trace, 'container.start', 'app')).toEqual([]);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    const seen = new Set(statuses(trace));
    expect(seen.has('Init:Error')).toBe(true);
    expect(seen.has('Init:CrashLoopBackOff')).toBe(true);
    expect([...seen].every((s) => s.startsWith('Init:'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const EXIT_97 = `apiVersion: v1
kind: Pod
metadata:
  name: exit-97
spec:
  restartPolicy: Never
  containers:
  - name: debian
    image: debian
    command: ["sh", "-c", "exit 97"]`;

describe('kubernetes#21478: Containers restarts in pod with restartPolicy == Never', () => {
  it.each(SUPPORTED_VERSIONS)('exit 97 under Never: one run, Terminated 97 Error, the pod Failed, RESTARTS 0 (%s) [4.1] [6.2] [10.3]', (v) => {
    const trace = at(EXIT_97, 'until: 60s\n', v);
    expect(starts(trace)).toEqual([['debian', 0]]);
    expect(events(trace, 'container.exit', 'debian').map((e) => [e.exitCode, e.reason])).toEqual([[97, 'Error']]);
    expect(events(trace, 'container.backoff')).toEqual([]);
    expect(events(trace, 'pod.phase').map((e) => e.phase).at(-1)).toBe('Failed');
    expect(events(trace, 'pod.kubectl').at(-1)).toMatchObject({ ready: '0/1', status: 'Error', restarts: '0' });
    const s = statusesAt(text(EXIT_97, 'until: 60s\n', v), [30]).get(30);
    expect(statusOf(s, 'debian')).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 97, reason: 'Error' } } });
  });
});

// ---------------------------------------------------------------------------------------------

const CANNOT_RUN = `apiVersion: v1
kind: Pod
metadata:
  name: pe12
spec:
  restartPolicy: Never
  containers:
  - name: ubuntu
    image: ubuntu:trusty
    command: ["sh", "-c", "sleep 1 && exit 0"]
    securityContext:
      capabilities:
        add:
        - CAP_DAC_READ_SEARCHXXX
    terminationMessagePolicy: FallbackToLogsOnError`;
const RUNC_MESSAGE = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unknown capability "CAP_DAC_READ_SEARCHXXX": unknown';
const CANNOT_RUN_SIM = `until: 30s
containers:
  ubuntu:
    startError: ${JSON.stringify(RUNC_MESSAGE)}
`;

describe('kubernetes#81280: Fix Container exit message lost due to FallbackToLogsOnError is not compatible with ContainerCannotRun', () => {
  it.each(SUPPORTED_VERSIONS)('the container that cannot start keeps the runtime\'s message, not "Error on reading termination message from logs"; the Never pod is Failed (%s) [3.5] [10.3]', (v) => {
    const trace = at(CANNOT_RUN, CANNOT_RUN_SIM, v);
    const exits = events(trace, 'container.exit', 'ubuntu');
    expect(exits.map((e) => [e.exitCode, e.reason])).toEqual([[128, 'StartError']]);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Failed']);
    expect(statuses(trace).at(-1)).toBe('StartError');
    const s = statusesAt(text(CANNOT_RUN, CANNOT_RUN_SIM, v), [20]).get(20);
    expect(statusOf(s, 'ubuntu').state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError', message: RUNC_MESSAGE });
    expect(statusOf(s, 'ubuntu').restartCount).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

const RULE_42 = `apiVersion: v1
kind: Pod
metadata:
  name: restart-on-42
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox
    restartPolicy: Never
    restartPolicyRules:
    - action: Restart
      exitCodes:
        operator: In
        values: [42]`;
const RULE_42_RUNS = `containers:
  app:
    runs:
    - { exitAfter: 5s, exitCode: 42 }
    - { exitAfter: 5s, exitCode: 42 }
    - { exitAfter: 5s, exitCode: 1 }
`;
const RULES_MINORS = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 34);

describe('kubernetes#132642: Implement container restart policy rules', () => {
  it.each(RULES_MINORS)('a Never container restarts after exit 42 (normal back-off) and stays down after exit 1 (%s) [11.1] [4.2] [4.5]', (v) => {
    const gate = minor(v) === 34 ? 'featureGates:\n  ContainerRestartRules: true\n' : '';
    const trace = at(RULE_42, `${gate}until: 90s\n${RULE_42_RUNS}`, v);
    expect(events(trace, 'container.exit', 'app').map((e) => e.exitCode)).toEqual([42, 42, 1]);
    expect(starts(trace)).toEqual([['app', 0], ['app', 1], ['app', 2]]);
    // the first restart at once, the second after 10 s ([4.5])
    expect(events(trace, 'container.backoff', 'app').map((e) => e.delay)).toEqual([10]);
    const phases = events(trace, 'pod.phase').map((e) => e.phase);
    expect(phases).toEqual(['Pending', 'Running', 'Failed']);
    const lastExit = events(trace, 'container.exit', 'app').at(-1)!.t;
    const failed = events(trace, 'pod.phase').at(-1)!.t;
    expect(failed).toBeGreaterThan(lastExit);
    expect(failed).toBeLessThan(lastExit + 2);
    expect(events(trace, 'pod.kubectl').at(-1)).toMatchObject({ ready: '0/1', status: 'Error' });
    expect(events(trace, 'pod.kubectl').at(-1)!.restarts).toMatch(/^2( \(\d+s ago\))?$/);
  });

  it('1.34 without the alpha gate: the fields are dropped and the pod fails at the first exit 42 [11.1] [6.2]', () => {
    const r = runScenario(text(RULE_42, `until: 60s\n${RULE_42_RUNS}`, '1.34'));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.problems.filter((p) => p.severity === 'warning').map((p) => p.message).join('\n')).toMatch(/ContainerRestartRules/);
    const trace = r.trace!;
    expect(events(trace, 'container.exit', 'app').map((e) => e.exitCode)).toEqual([42]);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running', 'Failed']);
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) < 34))('before 1.34 the API server refuses the container-level fields (%s)', (v) => {
    const errors = runScenario(text(RULE_42, `until: 60s\n${RULE_42_RUNS}`, v)).problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('kubernetes#124002: Kubernetes Skips Init Containers Beyond First During Some Pod Restarts', () => {
  for (const [name, action] of [['the sandbox stopped (crictl stop)', 'killSandbox'], ['a node reboot', 'recreateSandbox']] as const) {
    it.each(SUPPORTED_VERSIONS)(`${name}: init-first and main count on, init-second starts again at attempt 0 (%s) [2.9] [10.4]`, (v) => {
      const sim = `until: 200s\nevents:\n  - { at: 20s, do: ${action} }\n  - { at: 100s, do: ${action} }\n`;
      const trace = at(TWO_INITS, sim, v);
      expect(events(trace, 'pod.sandboxChanged')).toHaveLength(2);
      const attempts = (c: string) => events(trace, 'container.start', c).map((e) => e.attempt);
      // chengjoey's listing on 1.29: main 1, init-second 0, init-first 1 in the new sandbox
      expect(attempts('init-first')).toEqual([0, 1, 2]);
      expect(attempts('init-second')).toEqual([0, 0, 0]);
      expect(attempts('main')).toEqual([0, 1, 2]);
      // the API restartCount is the runtime's attempt (convertContainerStatus)
      const secondChange = events(trace, 'pod.sandboxChanged')[1]!.t;
      const rerun = first(trace, 'container.exit', 'init-second', secondChange);
      const s = statusesAt(text(TWO_INITS, sim, v), [rerun + 5]).get(rerun + 5);
      expect(statusOf(s, 'init-first').restartCount).toBe(2);
      expect(statusOf(s, 'init-second').restartCount).toBe(0);
      expect(statusOf(s, 'init-second').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    });
  }
});
