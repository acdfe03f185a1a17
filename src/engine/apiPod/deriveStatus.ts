// What the kubelet and kubectl derive from a Pod object (`sim status`, contract.md section 2):
// the phase and the kubelet's conditions recomputed from the container statuses, the conditions
// the kubelet keeps from the object, and the kubectl columns printed from the object as given,
// by the chosen version's printer ([14.1]). Upstream: kubelet_pods.go generateAPIPodStatus (getPhase,
// the terminal-phase merge, the condition generators), printers.go printPod; 1.27-1.36 as in
// those modules' headers.

import type { PodCondition } from '../api';
import { podConditions } from '../kubelet/conditions';
import { explainPhase, keepTerminalPhase, phaseVersionRules } from '../kubelet/getPhase';
import { printPod, type KubectlColumns } from '../kubectl/printPod';
import type { PodPhase } from '../trace';
import { minor, type FeatureGates, type KubeVersion } from '../version';
import { defaultPodHasInitialized, defaultPodIsTerminal, sandboxReadyFromObject } from './hiddenInputs';
import { anyContainerRunning, pastDeadline } from './podDeadline';
import type { PodObject } from './readPod';

export interface DerivedCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  why: string;
}

export interface DerivedStatus {
  phase: PodPhase;
  phaseWhy: string;
  conditions: DerivedCondition[];
  kubectl: KubectlColumns;
  /** The hidden inputs used, after defaults. */
  inputs: { podIsTerminal: boolean; podHasInitialized: boolean; sandboxReady: boolean; now: number };
}

export interface DeriveOptions {
  version: KubeVersion;
  gates: FeatureGates;
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
  /** Seconds since the epoch; default: the newest timestamp in the object. */
  now?: number;
}

/**
 * Condition types recomputed here. The kubelet also owns PodResizeInProgress/PodResizePending
 * and AllContainersRestarting, but rebuilds them from private state, so the object's copy is kept.
 */
function recomputed(type: string, gates: FeatureGates): boolean {
  const owned = ['PodScheduled', 'Ready', 'Initialized', 'ContainersReady'];
  return owned.includes(type) || (type === 'PodReadyToStartContainers' && gates.PodReadyToStartContainersCondition);
}

