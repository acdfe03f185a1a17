// The parsed scenario (contract.md section 1): the pod spec the kubelet sees, and how each
// container's process behaves. Everything is already defaulted the way the API server would.

import type { ContainerKind, ProbeKind } from '../trace';
import type { FeatureGates, KubeVersion } from '../version';
import type { Span } from './problems';
import type { Hold, TrapTimeline } from './trapTimeline';

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export type WorkloadKind =
  | 'Pod' | 'Job' | 'CronJob' | 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet';

/** A position in the scenario text, 1-based (Monaco and the CLI use the same numbers). */
export interface SourcePos {
  line: number;
  col: number;
}

export interface Problem {
  severity: 'error' | 'warning' | 'info';
  /** Field path as the API server prints it, e.g. spec.initContainers[2].restartPolicy. */
  path: string;
  message: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
}

export type ProbeHandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc';

/** A stretch of a container's life over which its exec probe's answer follows from the container's script ([15.4]). */
export interface ProbeWindow {
  /** Seconds from the container's start: from (included) to (excluded; Infinity: to the end). */
  from: number;
  to: number;
  exitCode: number;
  /** What a run prints there (the prober's output); undefined when unknown. */
  output?: string;
}

/** A probe, defaulted as SetDefaults_Probe does ([1.4]). */
export interface ProbeSpec {
  handler: ProbeHandlerKind;
  /**
   * exec command, when handler is exec (used to judge `exit 1`/`true`, contract section 1), with
   * the container's static `$(VAR)`s expanded as prober.go runProbe runs it
   * (ExpandContainerCommandOnlyStatic, scenario/expandVars.ts).
   */
  command?: string[];
  /** Fixed outcome judged from an exec command: 'fail' for `exit 1`/`false`, 'pass' for `exit 0`/`true`. */
  verdict?: 'pass' | 'fail';
  /**
   * Where an exec command without a verdict answers by the container's own script ([15.4],
   * probeCommand.ts probeWindows): `cat /tmp/healthy` passes while the script's file exists and
   * fails, with cat's words, once the script removed it. Elsewhere the usual rule applies.
   */
  windows?: ProbeWindow[];
  /** How long one run of the exec command takes, read from it (`sh -c "sleep 5; exit 0"`: 5); null: it never returns. */
  duration?: number | null;
  /**
   * Where an httpGet, tcpSocket or grpc probe connects, as the prober's errors name it, the pod's
   * IP written `<pod IP>` (the engine has none): `http://<pod IP>:8080/healthz`, `<pod IP>:8080`.
   * A named port is the container's port of that name (findPortByName). Unset for a named port
   * the container lacks (the prober errors: no failure output) and other handlers.
   */
  target?: string;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  terminationGracePeriodSeconds?: number;
}

export type HookHandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'sleep';

export interface HookSpec {
  handler: HookHandlerKind;
  /** For `sleep` handlers, the seconds the kubelet sleeps ([11.4]). */
  sleepSeconds?: number;
  /** For `exec` handlers, the command as written (handlers.go Run prints it with %v in a failure's message, [3.4]). */
  command?: string[];
  /** For `httpGet` handlers, `path` as written (handler.HTTPGet.Path, %s in a failure's message, [3.4]). */
  path?: string;
  /** For `httpGet` handlers, the URL the request goes to, as the probes' target (the pod's IP, `<pod IP>`); undefined for a named port the container lacks. */
  target?: string;
  /** For `tcpSocket` handlers, `port` and `host` as written (handlers.go Run's failure prints them, [3.4]). */
  port?: number | string;
  host?: string;
}

export interface RestartRule {
  action: 'Restart' | 'RestartAllContainers';
  operator: 'In' | 'NotIn';
  values: number[];
}

export interface ContainerSpec {
  name: string;
  image: string;
  kind: ContainerKind;
  /** Index within its own list (initContainers or containers). */
  index: number;
  /** The container-level restartPolicy as accepted by the API server (after dropping disabled fields). */
  restartPolicy?: RestartPolicy;
  restartPolicyRules?: RestartRule[];
  command?: string[];
  args?: string[];
  startupProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  readinessProbe?: ProbeSpec;
  postStart?: HookSpec;
  preStop?: HookSpec;
  stopSignal?: string;
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  /** Where the container's entry starts in the text (for markers and hints). */
  pos: SourcePos;
}

export interface PodSpecModel {
  name: string;
  namespace: string;
  restartPolicy: RestartPolicy;
  terminationGracePeriodSeconds: number;
  activeDeadlineSeconds?: number;
  initContainers: ContainerSpec[];
  containers: ContainerSpec[];
  readinessGates: string[];
  /**
   * [15.3] shareProcessNamespace or hostPID: the containers share a PID namespace whose PID 1 is the
   * sandbox's pause (kuberuntime util.go PidNamespaceForPod), so no container's process is PID 1.
   */
  sharedPidNamespace?: boolean;
  /**
   * [8.16] spec.priority as the Priority admission plugin sets it (a written `priority`, or the
   * system-cluster-critical / system-node-critical class); absent: 0. The node shutdown's groups read it.
   */
  priority?: number;
}

