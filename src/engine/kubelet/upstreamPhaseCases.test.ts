// Golden cases: upstream's own getPhase tables, run against our port ([6.1]-[6.3], [6.6], [6.8]).
//
// Source: kubernetes/kubernetes pkg/kubelet/kubelet_pods_test.go, stored at commit
// 001a80e975bb880d0fe60b304d30950fe661f278, read with pkg/kubelet/kubelet_pods.go of the same commit.
// Era: 1.35/1.36 development. getPhase takes (logger, pod, info, podIsTerminal, podHasInitialized);
// the tests use ktesting loggers, enable ContainerRestartRules, NodeDeclaredFeatures and
// RestartAllContainersOnContainerExits, and the file imports k8s.io/cri-streaming; the
// getPhase there checks the RestartingAllContainers reason, and generateAPIPodStatus passes
// kubecontainer.HasAnyActiveRegularContainerStarted (1.33+, #128516) as podHasInitialized.
//
// Functions translated (every case of each, in upstream's order; 94 in all):
//   TestPodPhaseWithRestartAlways (9), TestPodPhaseWithRestartAlwaysInitContainers (7),
//   TestPodPhaseWithRestartAlwaysRestartableInitContainers (14), TestPodPhaseWithRestartAlwaysAndPodHasRun (5),
//   TestPodPhaseWithRestartNever (7), TestPodPhaseWithRestartNeverInitContainers (7),
//   TestPodPhaseWithRestartNeverRestartableInitContainers (13), TestPodPhaseWithRestartOnFailure (8),
//   TestPodPhaseWithContainerRestartPolicy (6), TestPodPhaseWithContainerRestartPolicyInitContainers (3),
//   TestPodPhaseWithRestartAllContainers (15).
// The upstream file of this era has no TestPodPhaseWithRestartRules; the rules cases live in
// TestPodPhaseWithRestartAllContainers.
//
// How the arguments map:
// - upstream passes one list `info` (init statuses, then main ones) and looks a container up by
//   name with GetContainerStatus (first match). Our indexStatuses does the same over
//   initContainerStatuses then containerStatuses, so a table that splits the statuses keeps the
//   split, and a table with one `statuses` list puts it whole in containerStatuses;
// - podIsTerminal -> opts.podIsTerminal;
// - podHasInitialized -> opts.podHasInitialized from 1.33. Up to 1.32 ([6.1]) that getPhase's
//   "initialized" was HasAnyRegularContainerStarted over the statuses, so there we compute it
//   with anyMainContainerStarted and ignore the case's flag; phaseVersionRules gives
//   pendingInitOnlyBeforeInitialized (1.28-1.31, [6.2b]) and initializedFromStatuses;
// - gates: ContainerRestartRules -> containerRestartRules (1.34+, [6.6]);
//   RestartAllContainersOnContainerExits (with NodeDeclaredFeatures) -> restartAllContainers
//   plus containerRestartRules (1.35+, [6.8]);
// - sidecarStartedVisible: true. Upstream's getPhase reads `Started` of the status it is given,
//   and startedState() sets it; whether a real caller has filled it in yet is [6.1]'s business,
//   not this unit's. (Every startedState() case also has podHasInitialized true, so it never decides.)
// - status helpers: runningState = Running, startedState = Running + started, stoppedState and
//   succeededState = Terminated exit 0, failedState = Terminated exit -1, failedStateWithExitCode,
//   waitingState = Waiting, waitingStateWithLastTermination = Waiting + last exit 0,
//   waitingStateWithNonZeroTermination = Waiting + last exit -1, and
//   waitingStateWithRestartingAllContainers = Waiting + last exit 137, both with reason
//   RestartingAllContainers. None sets a reason otherwise (a reason only matters when it is
//   RestartingAllContainers).
//
// Versions: each case runs on every minor from its table's first version (1.27 for plain pods,
// 1.28 once a sidecar is in the spec, 1.34 / 1.35 for the gated tables) to 1.37, except where
// `from` says it encodes a later fix; `earlier` then records what our model ([6.1], [6.2b])
// says on the minors before it. Those earlier phases are what the older getPhase stored at
// kubelet_pods.go commit df5f02437d38 (1.29/1.30 era: getPhase(pod, info, podIsTerminal), one
// pendingInitialization counter for regular and sidecar init containers, ignored once
// kubecontainer.HasAnyRegularContainerStarted(&spec, info)) computes for them.
//
// A second, older copy of the test file is stored (commit aba588cd14e0: getPhase(pod, info,
// podIsTerminal), k8s.io/kubelet/pkg/cri/streaming, RelaxedEnvironmentVariableValidation, no
// podHasInitialized and no "re-initializing"/"re-created sandbox" cases). Its
// TestPodPhaseWithRestartAlwaysAndPodHasRun has 4 cases and already expects Pending for a running
// regular init container next to a running main one, which the df5f024 getPhase answers
// Running: so it is the 1.32 file (after #126653, before #128516). Its cases run at 1.32 below.
//
// Left out: nothing of these tables. Our port agrees with every case on phase; see the note at
// TestPodPhaseWithRestartAllContainers for where upstream's test and its own getPhase part ways.

