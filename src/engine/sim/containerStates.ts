// The container states the status manager writes (status.ts), built in one shape, and the states
// an in-place restart leaves behind ([11.2], kubernetes#136964).

import type { ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting } from '../api';
import type { Instance } from './model';
import type { PodSim } from './podSim';
import { hiddenByRestartAll } from './restartAll';

/**
 * A state with its three keys always present (undefined where it is not in that state): every
 * state the simulator writes then has one shape, so the many reads of running / waiting /
 * terminated in the deciders and the printer stay fast. Readers only test the values. Each
 * state is built in this shape at once (issue 16: not a literal copied into it, one object less).
 */
function oneShape(waiting: ContainerStateWaiting | undefined, running: ContainerStateRunning | undefined, terminated: ContainerStateTerminated | undefined): ContainerState {
  return { waiting, running, terminated };
}

export const waitingState = (waiting: ContainerStateWaiting): ContainerState => oneShape(waiting, undefined, undefined);
export const runningState = (running: ContainerStateRunning): ContainerState => oneShape(undefined, running, undefined);
export const terminatedState = (terminated: ContainerStateTerminated): ContainerState => oneShape(undefined, undefined, terminated);
export const noState = (): ContainerState => oneShape(undefined, undefined, undefined);

export function terminated(inst: Instance | undefined): ContainerState {
  if (!inst || inst.state !== 'exited') return noState();
  return terminatedState({ exitCode: inst.exitCode ?? 0, reason: inst.reason, startedAt: inst.startedAt, finishedAt: inst.finishedAt });
}

/** [11.2] The kubelet's words for a container an in-place restart removed (1.36+, kubernetes#136964). */
export const RESTARTING_ALL_MESSAGE = 'The container is removed because RestartAllContainers in place';

/**
 * [11.2] 1.36+ (kubernetes#136964): the last state convertToAPIContainerStatuses gives a container
 * removed by an in-place restart, whatever its run ended with: exit 137, no times, no container ID.
 */
export const restartedInPlace = (): ContainerState => terminatedState({ exitCode: 137, reason: 'RestartingAllContainers', message: RESTARTING_ALL_MESSAGE });

/**
 * [11.2] The last state of a container whose previous run an in-place restart removed: 1.36+ the
 * synthetic one above; 1.35 none (the runtime has no older container of that name, and the API's
 * was not kept: #136964's description, "not preserved").
 */
export function lastAfterRestartAll(sim: PodSim, name: string, prev: Instance | undefined): ContainerState | undefined {
  if (!prev || !hiddenByRestartAll(sim, name, prev.attempt)) return undefined;
  return sim.minor >= 36 ? restartedInPlace() : noState();
}