/** What a process does when its stop signal arrives. */
export type StopBehavior =
  /** `trap`: a shell's TERM trap, which runs only when the shell gets to it ([15.3]). */
  | { kind: 'exit'; after: number; exitCode: number; trap?: ShellTrap }
  | { kind: 'ignore' };

/** When an inferred shell's TERM trap can run: set `armedAt` s after the start, then as `timeline` allows. */
export interface ShellTrap {
  armedAt: number;
  timeline: TrapTimeline;
  /** A trap that does not exit ends the process only when the signal interrupts the script's last `wait`, during this stretch. */
  onlyDuring?: Hold;
  /** Not a trap: the program the shell execs at `armedAt`, which handles the signal from then on ([15.3]). */
  exec?: string;
}

/** How one probe's handler behaves: each run takes `duration` seconds (null: it never answers). */
export interface ProbeBehavior {
  duration: number | null;
}

export interface HookBehavior {
  duration: number | null; // null: never returns
  exitCode: number;
}

/** How one container's process behaves (Simulation document, or inferred from command/args). */
export interface Behavior {
  pull: number;
  /**
   * imagePullPolicy Always with the image on the node: how long the pull that only asks the
   * registry takes ([15.6]); unset: the engine's 0.2 s (or `pull`, when shorter).
   */
  registryCheck?: number;
  /** The image's size in bytes as the runtime reports it after a pull ([10.6]); unset: unknown. */
  imageSize?: number;
  startDelay: number;
  readyAfter: number;
  /** Seconds from process start to its own exit; null = long-running. */
  exitAfter: number | null;
  exitCode: number;
  /** Exit codes of later runs, when they differ from the first (e.g. "first run exits 1"). */
  onStop: StopBehavior;
  postStart: HookBehavior;
  preStop: HookBehavior;
  /** How long each probe's handler takes to answer, from the Simulation document ([5.11]); null: it never answers. */
  probes?: Partial<Record<ProbeKind, ProbeBehavior>>;
  /**
   * [3.5] The runtime cannot start the process (a command the image does not have): every start
   * fails. true: the runtime's "executable file not found" message for the container's command;
   * a string: the runtime's own message.
   */
  startError?: string | true;
  /**
   * Per-attempt overrides: attempt index -> partial behaviour (e.g. the first run crashes);
   * `startError: false` makes that attempt start although the base behaviour's fail.
   */
  attempts?: Record<number, Partial<Pick<Behavior, 'exitAfter' | 'exitCode' | 'startDelay' | 'readyAfter'>> & { startError?: string | boolean }>;
  /** Human-readable account of where this behaviour came from, shown as an inline hint. */
  source: 'simulation' | 'inferred' | 'default';
  note: string;
}

export type SimAction =
  | 'crash' | 'exit' | 'oomKill'
  | 'failLiveness' | 'failReadiness' | 'failStartup' | 'failPull'
  | 'setImage' | 'deletePod' | 'recreateSandbox' | 'killSandbox' | 'restartKubelet'
  | 'evictPod' | 'shutdownNode';

export interface SimEvent {
  at: number;
  do: SimAction;
  container?: string;
  exitCode?: number;
  /** Duration of a fail* window, seconds. */
  for?: number;
  /** failLiveness/failReadiness/failStartup of an httpGet probe: the failing status its handler answers ([5.13]). */
  statusCode?: number;
  /** failPull: the runtime's error for each failed pull ([10.9]); default: containerd's first clause. */
  message?: string;
  image?: string;
  gracePeriodSeconds?: number;
  /** restartKubelet only: the exited containers' runtime records are gone when it comes back (E24, E26). */
  removeExitedContainers?: boolean;
  /** An Indexed Job only: the event acts on the pod of this completion index ([16.4]). */
  index?: number;
  /** evictPod only: the eviction threshold met, hard (the default) or soft ([8.15]). */
  threshold?: 'hard' | 'soft';
  pos: SourcePos;
}

export interface KubeletConfig {
  /** crashLoopBackOff.maxContainerRestartPeriod, seconds, with KubeletCrashLoopBackOffMax ([4.7]). */
  maxContainerRestartPeriod?: number;
  /** evictionMaxPodGracePeriod, seconds: a soft eviction's grace ([8.15]); default 0 (the pod's own). */
  evictionMaxPodGracePeriod?: number;
  /** shutdownGracePeriod, seconds: how long a graceful node shutdown lasts ([8.16]); default 30 for shutdownNode. */
  shutdownGracePeriod?: number;
  /** shutdownGracePeriodCriticalPods, seconds: the part of it kept for critical pods ([8.16]); default 10. */
  shutdownGracePeriodCriticalPods?: number;
  /**
   * shutdownGracePeriodByPodPriority ([8.16], gate GracefulNodeShutdownBasedOnPodPriority): one
   * shutdown group per entry, in the order written; set, it replaces the two groups above.
   */
  shutdownGracePeriodByPodPriority?: ShutdownGracePeriodByPodPriority[];
}

