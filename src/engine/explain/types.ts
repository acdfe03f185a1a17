// The shapes of an explained pod (issue 14): what the app's explain mode and `sim explain` show.
// Times are seconds since the epoch, as in a real object.

import type { KubectlColumns } from '../kubectl/printPod';
import type { LoadedPod } from '../apiPod/loadPods';
import type { PodPhase } from '../trace';
import type { FeatureGates, KubeVersion } from '../version';

/** What a startup probe needs to say when it gives up ([1.4] defaults). */
export interface ProbeTiming {
  initialDelaySeconds: number;
  periodSeconds: number;
  failureThreshold: number;
}

/** What the explanation reads of a pod beyond what `sim status` reads. */
/** A preStop hook's kind of handler ([3.4], [8.3]). */
export type PreStopHandler = 'exec' | 'httpGet' | 'tcpSocket' | 'sleep';

export interface PodExtras {
  /** Startup probe timing per container name. */
  startupProbes: Record<string, ProbeTiming>;
  /** The handler of each container's preStop hook, by name (absent: no hook). */
  preStops?: Record<string, PreStopHandler>;
  /** spec.terminationGracePeriodSeconds (default 30, [1.1]). */
  terminationGracePeriodSeconds: number;
  /** metadata.deletionGracePeriodSeconds, when the pod is being deleted. */
  deletionGracePeriodSeconds?: number;
  /** The owner's kind (Job, ReplicaSet, …), when metadata.ownerReferences names a controller. */
  ownerKind?: string;
  /** status.message (an eviction's or an admission rejection's words), when the object has one. */
  statusMessage?: string;
}

export interface ExplainSettings {
  version: KubeVersion;
  gates: FeatureGates;
  /** The node's crashLoopBackOff.maxContainerRestartPeriod, seconds ([4.7]). */
  maxContainerRestartPeriod?: number;
}

/** Settings written in the text beside real pods (a Simulation document), each absent when not written. */
export interface WrittenSettings {
  version?: KubeVersion;
  gates?: Partial<Record<string, boolean>>;
  maxContainerRestartPeriod?: number;
  /** [4.6] carried into "Continue from here". */
  requeueJitter?: number;
}

/** A text read as real pods: the pods, their extras, and the settings from a Simulation document. */
export interface ExplainInput {
  pods: (LoadedPod & { extras: PodExtras })[];
  written: WrittenSettings;
}

export type ContainerKind = 'init' | 'sidecar' | 'main';

export interface ContainerExplanation {
  name: string;
  kind: ContainerKind;
  /** waiting, running, terminated, or none (no status yet). */
  state: 'waiting' | 'running' | 'terminated' | 'none';
  /** The state's reason, e.g. CrashLoopBackOff, Completed. */
  reason?: string;
  restartCount: number;
  /** The state in words, naming the rules. */
  words: string;
}

export interface ExplainedCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  /** The rule that decided it, in words. */
  why: string;
  /** What the object says, when it differs from what the kubelet would write. */
  observed?: string;
}

export type NextAction = 'start' | 'kill' | 'wait';

export interface NextStep {
  container: string;
  action: NextAction;
  /** Seconds since the epoch; null when it waits on something with no known time. */
  at: number | null;
  why: string;
}

export interface ExplainNote {
  severity: 'warning' | 'info';
  message: string;
}

export interface PodExplanation {
  name: string;
  namespace: string;
  /** The "now" used for ages, and whether it was the default (the newest timestamp). */
  now: number;
  nowIsDefault: boolean;
  kubectl: KubectlColumns & { age: string };
  phase: { value: PodPhase; why: string; observed?: string };
  conditions: ExplainedCondition[];
  containers: ContainerExplanation[];
  /** kubectl's surprises for this pod, spelled out. */
  quirks: string[];
  next: NextStep[];
  /** Problems in the object: a status that contradicts the spec, fields the version does not know. */
  notes: ExplainNote[];
}
