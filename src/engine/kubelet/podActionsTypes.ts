// Inputs and outputs of computePodActions (KR/kuberuntime_manager.go computePodActions).
// The kubelet decides from the runtime's view of the pod (not the API status) plus its probe
// managers' results; the simulator and `sim actions` both build this input.

import type { ProbeSpec, RestartPolicy, RestartRule } from '../scenario/types';

export type RuntimeState = 'created' | 'running' | 'exited' | 'unknown';

/** The newest runtime instance of one container in the current sandbox (kubecontainer.Status). */
export interface RuntimeContainerStatus {
  name: string;
  state: RuntimeState;
  exitCode?: number;
  /** The runtime's reason is OOMKilled (the kernel killed a process of it; its exit code may still be 0): an init container so ended has failed ([2.5]). */
  oomKilled?: boolean;
  startedAt?: number;
  finishedAt?: number;
  /** The image this instance runs; differing from the spec's image means the spec hash changed. */
  image?: string;
  /** Number of instances of this container so far (the restart count is attempts - 1). */
  attempts: number;
  /** A main container's newest instance belongs to an earlier sandbox (a node reboot left it, [2.9]): not among ActiveContainerStatuses. */
  previousSandbox?: boolean;
}

/** What computePodActions needs of one container's spec. */
export interface ContainerForActions {
  name: string;
  image: string;
  restartPolicy?: RestartPolicy;
  restartPolicyRules?: RestartRule[];
  startupProbe?: Pick<ProbeSpec, 'handler'>;
  livenessProbe?: Pick<ProbeSpec, 'handler'>;
}

export type ProbeVerdict = 'success' | 'failure';

export interface PodActionsInput {
  restartPolicy: RestartPolicy;
  initContainers: ContainerForActions[];
  containers: ContainerForActions[];
  /** Whether the pod has a deletionTimestamp (nothing is started then, [4.1]). */
  deleted: boolean;
  /** A ready sandbox exists; false means it must be (re)created ([2.9]). */
  sandboxReady: boolean;
  /** How many sandboxes were created before (0 for a brand-new pod). */
  sandboxAttempt: number;
  /** Newest runtime instance per container name, in the current sandbox. */
  runtime: Record<string, RuntimeContainerStatus | undefined>;
  /** Startup probe results per container name (absent: the probe has not decided yet). */
  startup: Record<string, ProbeVerdict | undefined>;
  /** Liveness probe results per container name (absent: not yet run). */
  liveness: Record<string, ProbeVerdict | undefined>;
  /** Whether per-container restart rules are honoured (ContainerRestartRules, [4.2]). */
  containerRestartRules: boolean;
  /** Whether RestartAllContainers rules act (RestartAllContainersOnContainerExits, [11.2]). */
  restartAllContainers?: boolean;
  /** Init progress is read by findNextInitContainerToRun, where only a Running main container means initialized ([2.10]). */
  legacyInitProgress?: boolean;
  /** An Exited main container counts as initialized too (1.28's hasAnyRegularContainerCreated, before #120269, [2.10]). */
  initProgressCountsExited?: boolean;
  /** Init progress counts only the current sandbox's main containers (ActiveContainerStatuses, #138514, 1.37+, [2.10]). */
  initProgressActiveSandboxOnly?: boolean;
  /** An init container stuck in Created is waited for, not started again (1.28, before #126543, [2.7]). */
  createdInitWaits?: boolean;
  /** A running sidecar whose image changed is left running (1.28-1.31, before #126525, [1.8]). */
  sidecarImageChangeIgnored?: boolean;
}

export interface ContainerToKill {
  name: string;
  reason: 'LivenessProbe' | 'StartupProbe' | 'SpecChanged' | 'Unknown';
  message: string;
}

/**
 * Why the plan starts or kills one container, as upstream's containerToKillInfo carries a reason
 * and message per container: the simulator reads it by name (its trace whys and causes).
 */
export interface ContainerReason {
  /** The rulebook section the decision follows, e.g. "2.1". */
  rule: string;
  /** The sentence, the same one `why` holds. */
  text: string;
  /** The container whose runtime state decided it: itself for a restart, the previous init container for the next one. */
  after?: string;
}

export interface PodActions {
  killPod: boolean;
  createSandbox: boolean;
  initContainersToStart: string[];
  containersToStart: string[];
  containersToKill: ContainerToKill[];
  /** KEP-5532: a container exited with a code its RestartAllContainers rule matches ([11.2]). */
  restartAllContainers?: { container: string; exitCode: number };
  /** One sentence per decision, naming the rule, for the trace and `sim actions`. */
  why: string[];
  /** The first decision about each container this plan starts or kills, by name. */
  reasons: Record<string, ContainerReason>;
  /** For a pod kill: the containers whose state decided it ([8.1c] the main containers, [2.5] the failed init container). */
  killPodAfter?: string[];
}