/** One entry of kubelet shutdownGracePeriodByPodPriority: pods from `priority` up to the next entry get this window. */
export interface ShutdownGracePeriodByPodPriority {
  priority: number;
  shutdownGracePeriodSeconds: number;
}

/** One finished run of a container, as a status's `terminated` shows it; times since the pod's creation. */
export interface ObservedRun {
  startedAt?: number;
  finishedAt: number;
  exitCode: number;
  reason?: string;
}

/** A container's observed status (`startFrom.containers`, issue 14): times since the pod's creation. */
export interface ObservedContainer {
  state: 'waiting' | 'running' | 'terminated';
  /** The waiting reason (CrashLoopBackOff, PodInitializing) or the terminated reason. */
  reason?: string;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  restartCount: number;
  started?: boolean;
  ready?: boolean;
  /** The CrashLoopBackOff delay the kubelet printed, seconds ([4.5]). */
  backoff?: number;
  lastState?: ObservedRun;
}

/** `startFrom:` of the Simulation document: the observed state the run continues from. */
export interface StartFrom {
  /** Where the simulation takes over, seconds since the pod's creation. */
  now: number;
  containers: Record<string, ObservedContainer>;
  /** Each pod condition's lastTransitionTime, seconds since creation: where the timeline draws it from. */
  conditions?: Partial<Record<string, number>>;
}

export interface SimulationSettings {
  kubernetesVersion: KubeVersion;
  featureGates: FeatureGates;
  /** Horizon in seconds; undefined = until terminal + 10s, capped at 30m. */
  until?: number;
  /** Where `until` is written in the Simulation document, for messages about the horizon. */
  untilSpan?: Span;
  kubelet: KubeletConfig;
  /**
   * Where each of the pod worker's jittered requeues lands in wait.Jitter's range, 0 to 1
   * ([4.6]): undefined or 0 the earliest moment, 0.5 the average, 1 the latest (1.5 times the wait).
   */
  requeueJitter?: number;
  behaviors: Record<string, Behavior>;
  events: SimEvent[];
  /** Continue from an observed state (issue 14) instead of an empty node. */
  startFrom?: StartFrom;
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  /** Pod condition types, e.g. DisruptionTarget. */
  onPodConditions?: string[];
}

/** One rule of spec.successPolicy.rules ([16.9]): at least one of the two fields is set. */
export interface SuccessPolicyRule {
  /** The indexes that must all have succeeded, as an interval list ("0,2-4"). */
  succeededIndexes?: string;
  /** How many succeeded indexes suffice (among succeededIndexes when both are set). */
  succeededCount?: number;
}

/** What the Job controller decides with (a Job or CronJob's job template). */
export interface JobSpecModel {
  backoffLimit: number;
  /** spec.completions; undefined (nil) when only parallelism is set: the first success completes ([16.2]). */
  completions?: number;
  /** spec.parallelism (default 1): at most this many pods active ([16.2]). */
  parallelism: number;
  /** spec.completionMode ([16.4]). */
  completionMode: 'NonIndexed' | 'Indexed';
  /** spec.backoffLimitPerIndex and spec.maxFailedIndexes (Indexed only, gate JobBackoffLimitPerIndex, [16.5]). */
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  /** spec.podReplacementPolicy as written (gate JobPodReplacementPolicy, [16.6]). */
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
  podFailurePolicy: PodFailurePolicyRule[];
  /** spec.activeDeadlineSeconds: seconds from the Job's start before it fails with DeadlineExceeded ([13.4]). */
  activeDeadlineSeconds?: number;
  /** spec.successPolicy.rules (Indexed only, gate JobSuccessPolicy, [16.9]); absent when dropped. */
  successPolicy?: SuccessPolicyRule[];
}

export interface Scenario {
  workloadKind: WorkloadKind;
  pod: PodSpecModel;
  /** Set for Job and CronJob: failed pods are replaced while the controller allows it. */
  job?: JobSpecModel;
  sim: SimulationSettings;
  /** Non-fatal findings (warnings: dropped fields; info: inferred behaviour). */
  problems: Problem[];
}

export type ParseResult =
  | { ok: true; scenario: Scenario; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Options that override the scenario's own Simulation document (CLI flags, the version picker). */
export interface ParseOptions {
  kubernetesVersion?: string;
  featureGates?: Partial<Record<string, boolean>>;
  until?: number;
  /** requeueJitter ([4.6]), 0 to 1 (the CLI's --requeue-jitter): wins over the Simulation document's. */
  requeueJitter?: number;
  /** Name shown in CLI problem lines. */
  fileName?: string;
}

export function allContainers(pod: PodSpecModel): ContainerSpec[] {
  return [...pod.initContainers, ...pod.containers];
}
