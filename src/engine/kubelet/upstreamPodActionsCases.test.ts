// Upstream's own computePodActions test tables, replayed against our port (golden cases).
//
// Source: kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager_test.go. Upstream's own
// stored copies are old or mid-era (the one `find_files` names, 03e06024…, is a 20,885-character
// pre-CRI copy; the largest, the library's file id 79542686, 130,097 characters, is a 1.32/1.33-era
// tree with the LegacySidecarContainers tables and no ContainerRestartRules table). The tables were
// therefore read in the newest stored copy: the fork yuanwang04/kubernetes (the author of KEP-5307
// and KEP-5532), commit bca651cd7096dea0998ef1bf1b6e6b4330bee57c, 242,736 characters (file id
// 59066912794). Its era: computePodActions takes the `restartAllContainers` argument and the file
// has TestComputePodActionsForRestartAllContainers (KEP-5532, 1.35+), TestComputePodActionsWithContainerRestartRules
// re-runs the base tables with the gate on (upstream's later patch), and a case disables
// InPlacePodVerticalScalingInitContainers by emulating 1.36: a 1.37-development tree. Every case
// below that also exists in the 1.32/1.33-era upstream copy has the same expectation there. The
// code under test was read in NETIZEN-11/kubernetes 765259d kuberuntime_manager.go (computePodActions
// with RestartAllContainers and ContainerRestartRules, 1.35/1.36-era) and the computeInitContainerActions
// it calls (kuberuntime_container.go, the 1.29+ shape).
//
// Test functions translated: TestComputePodActions (17 cases), TestComputePodActionsWithInitContainers
// (15 of 18; the 3 resize cases are not modelled), TestComputePodActionsWithRestartableInitContainers
// (24), TestComputePodActionsWithInitAndEphemeralContainers (5 of 9, the ephemeral starts left out),
// TestComputePodActionsWithContainerRestartRules (4 of 5: one disagreement, below),
// TestComputePodActionsForRestartAllContainers (7 of 10: the three "pod marked" cases are not
// modelled). Not translated: TestComputePodActionsForPodResize (in-place resize, not modelled) and
// the WithLegacySidecarContainers tables of the 1.32/1.33 copy (the same expectations as the tables
// above, NextInitContainerToStart for InitContainersToStart; our legacy branch is run below on
// 1.27-1.32 through `legacyInitProgress` for pods without sidecars, [2.10]).
//
// Mapping: upstream's pod (spec.restartPolicy, initContainers, containers) is our PodActionsInput's
// restartPolicy (upstream's unset "" behaves as Always in ShouldContainerBeRestarted and
// shouldRestartOnFailure, so it is 'Always' here), initContainers and containers. Its
// kubecontainer.PodStatus.ContainerStatuses become `runtime`, one record per name, the first of that
// name in the list (FindContainerStatusByName); an unset ExitCode is 0; every record has attempts 1
// (no case depends on it). A status's Hash is the hash of the spec it was made from: the base
// statuses carry the spec's image, so a spec changed after the status (or a status Hash changed) is
// a runtime `image` different from the spec's, the one spec change our input carries ([1.8]).
// SandboxStatuses[0]: no sandbox is `sandboxReady: false, sandboxAttempt: 0`; a sandbox with
// Metadata.Attempt n is `sandboxAttempt: n + 1` (upstream's podActions.Attempt is that number), ready
// unless the case sets SANDBOX_NOTREADY or clears its IP (both make PodSandboxChanged true, [2.9]).
// The prober's results managers (m.livenessManager / m.startupManager.Set(id, result)) become
// `liveness` / `startup` by container name; Unknown and Remove are both "no result" (undefined).
// Upstream's computePodActions reads a liveness or startup result for a main container whether or not
// the spec has the probe; a result only exists with a probe worker, so the main container whose result
// a case sets is given that probe here. Expected podActions: KillPod, CreateSandbox,
// InitContainersToStart / ContainersToStart (indices, turned into names) and the names in
// ContainersToKill are compared; SandboxID, Attempt, messages and reasons are not.
//
// Versions: each case runs on every minor it applies to, with the flags the simulator derives
// (`src/engine/sim/sync.ts`): 1.27-1.37 for pods without sidecars (legacyInitProgress 1.27-1.32,
// [2.10]); sidecars from 1.28 (the gate forced on in 1.28, as upstream's tests do); cases with an
// init container stuck in Created from 1.29 ([2.7]: #126543, backported to 1.29/1.30); the sidecar
// image change from 1.32 (#126525);
// ContainerRestartRules cases from 1.34 ([4.2], the gate forced on in 1.34); RestartAllContainers
// cases from 1.35 ([11.2], forced on in 1.35). The base tables also run with those gates forced on in
// 1.34 and 1.35, as upstream re-runs them under the gates.
//
// Three cases disagreed with our port when they were first translated (session 36), and the port
// was fixed to follow upstream:
// (1) ContainerRestartRules, 1.34+: TestComputePodActionsWithContainerRestartRules "Kill pod and
// recreate all containers (except for the succeeded one) if the pod sandbox is dead" (pod Always,
// foo2 with its own restartPolicy OnFailure exited 0, sandbox NotReady): upstream starts [foo1,
// foo3]: its createPodSandbox branch takes `runOnce` from the container's own restartPolicy when
// the gate is on and it is set (kuberuntime_manager.go, read at a 1.36/1.37-era tree); ours read
// only the pod's.
// (2) 1.28 with sidecars: an init container stuck in Created. The 1.28-1.30-era upstream table
// (library file id 64524167, 98,337 characters: the `defer SetFeatureGateDuringTest(...)()` API)
// expects no action ("initialization in progress; do nothing", restartable-init-3 Created):
// computeInitContainerActions waited on Created until #126543 (merged for 1.31; cherry-picked to
// release-1.30 and release-1.29 as #127212 and #127213), so 1.28 waits and 1.29+ restart it ([2.7]).
// (3) 1.28-1.31 with sidecars: a sidecar whose image changed is restarted only from 1.32 (#126525,
// merged after 1.31.0; kubernetes#121333 "Sidecar container will not be restarted when image was
// changed"); before, nothing acts on it ([1.8]).


