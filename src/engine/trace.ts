// The trace: the single event log every view projects (contract.md section 3).
// Times are seconds of simulated time since the pod was created, millisecond precision.

import type { PrintBasis } from './kubectl/printPod';

export const TRACE_SCHEMA = 'sidecar-lab.trace/v1' as const;

export type ContainerKind = 'init' | 'sidecar' | 'main';

export interface TraceContainer {
  name: string;
  kind: ContainerKind;
  /** Index within its spec list (initContainers for init and sidecar, containers for main). */
  index: number;
  /** For Jobs: the pod this container belongs to (each replacement pod is a new lane group). */
  pod?: string;
  /** The image the spec names (a `setImage` fault changes it later; a pull names the one it pulls). */
  image?: string;
}

/** For Jobs: each pod the Job controller created, in order. */
export interface TracePod {
  name: string;
  /** When the controller created it. */
  start: number;
  /** Its terminal phase, if it reached one within the horizon. */
  phase?: PodPhase;
  /** An Indexed Job's completion index (annotation batch.kubernetes.io/job-completion-index, [16.4]). */
  index?: number;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export type PodConditionType =
  | 'PodReadyToStartContainers'
  | 'Initialized'
  | 'ContainersReady'
  | 'Ready'
  /** KEP-5532 (1.35+): True while an in-place restart of every container tears them down ([7.5]). */
  | 'AllContainersRestarting'
  /** The kubelet killed the pod (an eviction, a node shutdown; reason TerminationByKubelet, [7.7]). */
  | 'DisruptionTarget';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export type HookKind = 'postStart' | 'preStop';

interface EventBase {
  t: number;
  /**
   * Unique within the trace and stable for the same scenario (a Job's pods prefix it with the pod's
   * name). The engine sets it on every event (contract section 3); optional here only so hand-made
   * events in tests need not invent one.
   */
  id?: string;
  /** The ids of the events that caused this one, each earlier in the trace (absent: nothing did, e.g. a fault). */
  cause?: string[];
  /** One sentence a learner can read, naming the rule ([section] of docs/kubelet-rules.md). */
  why: string;
  /** For Jobs: which pod the event belongs to. */
  pod?: string;
  /** Set on events before `Trace.observedUntil`: read from a real pod's status, not simulated (issue 14). */
  observed?: true;
}

export interface PodScheduledEvent extends EventBase { type: 'pod.scheduled' }
/** `reason` and `message` are the pod's status.reason/message when the kubelet sets them (DeadlineExceeded, [13.2]). */
export interface PodPhaseEvent extends EventBase { type: 'pod.phase'; phase: PodPhase; reason?: string; message?: string }
export interface PodConditionEvent extends EventBase {
  type: 'pod.condition';
  condition: PodConditionType;
  status: 'True' | 'False';
  reason?: string;
}
export interface PodKubectlEvent extends EventBase {
  type: 'pod.kubectl';
  ready: string;
  status: string;
  restarts: string;
  /**
   * When RESTARTS has a "(… ago)": the whole second it counts from (the newest last termination's
   * finishedAt as the API keeps it, [14.1]), so a reader can print the row at a later moment as
   * `kubectl get pod` would then, until the next row.
   */
  lastRestartAt?: number;
  /** The printer's branch that named this row ([14.1]–[14.4]), for explanations (issue 15). */
  basis?: PrintBasis;
}
export interface PodDeletedEvent extends EventBase { type: 'pod.deleted'; gracePeriodSeconds: number }
export interface PodGoneEvent extends EventBase { type: 'pod.gone' }
/**
 * A sync found the pod's sandbox dead and is about to kill what is left and make a new one
 * ([2.11]): kuberuntime's SyncPod records Normal SandboxChanged when computePodActions asks for a
 * sandbox and an old one exists. `attempt`: the new sandbox's (1 for the first replacement).
 */
export interface PodSandboxChangedEvent extends EventBase { type: 'pod.sandboxChanged'; attempt: number }
/**
 * The kubelet generated a status past the pod's spec.activeDeadlineSeconds ([13.2]): the deadline
 * handler's ShouldEvict (active_deadline.go) records Normal DeadlineExceeded "Pod was active on the
 * node longer than the specified deadline" each time, which `kubectl describe` counts.
 */
export interface PodDeadlineExceededEvent extends EventBase { type: 'pod.deadlineExceeded' }
/**
 * killPodNow waited max(1.5 x its override, 10 s) for a kill the kubelet asked for ([8.15], [8.16])
 * and the pod still had running containers: Warning ExceededGracePeriod "Container runtime did not
 * kill the pod within specified grace period."; the kill goes on.
 */
export interface PodExceededGracePeriodEvent extends EventBase { type: 'pod.exceededGracePeriod' }

interface ContainerEventBase extends EventBase { container: string }

export interface ContainerPullingEvent extends ContainerEventBase { type: 'container.pulling'; image: string }
/** `size`: the image's size in bytes, when the scenario gives it (`imageSize`, [10.6]). */
export interface ContainerPulledEvent extends ContainerEventBase { type: 'container.pulled'; image: string; size?: number }
export interface ContainerStartEvent extends ContainerEventBase { type: 'container.start'; attempt: number }
export interface ContainerUpEvent extends ContainerEventBase { type: 'container.up'; attempt: number }
export interface ContainerStartedEvent extends ContainerEventBase { type: 'container.started'; attempt: number }
export interface ContainerReadyEvent extends ContainerEventBase { type: 'container.ready'; attempt: number }
export interface ContainerUnreadyEvent extends ContainerEventBase { type: 'container.unready'; attempt: number }
/**
 * A container that counted as started no longer does ([5.15]): in 1.35-1.37 a replacement takes
 * Started from its name's previous status until its startup worker first looks at it.
 */
export interface ContainerUnstartedEvent extends ContainerEventBase { type: 'container.unstarted'; attempt: number }
export interface ContainerExitEvent extends ContainerEventBase {
  type: 'container.exit';
  attempt: number;
  exitCode: number;
  reason: string;
  /**
   * [3.5] A start that failed (reason StartError, exit code 128: the process never ran): the
   * runtime's error, which the kubelet's Warning Failed event and the container's status repeat.
   */
  message?: string;
}
export interface ContainerKillEvent extends ContainerEventBase {
  type: 'container.kill';
  reason: string;
  gracePeriodSeconds: number;
  /**
   * The Killing event's message where the kubelet's caller gave one (computePodActions'
   * `Container X failed liveness probe, will be restarted`, computeInitContainerActions' `Init
   * container X definition changed`); absent, killContainer records `Stopping container X`.
   */
  message?: string;
}
export interface ContainerSignalEvent extends ContainerEventBase { type: 'container.signal'; signal: string }
export interface ContainerBackoffEvent extends ContainerEventBase { type: 'container.backoff'; delay: number }
/**
 * A later sync finds the container still in the back-off that `container.backoff` began ([4.9]):
 * doBackOff records the BackOff event at every sync it refuses a start, so `kubectl describe`
 * counts these too. `delay` is the same wait's.
 */
export interface ContainerBackoffAgainEvent extends ContainerEventBase { type: 'container.backoffAgain'; delay: number }
/**
 * A sync found the image's pull in its back-off and did not pull ([10.9]): EnsureImageExists
 * records Normal BackOff `Back-off pulling image "X"` and startContainer Warning Failed `Error:
 * ImagePullBackOff`, at every sync that meets the back-off, so `kubectl describe` counts these.
 */
export interface ContainerPullBackoffEvent extends ContainerEventBase { type: 'container.pullBackoff'; image: string }
/**
 * A start refused because the kubelet cannot parse the image reference ([10.11], InvalidImageName):
 * no pull, no back-off; `message` is the kubelet's (Warning InspectFailed, and the Waiting message).
 */
export interface ContainerImageInvalidEvent extends ContainerEventBase { type: 'container.imageInvalid'; image: string; message: string }
export interface ContainerWaitingEvent extends ContainerEventBase { type: 'container.waiting'; reason: string }
export interface HookStartEvent extends ContainerEventBase { type: 'hook.start'; hook: HookKind }
export interface HookEndEvent extends ContainerEventBase {
  type: 'hook.end';
  hook: HookKind;
  exitCode?: number;
  /** The handler failed with no exit code: an exec or HTTP hook with no running container to act in ([8.11]). */
  failed?: true;
}
export interface ProbeResultEvent extends ContainerEventBase {
  type: 'probe.result';
  probe: ProbeKind;
  result: 'success' | 'failure';
}
/**
 * One probe run that failed ([5.13]): the kubelet records a Warning Unhealthy event for each, before
 * the worker counts it toward failureThreshold (prober.go probe). `attempt` is the container run it
 * probed; `run` how many failures in a row the worker has counted with it ([5.4], [5.10]).
 */
export interface ProbeFailedEvent extends ContainerEventBase {
  type: 'probe.failed';
  probe: ProbeKind;
  attempt: number;
  run: number;
  /**
   * What the run printed, as the Unhealthy event carries it after "probe failed: ", where the
   * engine can word it (sim/probeOutput.ts): a connection refused before the app is up, a timeout.
   */
  output?: string;
}
/**
 * containerd's ExecSync on a container that is no longer CONTAINER_RUNNING, as the kubelet's runtime
 * client returns it (the gRPC status's text; code Unknown: a plain error; read: containerd's
 * execInContainer, sim/probeContext.ts). Published in `kubectl describe` ("Readiness probe errored:
 * rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED
 * state", a crash-looping ClickHouse keeper, search-index file 52732581247) and in an e2e kubelet
 * log ("Probe errored" err="rpc error: code = Unknown desc = …", file 29768880237).
 */
export const EXEC_ON_EXITED_CONTAINER_ERROR = 'rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state';

/** The runtime's error of an exec run on the pod sync's cancelled context ([5.14]). */
export const CONTEXT_CANCELED_ERROR = 'rpc error: code = Canceled desc = context canceled';

/**
 * Why a probe run errored, in a few words: the cancelled context ([5.14]), an exited container
 * ([5.11]), or else the one other error the engine records, an exec run past timeoutSeconds with
 * ExecProbeTimeout off ([5.11], sim/execProbeTimeout.ts): the first two by their constant errors.
 */
export function probeErroredReason(e: Pick<ProbeErroredEvent, 'error'>): string {
  if (e.error === undefined || e.error === CONTEXT_CANCELED_ERROR) return 'context canceled';
  return e.error === EXEC_ON_EXITED_CONTAINER_ERROR ? 'container exited' : 'timed out, ExecProbeTimeout off';
}

/**
 * A probe run that errored instead of answering: in 1.35 and 1.36 the probe workers run on the pod
 * sync's context, which the pod worker cancels when the pod is deleted, so every later exec probe
 * of the pod fails with "context canceled" ([5.14]); and an exec run on a container that has exited
 * while its status still says running fails in the runtime ([5.11]). The kubelet records a Warning
 * Unhealthy event and throws the result away: the worker's result (Ready, live, started) stays as it was.
 */
export interface ProbeErroredEvent extends ContainerEventBase {
  type: 'probe.errored';
  probe: ProbeKind;
  attempt: number;
  /** The runtime's error, as the Unhealthy event prints it after "probe errored…: " ([5.13]); absent in older traces: the cancelled context of [5.14]. */
  error?: string;
}
export interface FaultEvent extends EventBase {
  type: 'fault';
  do: string;
  container?: string;
  exitCode?: number;
  for?: number;
  image?: string;
  /** A failed pull's error, as the runtime gave it ([10.9]): the scenario's failPull `message`, else containerd's first clause (start.ts). */
  message?: string;
  /**
   * The start error a failPull caused when it is not ErrImagePull: `ErrImageNeverPull` for an image
   * absent under imagePullPolicy Never ([10.2]; `message` is then the kubelet's, scenario/eventEffects.ts neverPullMessage).
   */
  reason?: 'ErrImageNeverPull';
}
/**
 * Something the node did, not the user (contract section 3, second round): the kubelet restarting
 * and coming back, a reboot, exited containers' records removed while it was down. `do` names the
 * action as the scenario's events do (restartKubelet, recreateSandbox, killSandbox) or the step that followed.
 */
export interface NodeEvent extends EventBase {
  type: 'node.kubeletRestart' | 'node.kubeletStarted' | 'node.containersRemoved' | 'node.reboot' | 'node.sandboxDied'
    | 'node.eviction' | 'node.shutdown' | 'node.poweredOff';
  do: string;
  /** node.eviction only: the message of the Warning Evicted event the kubelet recorded on the pod ([8.15]); absent when it evicted nothing. */
  message?: string;
}
export interface HorizonEvent extends EventBase { type: 'sim.horizon' }
/** The run stopped before its horizon because it reached a budget (see `Trace.truncated`). */
export interface TruncatedEvent extends EventBase { type: 'sim.truncated'; reason: TruncationReason; limit: number }
/** `index`: the completion index of an Indexed Job's pod ([16.4]). */
export interface JobPodCreatedEvent extends EventBase { type: 'job.podCreated'; pod: string; index?: number }
export interface JobCompleteEvent extends EventBase {
  type: 'job.complete';
  /**
   * The Complete condition's reason ([16.2], [16.9]): SuccessPolicy when a successPolicy rule
   * matched (1.30+ with its gate), CompletionsReached when the completions were reached (1.33+;
   * before, upstream's Complete condition has no reason and the event carries none).
   */
  reason?: 'CompletionsReached' | 'SuccessPolicy';
}
export interface JobFailedEvent extends EventBase { type: 'job.failed'; reason: string }

export type TraceEvent =
  | PodScheduledEvent
  | PodPhaseEvent
  | PodConditionEvent
  | PodKubectlEvent
  | PodDeletedEvent
  | PodGoneEvent
  | PodSandboxChangedEvent
  | PodDeadlineExceededEvent
  | PodExceededGracePeriodEvent
  | ContainerPullingEvent
  | ContainerPulledEvent
  | ContainerStartEvent
  | ContainerUpEvent
  | ContainerStartedEvent
  | ContainerReadyEvent
  | ContainerUnreadyEvent
  | ContainerUnstartedEvent
  | ContainerExitEvent
  | ContainerKillEvent
  | ContainerSignalEvent
  | ContainerBackoffEvent
  | ContainerBackoffAgainEvent
  | ContainerPullBackoffEvent
  | ContainerImageInvalidEvent
  | ContainerWaitingEvent
  | HookStartEvent
  | HookEndEvent
  | ProbeResultEvent
  | ProbeFailedEvent
  | ProbeErroredEvent
  | FaultEvent
  | NodeEvent
  | HorizonEvent
  | TruncatedEvent
  | JobPodCreatedEvent
  | JobCompleteEvent
  | JobFailedEvent;

export type TraceEventType = TraceEvent['type'];

export interface Trace {
  schema: typeof TRACE_SCHEMA;
  kubernetesVersion: string;
  end: number;
  containers: TraceContainer[];
  /** Present for Jobs and CronJobs: the pods the Job controller created. */
  pods?: TracePod[];
  /** The workload's metadata.namespace, when it is not `default` (the kubelet's event messages name it). */
  namespace?: string;
  events: TraceEvent[];
  /** Present when the run stopped early, at `end`, because it reached a budget. */
  truncated?: Truncation;
  /** Present when the run continued from an observed state (`startFrom`): the "now" where the simulation took over. */
  observedUntil?: number;
  /**
   * Each container's state as the status manager wrote it to the API, at every write that changed
   * its state, reason, exit code or restart count (ready and started are the container.* events).
   * The runtime's own events (container.start/exit/kill) come earlier; this is what the API says.
   */
  statusWrites?: ContainerStatusWrite[];
}

/** One container's written status ([10.1]): what `kubectl get pod -o yaml` shows from time `t`. */
export interface ContainerStatusWrite {
  t: number;
  container: string;
  /** For Jobs: the pod it belongs to. */
  pod?: string;
  state: 'waiting' | 'running' | 'terminated';
  /** The waiting or terminated reason. */
  reason?: string;
  exitCode?: number;
  restartCount: number;
}

/** `events`: the trace reached MAX_TRACE_EVENTS; `steps`: the kernel reached MAX_KERNEL_STEPS. */
export type TruncationReason = 'events' | 'steps';

export interface Truncation {
  reason: TruncationReason;
  /** The budget that was reached. */
  limit: number;
  /** Where the run would have ended without the budget. */
  horizon: number;
}

/** Rounds a time to millisecond precision, the trace's resolution. */
export function roundTime(t: number): number {
  return Math.round(t * 1000) / 1000;
}
