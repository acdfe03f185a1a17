// The container states the status manager writes (status.ts), built in one shape, and the states
// an in-place restart leaves behind ([11.2], kubernetes#136964).

import type { ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting } from '../api';
import { collected } from './containerDeletor';
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
  if (inst.message !== undefined) return terminatedState({ exitCode: inst.exitCode ?? 0, reason: inst.reason, message: inst.message, startedAt: inst.startedAt, finishedAt: inst.finishedAt });
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
  if (!prev || !hiddenByRestartAll(sim, name, prev.run)) return undefined;
  return sim.minor >= 36 ? restartedInPlace() : noState();
}

/**
 * Whether the runtime listing a status generation reads still has this older run: the container
 * deletor has not collected it ([10.8]) and no kubelet restart removed its record ([10.3]).
 */
export function listedRun(sim: PodSim, run: Instance | undefined): run is Instance {
  return run !== undefined && !collected(sim, run) && !(sim.removedFromRuntime.size > 0 && sim.removedFromRuntime.has(run));
}

/**
 * [10.8] A container's last state: the runtime's second-newest run while the runtime lists it.
 * Once it does not, none, unless RestartAllContainersOnContainerExits is on (beta and on by
 * default from 1.36): then convertContainerStatus carries it over from the written status
 * (kubernetes#136964; kubelet_pods.go at 001a80e9): the old state's termination when the written
 * status was of another run, else the old last state's termination.
 */
export function lastOfOlderRun(sim: PodSim, name: string, inst: Instance, prev: Instance | undefined): ContainerState {
  if (listedRun(sim, prev)) return terminated(prev);
  if (!sim.gates.RestartAllContainersOnContainerExits) return noState();
  const old = sim.status.statusOf(name);
  if (old === undefined) return noState();
  if (sim.status.instanceOf(name) !== inst && old.state.terminated) return terminatedState(old.state.terminated);
  return old.lastState.terminated ? terminatedState(old.lastState.terminated) : noState();
}
