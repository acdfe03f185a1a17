// [10.4] A main container whose newest run the runtime no longer lists (its record deleted while the
// kubelet was down, E24/E26): convertToAPIContainerStatuses (kubelet_pods.go, 1.27-1.37; #95561,
// merged for 1.20) starts from the default Waiting (ContainerCreating, or PodInitializing in a pod
// with init containers) and takes what it can from the written status: a written Terminated state
// whole; else its restartCount and lastState. Its "no container is found" loop then infers a stop
// the kubelet never saw: a container last written Running, with no last termination, gets lastState
// Terminated ContainerStatusUnknown, exit 137, no times, and (the pod not deleted) one restart more.
// A new kubelet's reason cache is empty ([10.3]): only a start error of its own replaces the reason.

import type { ContainerState, ContainerStatus } from '../api';
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
