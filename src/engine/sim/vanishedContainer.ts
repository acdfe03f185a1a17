// A container whose newest run the runtime no longer lists (its record deleted while the kubelet
// was down, E24/E26). [10.4] A main container: convertToAPIContainerStatuses (kubelet_pods.go, 1.27-1.37; #95561,
// merged for 1.20) starts from the default Waiting (ContainerCreating, or PodInitializing in a pod
// with init containers) and takes what it can from the written status: a written Terminated state
// whole; else its restartCount and lastState. Its "no container is found" loop then infers a stop
// the kubelet never saw: a container last written Running, with no last termination, gets lastState
// Terminated ContainerStatusUnknown, exit 137, no times, and (the pod not deleted) one restart more.
// A new kubelet's reason cache is empty ([10.3]): only a start error of its own replaces the reason.

import type { ContainerState, ContainerStatus } from '../api';
import type { ContainerKind } from '../trace';
import { noState, terminatedState, waitingState } from './containerStates';

export const VANISHED_MESSAGE = 'The container could not be located when the pod was deleted.  The container used to be Running';

/** The state, last state and restart count of a main container gone from the runtime, from what was written (`old`). */
export function vanishedMainContainer(
  old: ContainerStatus | undefined, defaultReason: 'ContainerCreating' | 'PodInitializing', deleted: boolean, error: { reason: string; message?: string } | undefined,
): { state: ContainerState; lastState: ContainerState; restartCount: number; written?: ContainerStatus } {
  if (old?.state.terminated) {
    if (error) return { state: waitingState({ reason: error.reason, message: error.message }), lastState: terminatedState(old.state.terminated), restartCount: old.restartCount };
    return { state: old.state, lastState: old.lastState, restartCount: old.restartCount, written: old };
  }
  const state = error ? waitingState({ reason: error.reason, message: error.message }) : waitingState({ reason: defaultReason });
  if (old?.state.running && !old.lastState.terminated) {
    const unknown = terminatedState({ exitCode: 137, reason: 'ContainerStatusUnknown', message: VANISHED_MESSAGE });
    return { state, lastState: unknown, restartCount: old.restartCount + (deleted ? 0 : 1) };
  }
  return { state, lastState: old?.lastState ?? noState(), restartCount: old?.restartCount ?? 0 };
}

interface Vanished { state: ContainerState; lastState: ContainerState; restartCount: number; ready: boolean; started: boolean }

/**
 * Any kind of container gone from the runtime. convertToAPIContainerStatuses' first loop keeps a
 * written Terminated status whole (kubelet_pods.go, 1.27-1.37); a new kubelet's reason cache is
 * empty ([10.3]), so only a start error of its own turns it Waiting. Without one: a main container
 * as above; [10.3] S-5 a regular init container missing after init is reported Completed; S-6 a
 * missing sidecar shows Waiting PodInitializing until it runs again. `lastRun`: the run's own
 * terminated state, `attempt` its restart count.
 */
export function vanishedContainer(
  kind: ContainerKind, old: ContainerStatus | undefined, defaultReason: 'ContainerCreating' | 'PodInitializing', deleted: boolean,
  error: { reason: string; message?: string } | undefined, attempt: number, lastRun: ContainerState,
): Vanished {
  if (kind === 'main') {
    const v = vanishedMainContainer(old, defaultReason, deleted, error);
    return { state: v.state, lastState: v.lastState, restartCount: v.restartCount, ready: v.written?.ready ?? false, started: v.written?.started ?? false };
  }
  if (old?.state.terminated && error) return { state: waitingState({ reason: error.reason, message: error.message }), lastState: terminatedState(old.state.terminated), restartCount: old.restartCount, ready: false, started: false };
  if (old?.state.terminated) return { state: terminatedState(old.state.terminated), lastState: old.lastState, restartCount: old.restartCount, ready: old.ready, started: old.started ?? false };
  if (kind === 'init') return { state: terminatedState({ exitCode: 0, reason: 'Completed' }), lastState: noState(), restartCount: attempt, ready: true, started: false };
  return { state: waitingState({ reason: 'PodInitializing' }), lastState: lastRun, restartCount: attempt, ready: false, started: false };
}
