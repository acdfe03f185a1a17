// A Pod's `status` block as `kubectl get pod -o yaml` prints it, with times in seconds since
// the epoch.

import type { ApiPodStatus, ContainerState, ContainerStatus, PodCondition } from '../api';
import { type FieldReader, type Obj, type PathSeg } from './fields';

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;
const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;

function readState(r: FieldReader, v: unknown, path: PathSeg[]): ContainerState {
  const state = r.obj(v, path);
  const out: ContainerState = {};
  const waiting = r.obj(state?.waiting, [...path, 'waiting']);
  const running = r.obj(state?.running, [...path, 'running']);
  const terminated = r.obj(state?.terminated, [...path, 'terminated']);
  if (waiting) {
    out.waiting = {};
    const reason = r.str(waiting.reason, [...path, 'waiting', 'reason']);
    const message = r.str(waiting.message, [...path, 'waiting', 'message']);
    if (reason) out.waiting.reason = reason;
    if (message) out.waiting.message = message;
  }
  if (running) {
    out.running = {};
    const startedAt = r.time(running.startedAt, [...path, 'running', 'startedAt']);
    if (startedAt !== undefined) out.running.startedAt = startedAt;
  }
  if (terminated) {
    const at = (k: string): PathSeg[] => [...path, 'terminated', k];
    const exitCode = r.int(terminated.exitCode, at('exitCode'));
    if (exitCode === undefined && terminated.exitCode === undefined) r.error(at('exitCode'), 'Required value');
    out.terminated = { exitCode: exitCode ?? 0 };
    const signal = r.int(terminated.signal, at('signal'));
    const reason = r.str(terminated.reason, at('reason'));
    const message = r.str(terminated.message, at('message'));
    const startedAt = r.time(terminated.startedAt, at('startedAt'));
    const finishedAt = r.time(terminated.finishedAt, at('finishedAt'));
    if (signal) out.terminated.signal = signal;
    if (reason) out.terminated.reason = reason;
    if (message) out.terminated.message = message;
    if (startedAt !== undefined) out.terminated.startedAt = startedAt;
    if (finishedAt !== undefined) out.terminated.finishedAt = finishedAt;
  }
  return out;
}

function readContainerStatuses(r: FieldReader, v: unknown, path: PathSeg[], known: string[]): ContainerStatus[] {
  const out: ContainerStatus[] = [];
  r.list(v, path).forEach((item, i) => {
    const s = r.obj(item, [...path, i]);
    if (!s) return;
    const name = r.str(s.name, [...path, i, 'name']);
    if (!name) {
      r.error([...path, i, 'name'], 'Required value');
      return;
    }
    if (!known.includes(name)) r.warn([...path, i, 'name'], `no container named "${name}" in the spec; ignored by the kubelet`);
    const status: ContainerStatus = {
      name,
      state: readState(r, s.state, [...path, i, 'state']),
      lastState: readState(r, s.lastState, [...path, i, 'lastState']),
      ready: r.bool(s.ready, [...path, i, 'ready']) ?? false,
      restartCount: r.int(s.restartCount, [...path, i, 'restartCount']) ?? 0,
    };
    const image = r.str(s.image, [...path, i, 'image']);
    const started = r.bool(s.started, [...path, i, 'started']);
    if (image) status.image = image;
    if (started !== undefined) status.started = started;
    out.push(status);
  });
  return out;
}

function readConditions(r: FieldReader, v: unknown): PodCondition[] {
  const out: PodCondition[] = [];
  r.list(v, ['status', 'conditions']).forEach((item, i) => {
    const path = ['status', 'conditions', i];
    const c = r.obj(item, path);
    if (!c) return;
    const type = r.str(c.type, [...path, 'type']);
    const status = r.oneOf(c.status, [...path, 'status'], CONDITION_STATUSES);
    if (!type || !status) {
      if (!type && c.type === undefined) r.error([...path, 'type'], 'Required value');
      return;
    }
    const cond: PodCondition = { type, status };
    const reason = r.str(c.reason, [...path, 'reason']);
    const message = r.str(c.message, [...path, 'message']);
    const at = r.time(c.lastTransitionTime, [...path, 'lastTransitionTime']);
    if (reason) cond.reason = reason;
    if (message) cond.message = message;
    if (at !== undefined) cond.lastTransitionTime = at;
    out.push(cond);
  });
  return out;
}

export function readStatus(r: FieldReader, status: Obj, initNames: string[], mainNames: string[]): ApiPodStatus {
  const out: ApiPodStatus = {
    conditions: readConditions(r, status.conditions),
    initContainerStatuses: readContainerStatuses(r, status.initContainerStatuses, ['status', 'initContainerStatuses'], initNames),
    containerStatuses: readContainerStatuses(r, status.containerStatuses, ['status', 'containerStatuses'], mainNames),
  };
  const phase = r.oneOf(status.phase, ['status', 'phase'], PHASES);
  const reason = r.str(status.reason, ['status', 'reason']);
  if (phase) out.phase = phase;
  if (reason) out.reason = reason;
  return out;
}