import { describe, expect, it } from 'vitest';
import {
  type UpstreamCase, makeBasePodAndStatus, makeBasePodAndStatusWithInitAndEphemeralContainers, makeBasePodAndStatusWithInitContainers, noAction, probe, runTable, setExited, status, toInput, versions, versionsWithGateReruns,
} from './upstreamPodActions.testkit';

// --- TestComputePodActions ---------------------------------------------------------------------

const computePodActionsCases: UpstreamCase[] = [
  { name: 'everything is good; do nothing', rules: '[0.1]', expected: noAction },
  {
    name: 'start pod sandbox and all containers for a new pod', rules: '[0.1] [3.2]',
    mutateStatus: (w) => { w.sandbox.exists = false; w.statuses = []; },
    expected: { killPod: true, createSandbox: true, containersToStart: [0, 1, 2] },
  },
  {
    name: 'restart exited containers if RestartPolicy == Always', rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 1, 111); },
    expected: { containersToStart: [0, 1] },
  },
  {
    name: 'restart failed containers if RestartPolicy == OnFailure', rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 1, 111); },
    expected: { containersToStart: [1] },
  },
  {
    name: 'restart created but not started containers if RestartPolicy == OnFailure', rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { setExited(w, 0, 0); w.statuses[1]!.state = 'created'; },
    expected: { containersToStart: [1] },
  },
  {
    name: "don't restart containers if RestartPolicy == Never", rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 1, 111); },
    expected: noAction,
  },
  {
    name: 'Kill pod and recreate everything if the pod sandbox is dead, and RestartPolicy == Always', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.sandbox.ready = false; },
    expected: { killPod: true, createSandbox: true, containersToStart: [0, 1, 2] },
  },
  {
    name: 'Kill pod and recreate all containers (except for the succeeded one) if the pod sandbox is dead, and RestartPolicy == OnFailure', rules: '[2.9] [4.1]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.sandbox.ready = false; setExited(w, 1, 0); },
    expected: { killPod: true, createSandbox: true, containersToStart: [0, 2] },
  },
  {
    // PodSandboxChanged: a sandbox without an IP is recreated like a NotReady one; our input has only sandboxReady.
    name: 'Kill pod and recreate all containers if the PodSandbox does not have an IP', rules: '[2.9]',
    mutateStatus: (w) => { w.sandbox.ready = false; },
    expected: { killPod: true, createSandbox: true, containersToStart: [0, 1, 2] },
  },
  {
    // Upstream changes the status Hash; here the running instance carries another image than the spec ([1.8]).
    name: "Kill and recreate the container if the container's spec changed", rules: '[1.8] [4.4]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[1]!.image = 'busybox:previous-spec'; },
    expected: { containersToKill: ['foo2'], containersToStart: [1] },
  },
  {
    name: 'Kill and recreate the container if the liveness check has failed', rules: '[4.4]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; w.containers[1]!.livenessProbe = probe; },
    mutateStatus: (w) => { w.liveness['foo2'] = 'failure'; },
    expected: { containersToKill: ['foo2'], containersToStart: [1] },
  },
  {
    name: 'Kill and recreate the container if the startup check has failed', rules: '[4.4]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; w.containers[1]!.startupProbe = probe; },
    mutateStatus: (w) => { w.startup['foo2'] = 'failure'; },
    expected: { containersToKill: ['foo2'], containersToStart: [1] },
  },
  {
    name: 'Verify we do not create a pod sandbox if no ready sandbox for pod with RestartPolicy=Never and all containers exited', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.sandbox.attempt = 1; w.statuses.forEach((_, i) => setExited(w, i, 0)); },
    expected: { killPod: true, createSandbox: false },
  },
  {
    name: 'Verify we do not create a pod sandbox if no ready sandbox for pod with RestartPolicy=OnFailure and all containers succeeded', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.sandbox.attempt = 1; w.statuses.forEach((_, i) => setExited(w, i, 0)); },
    expected: { killPod: true, createSandbox: false },
  },
  {
    name: 'Verify we create a pod sandbox if no ready sandbox for pod with RestartPolicy=Never and no containers have ever been created', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.sandbox.attempt = 2; w.statuses = []; },
    expected: { killPod: true, createSandbox: true, containersToStart: [0, 1, 2] },
  },
  {
    name: 'Kill and recreate the container if the container is in unknown state', rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.statuses[1]!.state = 'unknown'; },
    expected: { containersToKill: ['foo2'], containersToStart: [1] },
  },
  {
    name: 'Restart the container if the container is in created state', rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.statuses[1]!.state = 'created'; },
    expected: { containersToStart: [1] },
  },
];

