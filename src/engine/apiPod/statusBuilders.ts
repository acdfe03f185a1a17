// Terse builders for container statuses and pod specs, for tests and table-driven examples:
// `running('app', { ready: true })`, `exited('init', 1)`, `waiting('app', 'CrashLoopBackOff', 1)`.

import type { ApiPod, ContainerForStatus, ContainerStatus, PodCondition, SpecForStatus } from '../api';

export interface StatusExtras {
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  /** lastState.terminated exit code and finish time. */
  lastExit?: number;
  lastFinishedAt?: number;
  startedAt?: number;
  finishedAt?: number;
  reason?: string;
  signal?: number;
}

function base(name: string, x: StatusExtras): ContainerStatus {
  const s: ContainerStatus = { name, state: {}, lastState: {}, ready: x.ready ?? false, restartCount: x.restartCount ?? 0 };
  if (x.started !== undefined) s.started = x.started;
  if (x.lastExit !== undefined) {
    s.lastState.terminated = { exitCode: x.lastExit, reason: x.lastExit === 0 ? 'Completed' : 'Error' };
    if (x.lastFinishedAt !== undefined) s.lastState.terminated.finishedAt = x.lastFinishedAt;
  }
  return s;
}

export function running(name: string, x: StatusExtras = {}): ContainerStatus {
  const s = base(name, x);
  s.state.running = x.startedAt === undefined ? {} : { startedAt: x.startedAt };
  return s;
}

/** Terminated with `exitCode`; reason Completed/Error unless given (null: no reason). */
export function exited(name: string, exitCode: number, x: StatusExtras & { noReason?: boolean } = {}): ContainerStatus {
  const s = base(name, x);
  s.state.terminated = { exitCode };
  if (!x.noReason) s.state.terminated.reason = x.reason ?? (exitCode === 0 ? 'Completed' : 'Error');
  if (x.signal !== undefined) s.state.terminated.signal = x.signal;
  if (x.finishedAt !== undefined) s.state.terminated.finishedAt = x.finishedAt;
  return s;
}

/** A regular init container that completed: terminated 0 and ready ([5.6]). */
export function done(name: string, x: StatusExtras = {}): ContainerStatus {
  return exited(name, 0, { ready: true, ...x });
}

/** Waiting with `reason`; `lastExit` gives it a previous termination. */
export function waiting(name: string, reason?: string, lastExit?: number, x: StatusExtras = {}): ContainerStatus {
  const s = base(name, { ...x, ...(lastExit === undefined ? {} : { lastExit }) });
  s.state.waiting = reason === undefined ? {} : { reason };
  return s;
}

export interface PodShape {
  restartPolicy?: SpecForStatus['restartPolicy'];
  /** Init container names; a trailing `*` marks a sidecar (restartPolicy: Always). */
  init?: (string | ContainerForStatus)[];
  main: (string | ContainerForStatus)[];
  readinessGates?: string[];
}

const container = (c: string | ContainerForStatus): ContainerForStatus =>
  typeof c !== 'string' ? c : c.endsWith('*') ? { name: c.slice(0, -1), restartPolicy: 'Always' } : { name: c };

export function specOf(shape: PodShape): SpecForStatus {
  return {
    restartPolicy: shape.restartPolicy ?? 'Always',
    initContainers: (shape.init ?? []).map(container),
    containers: shape.main.map(container),
    readinessGates: shape.readinessGates ?? [],
  };
}

export function podOf(
  shape: PodShape,
  init: ContainerStatus[],
  main: ContainerStatus[],
  extra: { phase?: ApiPod['status']['phase']; reason?: string; conditions?: PodCondition[]; deletionTimestamp?: number } = {},
): ApiPod {
  const pod: ApiPod = {
    name: 'p',
    namespace: 'default',
    spec: specOf(shape),
    status: { conditions: extra.conditions ?? [], initContainerStatuses: init, containerStatuses: main },
  };
  if (extra.phase) pod.status.phase = extra.phase;
  if (extra.reason) pod.status.reason = extra.reason;
  if (extra.deletionTimestamp !== undefined) pod.deletionTimestamp = extra.deletionTimestamp;
  return pod;
}
