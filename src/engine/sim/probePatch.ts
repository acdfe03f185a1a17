// The prober's patch of the written status ([5.6], upstream status_manager.go SetContainerReadiness /
// SetContainerStartup, read at the 1.3x tree): started (a startup result) and ready (a readiness
// result) change at once, with ContainersReady and Ready recomputed; the phase, the other
// conditions and the Ready of a container without a readiness probe wait for the next sync (status.ts).

import type { ApiPodStatus, ContainerStatus } from '../api';
import { containersReadyCondition, readyCondition, type ExplainedCondition } from '../kubelet/conditions';
import type { PhaseStatuses } from '../kubelet/getPhase';
import type { PodPhase } from '../trace';
import type { PodSim } from './podSim';
import type { ContainerRecord } from './model';
import { publish, publishUnchanged } from './statusEvents';
import { holds, remember, sameCondition, specForStatus, statusesByPosition } from './statusMemo';
import { patchedConditions } from './writtenConditions';

/** The prober patches started/ready into the written status at once ([5.6]); the phase waits for a sync. */
export function patchProbeFlags(sim: PodSim): void {
  const api = sim.status.api;
  // Only the containers changed since the last patch (their probe results, instances, written statuses).
  const reader = sim.changes.probeFlags;
  const changed = reader.everything(0) ? undefined : reader.positions();
  const statuses = {
    initContainerStatuses: withProbeFlagsAt(sim, api.initContainerStatuses, 0, changed),
    containerStatuses: withProbeFlagsAt(sim, api.containerStatuses, sim.pod.initContainers.length, changed),
  };
  reader.clear();
  const phase = (api.phase ?? 'Pending') as PodPhase;
  // The prober's patch recomputes ContainersReady and Ready; the other conditions keep their values.
  const containersReady = containersReadyOf(sim, statuses, phase);
  const ready = readyCondition(specForStatus(sim), containersReady);
  if (statuses.initContainerStatuses === api.initContainerStatuses && statuses.containerStatuses === api.containerStatuses
    && sameCondition(api.conditions, containersReady) && sameCondition(api.conditions, ready)) {
    publishUnchanged(sim); // no flag and no condition changes: nothing to patch
    return;
  }
  const merged = patchedConditions(api.conditions, containersReady, ready);
  // The written status with these conditions and lists, its fields written one by one (no spread copy).
  const next: ApiPodStatus = { phase: api.phase, conditions: merged, initContainerStatuses: statuses.initContainerStatuses, containerStatuses: statuses.containerStatuses };
  if (api.reason !== undefined) next.reason = api.reason;
  if (api.message !== undefined) next.message = api.message;
  publish(sim, next, undefined, [containersReady, ready]); // the whys of the two conditions it recomputed
}

/**
 * withProbeFlagsAll for the `changed` positions only (undefined: all). Every other written status
 * already agrees with the probe results: nothing it is built from changed since it was checked.
 */
function withProbeFlagsAt(sim: PodSim, list: ContainerStatus[], offset: number, changed: readonly number[] | undefined): ContainerStatus[] {
  if (changed === undefined) return withProbeFlagsAll(sim, list, offset);
  let patched: ContainerStatus[] | undefined;
  for (let k = 0; k < changed.length; k++) {
    const i = changed[k]! - offset;
    if (i < 0 || i >= list.length) continue;
    const status = list[i]!;
    if (!status.state.running) continue;
    const rec = sim.recordList[offset + i]!;
    if (rec.spec.name !== status.name) return withProbeFlagsAll(sim, list, offset); // not in spec order: look at them all
    const s = withProbeFlags(sim, status, rec);
    if (s === status) continue;
    patched ??= list.slice();
    patched[i] = s;
  }
  return patched ?? list;
}

/**
 * The list with started/ready patched in; the same list when no status changes. The status lists
 * follow the spec lists, so a status's record is found at its position (`offset`: where the list
 * starts in sim.recordList), by name only if not.
 */
function withProbeFlagsAll(sim: PodSim, list: ContainerStatus[], offset: number): ContainerStatus[] {
  let patched: ContainerStatus[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const status = list[i]!;
    if (!status.state.running) continue;
    const at = sim.recordList[offset + i];
    const s = withProbeFlags(sim, status, at?.spec.name === status.name ? at : sim.records.get(status.name));
    if (s === list[i]) continue;
    patched ??= list.slice();
    patched[i] = s;
  }
  return patched ?? list;
}

export function rememberContainersReady(sim: PodSim, st: PhaseStatuses, phase: PodPhase, condition: ExplainedCondition): void {
  sim.status.containersReady = remember(st, phase, condition);
}

/**
 * ContainersReady for these statuses. A probe patch that changes no status keeps the very lists
 * of the last write; written statuses are never modified, so the last result still holds.
 */
function containersReadyOf(sim: PodSim, st: PhaseStatuses, phase: PodPhase): ExplainedCondition {
  const memo = sim.status.containersReady;
  if (holds(memo, st, phase)) return memo.value;
  const condition = containersReadyCondition(specForStatus(sim), st, phase, statusesByPosition(sim, st));
  rememberContainersReady(sim, st, phase, condition);
  return condition;
}

/** A written status with started/ready as the probe results say now; the same object when they agree. */
function withProbeFlags(sim: PodSim, s: ContainerStatus, rec: ContainerRecord | undefined): ContainerStatus {
  const spec = rec?.spec;
  const inst = sim.status.instanceOf(s.name);
  if (!rec || !spec || !inst || spec.kind === 'init') return s;
  const started = sim.probes.started(rec, inst); // [5.6] SetContainerStartup
  // A startup result patches Started alone (SetContainerStartup); Ready is patched only by a
  // readiness worker's result (SetContainerReadiness). Without one it keeps its written value
  // until the sync the startup result asks for (UpdatePodStatus): `0/2 PodInitializing`, then `1/2`.
  const ready = sim.probes.hasReadiness(rec) ? started && inst.state === 'running' && sim.probes.ready(rec, inst) : s.ready;
  if (started === s.started && ready === s.ready) return s;
  return { name: s.name, image: s.image, ready, started, state: s.state, lastState: s.lastState, restartCount: s.restartCount }; // status.ts apiStatus's field order
}