describe('upstream TestComputePodActions (kuberuntime_manager_test.go), 1.27-1.37', () => {
  runTable(makeBasePodAndStatus, computePodActionsCases, (from) => versionsWithGateReruns(from), 27);
});

// --- TestComputePodActionsWithInitContainers ----------------------------------------------------

const initContainerCases: UpstreamCase[] = [
  {
    name: 'initialization completed; start all containers', rules: '[2.1] [3.1] [3.2]',
    expected: { containersToStart: [0, 1, 2] },
  },
  {
    name: 'no init containers have been started; start the first one', rules: '[2.1]',
    mutateStatus: (w) => { w.statuses = []; },
    expected: { initContainersToStart: [0] },
  },
  {
    name: 'initialization in progress; do nothing', rules: '[2.1] [3.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'running'; },
    expected: noAction,
  },
  {
    name: 'Kill pod and restart the first init container if the pod sandbox is dead', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.sandbox.ready = false; },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: 'initialization failed; restart the last init container if RestartPolicy == Always', rules: '[2.5]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[2]!.exitCode = 137; },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'initialization failed; restart the last init container if RestartPolicy == OnFailure', rules: '[2.5]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.statuses[2]!.exitCode = 137; },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'initialization failed; kill pod if RestartPolicy == Never', rules: '[2.5]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.statuses[2]!.exitCode = 137; },
    expected: { killPod: true },
  },
  {
    name: 'init container state unknown; kill and recreate the last init container if RestartPolicy == Always', rules: '[2.5]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'unknown'; },
    expected: { initContainersToStart: [2], containersToKill: ['init3'] },
  },
  {
    name: 'init container state unknown; kill and recreate the last init container if RestartPolicy == OnFailure', rules: '[2.5]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'unknown'; },
    expected: { initContainersToStart: [2], containersToKill: ['init3'] },
  },
  {
    name: 'init container state unknown; kill pod if RestartPolicy == Never', rules: '[2.5]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'unknown'; },
    expected: { killPod: true },
  },
  {
    // The base statuses all exited 0; the sandbox had Metadata.Attempt 0, so one ran before.
    name: 'Pod sandbox not ready, init container failed, but RestartPolicy == Never; kill pod only', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.sandbox.ready = false; },
    expected: { killPod: true, createSandbox: false },
  },
  {
    name: 'Pod sandbox not ready, and RestartPolicy == Never, but no visible init containers;  create a new pod sandbox', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.statuses = []; },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: 'Pod sandbox not ready, init container failed, and RestartPolicy == OnFailure; create a new pod sandbox', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.statuses[2]!.exitCode = 137; },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: "some of the init container statuses are missing but the last init container is running, don't restart preceding ones", rules: '[2.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'running'; w.statuses = w.statuses.slice(2); },
    expected: noAction,
  },
  {
    name: 'an init container is in the created state due to an unknown error when starting container; restart it', rules: '[2.7]',
    from: 29,
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'created'; },
    expected: { initContainersToStart: [2] },
  },
];