function kept(c: PodCondition, why: string): DerivedCondition {
  const out: DerivedCondition = { type: c.type, status: c.status, why };
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

export function deriveStatus(obj: PodObject, opts: DeriveOptions): DerivedStatus {
  const { pod } = obj;
  const { gates } = opts;
  const podIsTerminal = opts.podIsTerminal ?? defaultPodIsTerminal(pod);
  const podHasInitialized = opts.podHasInitialized ?? defaultPodHasInitialized(pod);
  const sandboxReady = sandboxReadyFromObject(pod);
  const now = opts.now ?? obj.newestTimestamp ?? 0;

  const computed = explainPhase(pod.spec, pod.status, {
    podIsTerminal,
    podHasInitialized,
    containerRestartRules: gates.ContainerRestartRules,
    restartAllContainers: gates.RestartAllContainersOnContainerExits,
    sidecarStartedVisible: minor(opts.version) >= 35,
    pendingInitOnlyBeforeInitialized: phaseVersionRules(minor(opts.version)).pendingInitOnlyBeforeInitialized,
    initializedFromStatuses: phaseVersionRules(minor(opts.version)).initializedFromStatuses,
  });
  const sticky = withKubeletKillReason(keepTerminalPhase(computed, pod.status.phase), pod.status.reason);
  // [13.2] past spec.activeDeadlineSeconds the kubelet's own phase is Failed (its conditions follow
  // it); the API keeps the phase it had while containers still run (mergePodStatus).
  const deadline = sticky.phase === 'Succeeded' || sticky.phase === 'Failed' ? undefined : pastDeadline(obj, now);
  const kubeletPhase = deadline
    ? { phase: 'Failed' as const, why: `Failed (reason DeadlineExceeded) [13.2]: the pod has been active ${deadline.active}s, at least its activeDeadlineSeconds (${deadline.deadline}), so the kubelet fails it and stops its containers with the spec's ${deadline.grace}s grace [13.3].` }
    : sticky;
  const phase = deadline && anyContainerRunning(obj)
    ? { phase: sticky.phase, why: `${sticky.phase} in the API, although the kubelet's own status is Failed (reason DeadlineExceeded) [13.2]: the pod has been active ${deadline.active}s, at least its activeDeadlineSeconds (${deadline.deadline}); the status manager keeps a terminal phase from the API while containers still run (mergePodStatus), and the kubelet is stopping them with the spec's ${deadline.grace}s grace [13.3].` }
    : kubeletPhase;

  const objConditions = pod.status.conditions;
  const gateStatus: Record<string, 'True' | 'False' | 'Unknown'> = {};
  for (const gate of pod.spec.readinessGates) {
    const c = objConditions.find((x) => x.type === gate);
    if (c) gateStatus[gate] = c.status;
  }
  const wasInitialized = objConditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  const conditions: DerivedCondition[] = podConditions(pod.spec, pod.status, kubeletPhase.phase, {
    sandboxReady,
    readyToStartContainers: gates.PodReadyToStartContainersCondition,
    keepInitialized: gates.RestartAllContainersOnContainerExits && wasInitialized,
    readinessGates: gateStatus,
    mainRanInitializes: minor(opts.version) >= 28,
  }).map(({ type, status, reason, message, why }) => ({ type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}), why }));

  const scheduled = objConditions.find((c) => c.type === 'PodScheduled');
  conditions.push(scheduled
    ? kept(scheduled, 'PodScheduled is carried over from the object (the scheduler set it; the kubelet writes True).')
    : { type: 'PodScheduled', status: 'True', why: 'The kubelet runs the pod, so it is scheduled.' });
  for (const c of objConditions) {
    if (recomputed(c.type, gates)) continue;
    const role = c.type === 'DisruptionTarget' ? disruptionRole(c.reason)
      : pod.spec.readinessGates.includes(c.type) ? `${c.type} is a readiness gate's condition, set by its controller`
        : `${c.type} is not recomputed from the container statuses`;
    conditions.push(kept(c, `${role}, so the kubelet keeps it as it is.`));
  }

  return {
    phase: phase.phase,
    phaseWhy: phase.why,
    conditions,
    kubectl: printPod(pod, now, { minor: minor(opts.version) }),
    inputs: { podIsTerminal, podHasInitialized, sandboxReady, now },
  };
}

/** What a DisruptionTarget condition says of who stopped the pod ([7.6], [7.7]). */
function disruptionRole(reason: string | undefined): string {
  if (reason === 'TerminationByKubelet') {
    return 'DisruptionTarget (TerminationByKubelet) says the kubelet killed the pod itself, for an eviction under node pressure or a graceful node shutdown ([7.7], [8.15], [8.16]; a Succeeded phase then has no reason: every main container exited 0 on its stop signal). It is copied from the previous status';
  }
  return 'DisruptionTarget is copied from the previous status';
}

/** What a terminal phase's reason says of who ended the pod: the kubelet's own kill ([8.15], [8.16]). */
const KILL_REASONS: Record<string, string> = {
  Evicted: 'its reason Evicted says the kubelet\'s eviction manager evicted it (node pressure, or a local-storage limit), killing its containers with its own grace override [8.15]',
  Terminated: 'its reason Terminated says the kubelet stopped it for a graceful node shutdown [8.16]',
};

function withKubeletKillReason<T extends { phase: string; why: string; rule?: string }>(explained: T, reason: string | undefined): T {
  const said = reason === undefined ? undefined : KILL_REASONS[reason];
  if (explained.rule !== '6.5' || explained.phase !== 'Failed' || said === undefined) return explained;
  return { ...explained, why: `${explained.why.replace(/\.$/, '')}; ${said}.` };
}
