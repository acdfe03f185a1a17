// The four pod conditions the kubelet writes ([7.1]–[7.4]). Upstream:
// pkg/kubelet/status/generate.go (GeneratePodReadyToStartContainersCondition,
// GeneratePodInitializedCondition, GenerateContainersReadyCondition, GeneratePodReadyCondition).
// Messages keep upstream's wording, Go's `%s` of a string slice included: `[a b]`.

import type { PodCondition, SpecForStatus } from '../api';
import { isSidecarSpec } from '../api';
import type { PodConditionType, PodPhase } from '../trace';
import { indexStatuses, type PhaseStatuses, type StatusIndex } from './getPhase';
import { ContainerListMessage } from './containerListMessage';

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
  /**
   * A main container that has run keeps the pod initialized ([7.2]; default true): added to
   * GeneratePodInitializedCondition with the sidecar work for 1.28 (#116429); 1.27 has no such check.
   */
  mainRanInitializes?: boolean;
}

/** Each condition's names and message, kept from one status write to the next (containerListMessage.ts). */
const initializedNames = new ContainerListMessage('incomplete');
const containersReadyNames = new ContainerListMessage('unready');

const noStatuses = (st: PhaseStatuses) => st.initContainerStatuses.length === 0 && st.containerStatuses.length === 0;

export function readyToStartContainersCondition(sandboxReady: boolean): ExplainedCondition {
  return sandboxReady
    ? { type: 'PodReadyToStartContainers', status: 'True', why: 'A sandbox with networking exists and none needs creating [7.1].' }
    : {
        type: 'PodReadyToStartContainers',
        status: 'False',
        why: 'No ready sandbox: it is not created yet, it is dead and must be recreated, or the pod is finished and its sandbox stopped for good [7.1] [6.5].',
      };
}

export function initializedCondition(
  spec: SpecForStatus,
  st: PhaseStatuses,
  phase: PodPhase,
  keepInitialized = false,
  byName: StatusIndex = indexStatuses(st),
  mainRanInitializes = true,
): ExplainedCondition {
  const type = 'Initialized' as const;
  if (noStatuses(st) && spec.initContainers.length > 0) {
    return { type, status: 'False', reason: 'UnknownContainerStatuses', why: 'No container has a status yet [7.2].' };
  }
  const names = initializedNames;
  names.start();
  const { unknown, other: incomplete } = names;
  for (let i = 0; i < spec.initContainers.length; i++) { const c = spec.initContainers[i]!;
    const s = byName.get(c.name);
    if (!s) unknown.push(c.name);
    else if (isSidecarSpec(c) ? s.started !== true : !s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type, status: 'True', reason: 'PodCompleted', why: 'The pod Succeeded, so it counts as initialized [7.2].' };
  }
  const mainRan = mainRanInitializes && spec.containers.find((c) => {
    const s = byName.get(c.name);
    return s !== undefined && (s.state.running !== undefined || s.state.terminated !== undefined);
  });
  if (mainRan) {
    return {
      type, status: 'True',
      why: `Main container ${mainRan.name} has run, so the pod stays initialized even while init containers or sidecars restart [7.2].`,
    };
  }
  if (names.any()) {
    if (keepInitialized) {
      return { type, status: 'True', why: 'Initialized was True before and an in-place restart keeps it True [7.2] (KEP-5532).' };
    }
    return {
      type, status: 'False', reason: 'ContainersNotInitialized', message: names.message(),
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
  const names = containersReadyNames;
  names.start();
  const { unknown, other: unready } = names;
  // Sidecars, then main containers (no combined list and no closure: this runs at every status write).
  for (let i = 0; i < spec.initContainers.length; i++) { const c = spec.initContainers[i]!; if (isSidecarSpec(c)) countReady(byName, c.name, unknown, unready); }
  for (let i = 0; i < spec.containers.length; i++) { const c = spec.containers[i]!; countReady(byName, c.name, unknown, unready); }
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') {
    const reason = phase === 'Failed' ? 'PodFailed' : 'PodCompleted';
    return { type, status: 'False', reason, why: `The pod is ${phase}, so its containers no longer count as ready [7.3].` };
  }
  if (names.any()) {
    return {
      type, status: 'False', reason: 'ContainersNotReady', message: names.message(),
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

/** No readiness gate condition exists (one shared object: only read, and the default at every write). */
const NO_GATES: Readonly<Record<string, 'True' | 'False' | 'Unknown'>> = {};

export function readyCondition(
  spec: SpecForStatus,
  containersReady: ExplainedCondition,
  gates: Readonly<Record<string, 'True' | 'False' | 'Unknown'>> = NO_GATES,
): ExplainedCondition {
  const type = 'Ready' as const;
  if (containersReady.status !== 'True') {
    return {
      type, status: containersReady.status, reason: containersReady.reason, message: containersReady.message,
      why: 'Ready copies ContainersReady while that is not True [7.4].',
    };
  }
  // No gate (the usual pod): no message list to build at every write.
  const message = spec.readinessGates.length > 0 ? gatesMessage(spec.readinessGates, gates) : '';
  if (message) {
    return {
      type, status: 'False', reason: 'ReadinessGatesNotReady', message,
      why: 'The containers are ready but a readiness gate is not True [7.4].',
    };
  }
  return { type, status: 'True', why: 'ContainersReady is True and every readiness gate is True [7.4].' };
}

/** Upstream's message for the readiness gates that are not True; empty when every gate is True. */
function gatesMessage(readinessGates: readonly string[], gates: Readonly<Record<string, 'True' | 'False' | 'Unknown'>>): string {
  const messages: string[] = [];
  for (const gate of readinessGates) {
    const s = gates[gate];
    if (s === undefined) messages.push(`corresponding condition of pod readiness gate "${gate}" does not exist.`);
    else if (s !== 'True') messages.push(`the status of pod readiness gate "${gate}" is not "True", but ${s}`);
  }
  return messages.join(', ');
}

/** The kubelet's conditions, in the order PodReadyToStartContainers, Initialized, ContainersReady, Ready. */
export function podConditions(
  spec: SpecForStatus,
  status: PhaseStatuses,
  phase: PodPhase,
  opts: ConditionOptions,
  byName: StatusIndex = indexStatuses(status),
): ExplainedCondition[] {
  // One array literal, not pushes onto a growing one: this runs at most status writes.
  const initialized = initializedCondition(spec, status, phase, opts.keepInitialized, byName, opts.mainRanInitializes);
  const containersReady = containersReadyCondition(spec, status, phase, byName);
  const ready = readyCondition(spec, containersReady, opts.readinessGates);
  return opts.readyToStartContainers !== false
    ? [readyToStartContainersCondition(opts.sandboxReady), initialized, containersReady, ready]
    : [initialized, containersReady, ready];
}
