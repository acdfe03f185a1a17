// The four pod conditions the kubelet writes ([7.1]–[7.4]). Upstream:
// pkg/kubelet/status/generate.go (GeneratePodReadyToStartContainersCondition,
// GeneratePodInitializedCondition, GenerateContainersReadyCondition, GeneratePodReadyCondition).
// Messages keep upstream's wording, Go's `%s` of a string slice included: `[a b]`.

import type { PodCondition, SpecForStatus } from '../api';
import { isSidecarSpec } from '../api';
import type { PodConditionType, PodPhase } from '../trace';
import { indexStatuses, type PhaseStatuses, type StatusIndex } from './getPhase';

export interface ExplainedCondition extends PodCondition {
  type: PodConditionType;
  status: 'True' | 'False';
  /** One sentence naming the rule. */
  why: string;
}

export interface ConditionOptions {
  /** A networked sandbox exists and none needs creating ([7.1]). */
  sandboxReady: boolean;
  /** PodReadyToStartContainersCondition is on (default true); off, the condition is not written. */
  readyToStartContainers?: boolean;
  /**
   * The previous status had Initialized True and RestartAllContainersOnContainerExits is on
   * ([7.2], KEP-5532): Initialized then stays True through an in-place restart.
   */
  keepInitialized?: boolean;
  /** The status of each readiness gate's own condition (absent: the condition does not exist). */
  readinessGates?: Record<string, 'True' | 'False' | 'Unknown'>;
}

const goList = (names: string[]): string => `[${names.join(' ')}]`;

const noStatuses = (st: PhaseStatuses) => st.initContainerStatuses.length === 0 && st.containerStatuses.length === 0;

export function readyToStartContainersCondition(sandboxReady: boolean): ExplainedCondition {
  return sandboxReady
    ? { type: 'PodReadyToStartContainers', status: 'True', why: 'A sandbox with networking exists and none needs creating [7.1].' }
    : {
        type: 'PodReadyToStartContainers',
        status: 'False',
        why: 'No ready sandbox: it is not created yet, or it is stopped or dead and must be (re)created [7.1].',
      };
}

export function initializedCondition(
  spec: SpecForStatus,
  st: PhaseStatuses,
  phase: PodPhase,
  keepInitialized = false,
  byName: StatusIndex = indexStatuses(st),
): ExplainedCondition {
  const type = 'Initialized' as const;
  if (noStatuses(st) && spec.initContainers.length > 0) {
    return { type, status: 'False', reason: 'UnknownContainerStatuses', why: 'No container has a status yet [7.2].' };
  }
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers) {
    const s = byName.get(c.name);
    if (!s) unknown.push(c.name);
    else if (isSidecarSpec(c) ? s.started !== true : !s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type, status: 'True', reason: 'PodCompleted', why: 'The pod Succeeded, so it counts as initialized [7.2].' };
  }
  const mainRan = spec.containers.find((c) => {
    const s = byName.get(c.name);
    return s !== undefined && (s.state.running !== undefined || s.state.terminated !== undefined);
  });
  if (mainRan) {
    return {
      type, status: 'True',
      why: `Main container ${mainRan.name} has run, so the pod stays initialized even while init containers or sidecars restart [7.2].`,
    };
  }
  const messages: string[] = [];
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length) {
    if (keepInitialized) {
      return { type, status: 'True', why: 'Initialized was True before and an in-place restart keeps it True [7.2] (KEP-5532).' };
    }
    return {
      type, status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', '),
      why: 'A regular init container has not exited 0, or a sidecar is not started [7.2].',
    };
  }
  return { type, status: 'True', why: 'Every regular init container exited 0 and every sidecar is started [7.2].' };
}

export function containersReadyCondition(
  spec: SpecForStatus,
  st: PhaseStatuses,
  phase: PodPhase,
  byName: StatusIndex = indexStatuses(st),
): ExplainedCondition {
  const type = 'ContainersReady' as const;
  if (noStatuses(st)) {
    return { type, status: 'False', reason: 'UnknownContainerStatuses', why: 'No container has a status yet [7.3].' };
  }
  const unknown: string[] = [];
  const unready: string[] = [];
  // Sidecars, then main containers (no combined list and no closure: this runs at every status write).
  for (const c of spec.initContainers) if (isSidecarSpec(c)) countReady(byName, c.name, unknown, unready);
  for (const c of spec.containers) countReady(byName, c.name, unknown, unready);
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') {
    const reason = phase === 'Failed' ? 'PodFailed' : 'PodCompleted';
    return { type, status: 'False', reason, why: `The pod is ${phase}, so its containers no longer count as ready [7.3].` };
  }
  const messages: string[] = [];
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length) {
    return {
      type, status: 'False', reason: 'ContainersNotReady', message: messages.join(', '),
      why: 'Every sidecar and every main container must be ready; some are not [7.3].',
    };
  }
  return { type, status: 'True', why: 'Every sidecar and every main container is ready [7.3].' };
}

/** A container with no status is unknown; one whose status is not ready is unready ([7.3]). */
function countReady(byName: StatusIndex, name: string, unknown: string[], unready: string[]): void {
  const s = byName.get(name);
  if (!s) unknown.push(name);
  else if (!s.ready) unready.push(name);
}

export function readyCondition(
  spec: SpecForStatus,
  containersReady: ExplainedCondition,
  gates: Record<string, 'True' | 'False' | 'Unknown'> = {},
): ExplainedCondition {
  const type = 'Ready' as const;
  if (containersReady.status !== 'True') {
    return {
      type, status: containersReady.status, reason: containersReady.reason, message: containersReady.message,
      why: 'Ready copies ContainersReady while that is not True [7.4].',
    };
  }
  const messages: string[] = [];
  for (const gate of spec.readinessGates) {
    const s = gates[gate];
    if (s === undefined) messages.push(`corresponding condition of pod readiness gate "${gate}" does not exist.`);
    else if (s !== 'True') messages.push(`the status of pod readiness gate "${gate}" is not "True", but ${s}`);
  }
  if (messages.length) {
    return {
      type, status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', '),
      why: 'The containers are ready but a readiness gate is not True [7.4].',
    };
  }
  return { type, status: 'True', why: 'ContainersReady is True and every readiness gate is True [7.4].' };
}

/** The kubelet's conditions, in the order PodReadyToStartContainers, Initialized, ContainersReady, Ready. */
export function podConditions(
  spec: SpecForStatus,
  status: PhaseStatuses,
  phase: PodPhase,
  opts: ConditionOptions,
  byName: StatusIndex = indexStatuses(status),
): ExplainedCondition[] {
  const out: ExplainedCondition[] = [];
  if (opts.readyToStartContainers !== false) out.push(readyToStartContainersCondition(opts.sandboxReady));
  out.push(initializedCondition(spec, status, phase, opts.keepInitialized, byName));
  const containersReady = containersReadyCondition(spec, status, phase, byName);
  out.push(containersReady, readyCondition(spec, containersReady, opts.readinessGates));
  return out;
}