import { describe, expect, it } from 'vitest';
import type { ContainerForStatus, ContainerStatus } from '../api';
import { exited, running, specOf, waiting, type PodShape } from '../apiPod/statusBuilders';
import type { PodPhase } from '../trace';
import { anyMainContainerStarted, explainPhase, getPhase, phaseVersionRules, type PhaseOptions } from './getPhase';

// ---- upstream's status helpers (kubelet_pods_test.go), same names ----
const runningState = (n: string): ContainerStatus => running(n);
const startedState = (n: string): ContainerStatus => running(n, { started: true });
const stoppedState = (n: string): ContainerStatus => exited(n, 0, { noReason: true });
const succeededState = (n: string): ContainerStatus => exited(n, 0, { noReason: true });
const failedState = (n: string): ContainerStatus => exited(n, -1, { noReason: true });
const failedStateWithExitCode = (n: string, code: number): ContainerStatus => exited(n, code, { noReason: true });
const waitingState = (n: string): ContainerStatus => waiting(n, '');
const waitingStateWithLastTermination = (n: string): ContainerStatus =>
  ({ ...waiting(n), lastState: { terminated: { exitCode: 0 } } });
const waitingStateWithNonZeroTermination = (n: string): ContainerStatus =>
  ({ ...waiting(n), lastState: { terminated: { exitCode: -1 } } });
const removedMessage = 'The container is removed because RestartAllContainers in place';
const waitingStateWithRestartingAllContainers = (n: string): ContainerStatus => ({
  name: n,
  state: { waiting: { reason: 'RestartingAllContainers', message: removedMessage } },
  lastState: { terminated: { exitCode: 137, reason: 'RestartingAllContainers', message: removedMessage } },
  ready: false,
  restartCount: 0,
});

interface Case {
  /** upstream's `test` / `name` string */
  test: string;
  init?: ContainerStatus[];
  main: ContainerStatus[];
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
  phase: PodPhase;
  /** the rule of docs/kubelet-rules.md our explainPhase names */
  rule: string;
  /** the case encodes a fix from this minor on */
  from?: number;
  /** our model's phase on the table's minors before `from` */
  earlier?: PodPhase;
  /** overrides the table's spec */
  shape?: PodShape;
}

interface Table {
  fn: string;
  shape: PodShape;
  /** first minor the table applies to */
  since: number;
  containerRestartRules?: boolean;
  restartAllContainers?: boolean;
  cases: Case[];
}

const LAST = 37;
const minorsFrom = (first: number, last: number = LAST): number[] =>
  Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

function optsAt(minor: number, t: Table, c: Case): PhaseOptions {
  const rules = phaseVersionRules(minor);
  const status = { initContainerStatuses: c.init ?? [], containerStatuses: c.main };
  return {
    podIsTerminal: c.podIsTerminal ?? false,
    podHasInitialized: rules.initializedFromStatuses ? anyMainContainerStarted(status) : (c.podHasInitialized ?? false),
    containerRestartRules: t.containerRestartRules === true,
    restartAllContainers: t.restartAllContainers === true,
    sidecarStartedVisible: true,
    pendingInitOnlyBeforeInitialized: rules.pendingInitOnlyBeforeInitialized,
    initializedFromStatuses: rules.initializedFromStatuses,
  };
}

const two: PodShape = { main: ['containerA', 'containerB'] };

