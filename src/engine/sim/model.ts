// The simulator's view of the node: container instances in the runtime (what CRI would report),
// the pod sandbox, and the last start error per container (what the status shows as Waiting).

import type { BackoffMemo } from './backoffMemo';
import type { Behavior, ContainerSpec } from '../scenario/types';
import type { QueueItem } from './queue';
import type { RuntimeContainerStatus } from '../kubelet/podActionsTypes';

export type InstanceState = 'created' | 'running' | 'exited' | 'unknown';

/** One run of one container (a CRI container). */
export interface Instance {
  container: string;
  /**
   * The restart count the kubelet gave this run: the CRI attempt, the API status's restartCount,
   * the trace's `attempt` (process.ts restartCountOf: startContainer's rule, which a purge of the
   * init containers can send back to 0, kubernetes#124002, [2.9]).
   */
  attempt: number;
  /** The engine's own run index: 0 for the first instance of this container, n for its (n+1)th start; indexes the Simulation document's `runs:`. */
  run: number;
  sandbox: number;
  image: string;
  state: InstanceState;
  createdAt: number;
  startedAt?: number;
  /** The app is up: startDelay has passed (startup and liveness probes pass from here). */
  upAt?: number;
  /** The readiness handler passes from here. */
  readyAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  /** The runtime's message for an exited run (CRI ContainerStatus.Message): a StartError's error text ([3.5]). */
  message?: string;
  /**
   * [10.8] From this time's relist on, the runtime no longer lists this exited run: the pod
   * container deletor removed it when the container's next run died (only the newest dead run is kept).
   */
  collectedAt?: number;
  /** The process's own planned exit, cancelled if something else ends it first. */
  exitTimer?: QueueItem;
  upTimer?: QueueItem;
  /** Set once the stop signal has been sent. */
  signalledAt?: number;
  behavior: Behavior;
  /** The ids of this run's trace events, which later events cite as their cause. */
  ids: InstanceEventIds;
}

export interface InstanceEventIds {
  start?: string;
  up?: string;
  /** The container.started event that showed this run started. */
  started?: string;
  kill?: string;
  /** The latest signal sent (the stop signal, then SIGKILL). */
  signal?: string;
  exit?: string;
}

/** A start failure the status shows as the container's Waiting reason ([10.2]). */
export interface StartError {
  reason: string;
  message: string;
}

export interface ContainerRecord {
  spec: ContainerSpec;
  /** Its index in PodSim.recordList (specs() order): per-container tables are arrays by position. */
  position: number;
  instances: Instance[];
  startError?: StartError;
  /** Set while a kill (probe, spec change, pod termination) runs for the newest instance. */
  killing: boolean;
  /** An image change made after the pod is terminating is ignored ([1.8]). */
  image: string;
  /** The id of the fault event that last changed the image (a SpecChanged kill cites it). */
  imageChangeId?: string;
  /** The id of the fault event of this container's latest failed pull (a refusal of its pull back-off cites it, [10.9]). */
  pullFailedId?: string;
  /** The last failed pull's error ([10.9]): a 1.32+ ImagePullBackOff message repeats it. */
  pullFailedMessage?: string;
  /** The id of the latest container.backoff event (the start after the wait cites it). */
  backoffId?: string;
  /** Its back-off table key for the image it was built for (start.ts). */
  backoffKey?: { image: string; key: string };
  /** computePodActions' view of the newest instance, reused while equal (runtimeView.ts). */
  runtimeView?: RuntimeContainerStatus;
  /** What start.ts reuses from sync to sync during a back-off (backoffMemo.ts). */
  backoffMemo: BackoffMemo;
}

/**
 * A new run in state Created, with every field present from the start (undefined until set), in
 * one order: every instance then has the same shape, so the hot loops that read them stay fast.
 */
export function newInstance(container: string, attempt: number, run: number, sandbox: number, image: string, createdAt: number, behavior: Behavior): Instance {
  return {
    container, attempt, run, sandbox, image, state: 'created', createdAt,
    startedAt: undefined, upAt: undefined, readyAt: undefined, finishedAt: undefined, exitCode: undefined, reason: undefined,
    exitTimer: undefined, upTimer: undefined, signalledAt: undefined, behavior,
    ids: { start: undefined, up: undefined, started: undefined, kill: undefined, signal: undefined, exit: undefined },
  };
}

// Both read in bounds only: an index below 0 is a slow property lookup, and these run for every
// container at every status write.
export function newest(rec: ContainerRecord): Instance | undefined {
  const n = rec.instances.length;
  return n > 0 ? rec.instances[n - 1] : undefined;
}

/** The run before the newest one. */
export function previousRun(rec: ContainerRecord): Instance | undefined {
  const n = rec.instances.length;
  return n > 1 ? rec.instances[n - 2] : undefined;
}

/** The behaviour of one attempt: the base behaviour with that attempt's overrides ([contract 1] `runs`). */
export function behaviorFor(base: Behavior, attempt: number): Behavior {
  const over = base.attempts?.[attempt];
  if (!over) return base;
  const { startError, ...rest } = over;
  const merged: Behavior = { ...base, ...rest };
  if (startError === false) delete merged.startError; // [3.5] this run starts although the others fail
  else if (startError !== undefined) merged.startError = startError;
  if (over.startDelay !== undefined && over.readyAfter === undefined) merged.readyAfter = Math.max(base.readyAfter, over.startDelay);
  return merged;
}