describe('upstream TestComputePodActionsWithInitContainers, 1.27-1.37 (legacy init progress up to 1.32, [2.10])', () => {
  runTable(makeBasePodAndStatusWithInitContainers, initContainerCases, (from) => versionsWithGateReruns(from), 27);
});

// --- TestComputePodActionsWithInitAndEphemeralContainers (ephemeral parts left out) -----------

const ephemeralTableCases: UpstreamCase[] = [
  { name: 'steady state; do nothing; ignore ephemeral container', rules: '[0.1]', expected: noAction },
  {
    // Upstream also starts the ephemeral container (not modelled); the regular decisions are compared.
    name: 'initialization in progress; start ephemeral container (regular containers only)', rules: '[2.1] [3.1]',
    mutateStatus: (w) => { w.statuses[3]!.state = 'running'; w.statuses[3]!.exitCode = undefined; },
    expected: noAction,
  },
  {
    name: 'Create a new pod sandbox if the pod sandbox is dead, init container failed and RestartPolicy == OnFailure', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.statuses = w.statuses.slice(3); w.statuses[0]!.exitCode = 137; },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: 'Kill pod and do not restart ephemeral container if the pod sandbox is dead', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.sandbox.ready = false; },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: 'Kill pod if all containers exited except ephemeral container', rules: '[4.1]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { for (let i = 0; i < 3; i++) setExited(w, i, 0); },
    expected: { killPod: true },
  },
];

describe('upstream TestComputePodActionsWithInitAndEphemeralContainers without the ephemeral container, 1.27-1.37', () => {
  runTable(makeBasePodAndStatusWithInitAndEphemeralContainers, ephemeralTableCases, (from) => versionsWithGateReruns(from), 27);
});


describe('the translation itself', () => {
  it('runs each table on the versions it names', () => {
    expect(versionsWithGateReruns(27).map((v) => v.label)).toEqual(Array.of(
      '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37',
      '1.34+containerRestartRules', '1.35+restartAllContainers',
    ));
    expect(versions(28, ['sidecars'])[0]!.label).toBe('1.28+sidecars');
    expect(versions(34, ['containerRestartRules']).map((v) => v.label)).toEqual(Array.of('1.34+containerRestartRules', '1.35', '1.36', '1.37'));
    expect(versions(35, ['containerRestartRules', 'restartAllContainers']).map((v) => v.label)).toEqual(Array.of('1.35+restartAllContainers', '1.36', '1.37'));
  });

  it('maps the sandbox: none is attempt 0, Metadata.Attempt n is n + 1 sandboxes made before [2.9]', () => {
    const w = makeBasePodAndStatus();
    const v = versions(37)[0]!;
    expect(toInput(w, v)).toMatchObject({ sandboxReady: true, sandboxAttempt: 1 });
    w.sandbox = { exists: false, ready: false, attempt: 0 };
    expect(toInput(w, v)).toMatchObject({ sandboxReady: false, sandboxAttempt: 0 });
  });

  it('reads the first status of a name, as FindContainerStatusByName does', () => {
    const w = makeBasePodAndStatus();
    w.statuses.push(status(w.containers[0]!, 'exited', 99));
    expect(toInput(w, versions(37)[0]!).runtime['foo1']?.state).toBe('running');
  });
});