// [6.2b] [6.2c] [6.2d] [6.2e]
const restartAlways: Table = {
  fn: 'TestPodPhaseWithRestartAlways', since: 27, shape: { ...two, restartPolicy: 'Always' }, cases: [
    { test: 'waiting', main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'all running', main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'all stopped with restart always', main: [stoppedState('containerA'), stoppedState('containerB')], phase: 'Running', rule: '6.2d' },
    { test: 'all succeeded with restart always, but the pod is terminal', podIsTerminal: true,
      main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    { test: 'all stopped with restart always, but the pod is terminal', podIsTerminal: true,
      main: [succeededState('containerA'), failedState('containerB')], phase: 'Failed', rule: '6.2d' },
    { test: 'mixed state #1 with restart always', main: [runningState('containerA'), stoppedState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'mixed state #2 with restart always', main: [runningState('containerA')], phase: 'Pending', rule: '6.2e' },
    { test: 'mixed state #3 with restart always', main: [runningState('containerA'), waitingState('containerB')], phase: 'Pending', rule: '6.2b' },
    { test: 'backoff crashloop container with restart always',
      main: [runningState('containerA'), waitingStateWithLastTermination('containerB')], phase: 'Running', rule: '6.2c' },
  ],
};

// [6.2a] [6.2b] [6.2e]
const restartAlwaysInit: Table = {
  fn: 'TestPodPhaseWithRestartAlwaysInitContainers', since: 27,
  shape: { ...two, init: ['containerX'], restartPolicy: 'Always' }, cases: [
    { test: 'empty, waiting', main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'init container running', init: [runningState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'init container terminated non-zero', init: [failedState('containerX')], main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'init container waiting, terminated zero', init: [waitingStateWithLastTermination('containerX')], main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'init container waiting, terminated non-zero', init: [waitingStateWithNonZeroTermination('containerX')], main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'init container waiting, not terminated', init: [waitingState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'init container succeeded', init: [succeededState('containerX')],
      main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
  ],
};

// [6.1] [6.2b] [6.2c] [6.2d] [6.3]
const restartAlwaysSidecar: Table = {
  fn: 'TestPodPhaseWithRestartAlwaysRestartableInitContainers', since: 28,
  shape: { ...two, init: ['containerX*'], restartPolicy: 'Always' }, cases: [
    { test: 'empty, waiting', main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container running', init: [runningState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'restartable init container stopped', init: [stoppedState('containerX')], main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container waiting, terminated zero', init: [waitingStateWithLastTermination('containerX')], main: [],
      phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container waiting, terminated non-zero', init: [waitingStateWithNonZeroTermination('containerX')], main: [],
      phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container waiting, not terminated', init: [waitingState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'restartable init container started, 1/2 regular container running', podHasInitialized: true,
      init: [startedState('containerX')], main: [runningState('containerA')], phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container started, all regular containers running', podHasInitialized: true,
      init: [startedState('containerX')], main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'restartable init container running, all regular containers running', podHasInitialized: true,
      init: [runningState('containerX')], main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'restartable init container stopped, all regular containers running', podHasInitialized: true,
      init: [stoppedState('containerX')], main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'backoff crashloop restartable init container, all regular containers running', podHasInitialized: true,
      init: [waitingStateWithLastTermination('containerX')], main: [runningState('containerA'), runningState('containerB')],
      phase: 'Running', rule: '6.2c' },
    { test: 'all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal',
      podIsTerminal: true, podHasInitialized: true,
      init: [failedState('containerX')], main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    { test: 'all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal',
      podIsTerminal: true, podHasInitialized: true,
      init: [succeededState('containerX')], main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    // #128516 (1.33): podHasInitialized became "a main container of the current sandbox"; up to
    // 1.32 the old Running statuses count as initialized ([6.1]).
    { test: 're-initializing the pod after the sandbox is recreated',
      init: [runningState('containerX')], main: [runningState('containerA'), runningState('containerB')],
      phase: 'Pending', rule: '6.2b', from: 33, earlier: 'Running' },
  ],
};

// [6.1] [6.2b] [6.2c]
const restartAlwaysHasRun: Table = {
  fn: 'TestPodPhaseWithRestartAlwaysAndPodHasRun', since: 28,
  shape: { init: ['containerX', 'containerY*'], main: ['containerA'], restartPolicy: 'Always' }, cases: [
    // #126653 (1.32): a pending regular init container counts even after a main container ran ([6.2b]).
    { test: 'regular init containers, restartable init container and regular container are all running',
      init: [runningState('containerX'), runningState('containerY')], main: [runningState('containerA')],
      phase: 'Pending', rule: '6.2b', from: 32, earlier: 'Running' },
    { test: 'regular containers is stopped, restartable init container and regular int container are both running',
      init: [runningState('containerX'), runningState('containerY')], main: [stoppedState('containerA')],
      phase: 'Pending', rule: '6.2b', from: 32, earlier: 'Running' },
    // #128516 (1.33): only the current sandbox's main containers make the pod initialized ([6.1]).
    { test: 're-created sandbox: regular init container is succeeded, restartable init container is running, old regular containers is stopped',
      init: [succeededState('containerX'), runningState('containerY')], main: [stoppedState('containerA')],
      phase: 'Pending', rule: '6.2b', from: 33, earlier: 'Running' },
    { test: 'regular init container is succeeded, restartable init container is running, regular containers is stopped', podHasInitialized: true,
      init: [succeededState('containerX'), runningState('containerY')], main: [stoppedState('containerA')], phase: 'Running', rule: '6.2c' },
    { test: 'regular init container is succeeded, restartable init container and regular containers are both running', podHasInitialized: true,
      init: [succeededState('containerX'), runningState('containerY')], main: [runningState('containerA')], phase: 'Running', rule: '6.2c' },
  ],
};

// [6.2b] [6.2c] [6.2d] [6.2e]
const restartNever: Table = {
  fn: 'TestPodPhaseWithRestartNever', since: 27, shape: { ...two, restartPolicy: 'Never' }, cases: [
    { test: 'waiting', main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'all running with restart never', main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'all succeeded with restart never', main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    { test: 'all failed with restart never', main: [failedState('containerA'), failedState('containerB')], phase: 'Failed', rule: '6.2d' },
    { test: 'mixed state #1 with restart never', main: [runningState('containerA'), succeededState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'mixed state #2 with restart never', main: [runningState('containerA')], phase: 'Pending', rule: '6.2e' },
    { test: 'mixed state #3 with restart never', main: [runningState('containerA'), waitingState('containerB')], phase: 'Pending', rule: '6.2b' },
  ],
};

// [6.2a] [6.2b] [6.2c] [6.2e]
const restartNeverInit: Table = {
  fn: 'TestPodPhaseWithRestartNeverInitContainers', since: 27,
  shape: { ...two, init: ['containerX'], restartPolicy: 'Never' }, cases: [
    { test: 'empty, waiting', main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'init container running', init: [runningState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'init container terminated non-zero', init: [failedState('containerX')], main: [], phase: 'Failed', rule: '6.2a' },
    { test: 'init container waiting, terminated zero', init: [waitingStateWithLastTermination('containerX')], main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'init container waiting, terminated non-zero', init: [waitingStateWithNonZeroTermination('containerX')], main: [], phase: 'Failed', rule: '6.2a' },
    { test: 'init container waiting, not terminated', init: [waitingState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'init container succeeded', init: [succeededState('containerX')],
      main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
  ],
};

// [6.1] [6.2b] [6.2c] [6.2d] [6.3]
const restartNeverSidecar: Table = {
  fn: 'TestPodPhaseWithRestartNeverRestartableInitContainers', since: 28,
  shape: { ...two, init: ['containerX*'], restartPolicy: 'Never' }, cases: [
    { test: 'empty, waiting', main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container running', init: [runningState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'restartable init container stopped', init: [stoppedState('containerX')], main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container waiting, terminated zero', init: [waitingStateWithLastTermination('containerX')], main: [],
      phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container waiting, terminated non-zero', init: [waitingStateWithNonZeroTermination('containerX')], main: [],
      phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container waiting, not terminated', init: [waitingState('containerX')], main: [], phase: 'Pending', rule: '6.2b' },
    { test: 'restartable init container started, one main container running', podHasInitialized: true,
      init: [startedState('containerX')], main: [runningState('containerA')], phase: 'Pending', rule: '6.2e' },
    { test: 'restartable init container started, main containers succeeded', podHasInitialized: true,
      init: [startedState('containerX')], main: [succeededState('containerA'), succeededState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'restartable init container re-running, main containers succeeded', podHasInitialized: true,
      init: [runningState('containerX')], main: [succeededState('containerA'), succeededState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'all containers succeeded', podHasInitialized: true,
      init: [succeededState('containerX')], main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    { test: 'restartable init container terminated non-zero, main containers succeeded', podHasInitialized: true,
      init: [failedState('containerX')], main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    { test: 'backoff crashloop restartable init container, main containers succeeded', podHasInitialized: true,
      init: [waitingStateWithLastTermination('containerX')], main: [succeededState('containerA'), succeededState('containerB')],
      phase: 'Succeeded', rule: '6.2d' },
    { test: 'backoff crashloop with non-zero restartable init container, main containers succeeded', podHasInitialized: true,
      init: [waitingStateWithNonZeroTermination('containerX')], main: [succeededState('containerA'), succeededState('containerB')],
      phase: 'Succeeded', rule: '6.2d' },
  ],
};

// [6.2b] [6.2c] [6.2d] [6.2e]
const restartOnFailure: Table = {
  fn: 'TestPodPhaseWithRestartOnFailure', since: 27, shape: { ...two, restartPolicy: 'OnFailure' }, cases: [
    { test: 'waiting', main: [], phase: 'Pending', rule: '6.2e' },
    { test: 'all running with restart onfailure', main: [runningState('containerA'), runningState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'all succeeded with restart onfailure', main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.2d' },
    // (upstream's name says "never"; the pod is OnFailure)
    { test: 'all failed with restart never', main: [failedState('containerA'), failedState('containerB')], phase: 'Running', rule: '6.2d' },
    { test: 'mixed state #1 with restart onfailure', main: [runningState('containerA'), succeededState('containerB')], phase: 'Running', rule: '6.2c' },
    { test: 'mixed state #2 with restart onfailure', main: [runningState('containerA')], phase: 'Pending', rule: '6.2e' },
    { test: 'mixed state #3 with restart onfailure', main: [runningState('containerA'), waitingState('containerB')], phase: 'Pending', rule: '6.2b' },
    { test: 'backoff crashloop container with restart onfailure',
      main: [runningState('containerA'), waitingStateWithLastTermination('containerB')], phase: 'Running', rule: '6.2c' },
  ],
};

const c = (name: string, restartPolicy?: ContainerForStatus['restartPolicy']): ContainerForStatus =>
  restartPolicy ? { name, restartPolicy } : { name };

// [6.2a] [6.6]; ContainerRestartRules on, podHasInitialized true, podIsTerminal false
const containerRestartPolicy: Table = {
  fn: 'TestPodPhaseWithContainerRestartPolicy', since: 34, containerRestartRules: true, shape: { main: [] }, cases: [
    { test: 'container with restart policy Never failed', shape: { restartPolicy: 'Always', main: [c('failed-container', 'Never')] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Failed', rule: '6.6' },
    { test: 'container with restart policy OnFailure failed', shape: { restartPolicy: 'Always', main: [c('failed-container', 'OnFailure')] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Running', rule: '6.6' },
    { test: 'container with restart policy Always failed', shape: { restartPolicy: 'Always', main: [c('failed-container', 'Always')] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Running', rule: '6.6' },
    { test: 'At least one container with restartable container-level restart policy failed',
      shape: { restartPolicy: 'Never', main: [c('containerA', 'Always'), c('containerB')] },
      podHasInitialized: true, main: [succeededState('containerA'), failedState('containerB')], phase: 'Running', rule: '6.6' },
    { test: 'All containers without restartable container-level restart policy failed',
      shape: { restartPolicy: 'Always', main: [c('containerA', 'Never'), c('containerB', 'OnFailure')] },
      podHasInitialized: true, main: [failedState('containerA'), succeededState('containerB')], phase: 'Failed', rule: '6.6' },
    { test: 'All containers succeeded',
      shape: { restartPolicy: 'Always', main: [c('containerA', 'Never'), c('containerB', 'OnFailure')] },
      podHasInitialized: true, main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.6' },
  ],
};

// [6.2a] [6.2e] [6.6]; the statuses are upstream's single list
const containerRestartPolicyInit: Table = {
  fn: 'TestPodPhaseWithContainerRestartPolicyInitContainers', since: 34, containerRestartRules: true, shape: { main: [] }, cases: [
    { test: 'init container with restart policy Never failed',
      shape: { restartPolicy: 'Always', init: [c('failed-container', 'Never')], main: ['container'] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Failed', rule: '6.2a' },
    { test: 'init container with restart policy OnFailure failed',
      shape: { restartPolicy: 'Never', init: [c('failed-container', 'OnFailure')], main: ['container'] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Pending', rule: '6.2e' },
    // an init container with restartPolicy Always is a sidecar: its stop never counts ([6.3])
    { test: 'container with restart policy Always failed',
      shape: { restartPolicy: 'Never', init: [c('failed-container', 'Always')], main: ['container'] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Pending', rule: '6.2e' },
  ],
};

// [6.6] [6.8]; ContainerRestartRules, NodeDeclaredFeatures and RestartAllContainersOnContainerExits
// on, getPhase(..., false, true). Note: the upstream getPhase of this commit adds to
// podutil.ContainerShouldRestart only the RestartingAllContainers *reason*, and the only stored
// pkg/api/v1/pod/util.go (commit 959795b4) lets a matching RestartAllContainers rule fall back to
// the container's own Never; yet "regular container triggers RestartAllContainers" and "init
// container triggers RestartAllContainers" expect an un-reasoned exit 42 to count as restarting.
// That util.go is older than this getPhase (it has no AllContainersCouldRestart, which
// generateAPIPodStatus here calls), so the RestartAllContainers-era ContainerShouldRestart
// presumably returns true for such a rule. Our port follows the test ([6.8]).
const ruleRAC = [{ action: 'RestartAllContainers' as const, operator: 'In' as const, values: Array.of(42) }];
const containerWithRule: ContainerForStatus = { name: 'container', restartPolicy: 'Never', restartPolicyRules: ruleRAC };
const sidecarContainerWithRule: ContainerForStatus = { name: 'container', restartPolicy: 'Always', restartPolicyRules: ruleRAC };
const restartAllContainers: Table = {
  fn: 'TestPodPhaseWithRestartAllContainers', since: 35, containerRestartRules: true, restartAllContainers: true, shape: { main: [] },
  cases: ([
    // Trigger RestartAllContainers
    { test: 'regular container triggers RestartAllContainers', shape: { restartPolicy: 'Never', main: [containerWithRule] },
      main: [failedStateWithExitCode('container', 42)], phase: 'Running', rule: '6.6' },
    { test: 'init container triggers RestartAllContainers', shape: { restartPolicy: 'Never', init: [containerWithRule], main: [] },
      main: [failedStateWithExitCode('container', 42), waitingState('regular')], phase: 'Pending', rule: '6.2e' },
    { test: 'sidecar container triggers RestartAllContainers',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [failedStateWithExitCode('container', 42), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    { test: 'sidecar container triggers RestartAllContainers, kills another init container',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule, 'init'], main: ['regular'] },
      main: [failedStateWithExitCode('container', 42), waitingState('init'), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    // Cleanup phase
    { test: 'regular container triggers RestartAllContainers, cleaned up', shape: { restartPolicy: 'Never', main: [containerWithRule] },
      main: [waitingStateWithRestartingAllContainers('container')], phase: 'Running', rule: '6.6' },
    { test: 'init container triggers RestartAllContainers, cleaned up', shape: { restartPolicy: 'Never', init: [containerWithRule], main: [] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingState('regular')], phase: 'Pending', rule: '6.2e' },
    { test: 'sidecar container triggers RestartAllContainers, cleaned up',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    // (upstream lists "container" twice and no status for "init", which so counts as pending)
    { test: 'sidecar container triggers RestartAllContainers, kills another init container, cleaned up',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule, 'init'], main: ['regular'] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingStateWithRestartingAllContainers('container'), waitingState('regular')],
      phase: 'Pending', rule: '6.2b' },
    // Startup phase
    { test: 'regular container triggered RestartAllContainers; init container succeeded',
      shape: { restartPolicy: 'Never', init: ['init'], main: [containerWithRule] },
      main: [succeededState('init'), waitingStateWithRestartingAllContainers('container')], phase: 'Running', rule: '6.6' },
    { test: 'regular container triggered RestartAllContainers; init container failed',
      shape: { restartPolicy: 'Never', init: ['init'], main: [containerWithRule] },
      main: [failedState('init'), waitingStateWithRestartingAllContainers('container')], phase: 'Failed', rule: '6.2a' },
    { test: 'init container triggered RestartAllContainers', shape: { restartPolicy: 'Never', init: [containerWithRule], main: ['regular'] },
      main: [failedStateWithExitCode('container', 42), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    { test: 'init container triggered RestartAllContainers; init container succeeds',
      shape: { restartPolicy: 'Never', init: [containerWithRule], main: ['regular'] },
      main: [succeededState('container'), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    { test: 'sidecar container triggered RestartAllContainers kills regular container',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingStateWithRestartingAllContainers('regular')], phase: 'Running', rule: '6.6' },
    { test: 'sidecar container triggered RestartAllContainers kills regular container; sidecar running',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [runningState('container'), waitingStateWithRestartingAllContainers('regular')], phase: 'Running', rule: '6.2c' },
    { test: 'sidecar container triggered RestartAllContainers; kills init container; sidecar running',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule, 'init'], main: ['regular'] },
      main: [runningState('container'), waitingStateWithRestartingAllContainers('container'), waitingState('regular')],
      phase: 'Pending', rule: '6.2b' },
  ] satisfies Case[]).map((k): Case => ({ ...k, podHasInitialized: true })),
};

const tables: Table[] = [
  restartAlways, restartAlwaysInit, restartAlwaysSidecar, restartAlwaysHasRun, restartNever, restartNeverInit,
  restartNeverSidecar, restartOnFailure, containerRestartPolicy, containerRestartPolicyInit, restartAllContainers,
];

/** minor -> "phase [rule]" */
type Verdicts = Record<number, string>;

function run(t: Table, k: Case, minors: number[]): Verdicts {
  const spec = specOf(k.shape ?? t.shape);
  const status = { initContainerStatuses: k.init ?? [], containerStatuses: k.main };
  const out: Verdicts = {};
  for (const m of minors) {
    const opts = optsAt(m, t, k);
    const e = explainPhase(spec, status, opts);
    expect(getPhase(spec, status, opts)).toBe(e.phase);
    expect(e.why).toContain(`[${e.rule}]`);
    out[m] = `${e.phase} [${e.rule}]`;
  }
  return out;
}

const all = (minors: number[], v: string): Verdicts => Object.fromEntries(minors.map((m) => [m, v]));

describe('upstream getPhase tables (kubelet_pods_test.go at 001a80e9)', () => {
  for (const t of tables) {
    describe(t.fn, () => {
      it.each(t.cases)('$test', (k) => {
        const from = Math.max(t.since, k.from ?? t.since);
        const minors = minorsFrom(from);
        // the phase upstream expects, on every minor the case applies to, with the rule we cite
        expect(run(t, k, minors)).toEqual(all(minors, `${k.phase} [${k.rule}]`));
        if (k.earlier !== undefined) {
          const before = minorsFrom(t.since, from - 1);
          const phases = Object.values(run(t, k, before)).map((v) => v.split(' ')[0]);
          expect(phases).toEqual(before.map(() => k.earlier));
        }
      });
    });
  }

  // kubelet_pods_test.go at aba588cd (1.32): the same table without podHasInitialized, which that
  // getPhase computed from the statuses (HasAnyRegularContainerStarted) [6.1] [6.2b]
  describe('TestPodPhaseWithRestartAlwaysAndPodHasRun (1.32 copy, 3-argument getPhase)', () => {
    const t: Table = { ...restartAlwaysHasRun, since: 32 };
    const cases: Case[] = [
      { test: 'regular init containers, restartable init container and regular container are all running',
        init: [runningState('containerX'), runningState('containerY')], main: [runningState('containerA')], phase: 'Pending', rule: '6.2b' },
      { test: 'regular containers is stopped, restartable init container and regular int container are both running',
        init: [runningState('containerX'), runningState('containerY')], main: [stoppedState('containerA')], phase: 'Pending', rule: '6.2b' },
      { test: 'regular init container is succeeded, restartable init container is running, regular containers is stopped',
        init: [succeededState('containerX'), runningState('containerY')], main: [stoppedState('containerA')], phase: 'Running', rule: '6.2c' },
      { test: 'regular init container is succeeded, restartable init container and regular containers are both running',
        init: [succeededState('containerX'), runningState('containerY')], main: [runningState('containerA')], phase: 'Running', rule: '6.2c' },
    ];
    it.each(cases)('$test', (k) => {
      expect(run(t, k, Array.of(32))).toEqual(all(Array.of(32), `${k.phase} [${k.rule}]`));
    });
  });

  it('translates every case of the eleven tables', () => {
    expect(tables.map((t) => t.cases.length)).toEqual(Array.of(9, 7, 14, 5, 7, 7, 13, 8, 6, 3, 15));
  });
});
