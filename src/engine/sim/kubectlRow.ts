// The `kubectl get pod` row a simulated pod shows: printed again (as the simulated version's API
// server prints it, [14.1]) whenever what the printer reads may have changed, a trace event only
// when the compared columns did (READY, STATUS, the RESTARTS count). The status write
// (statusEvents.ts) and a deletion (terminate.ts, [14.4]) publish it.

import type { ApiPod, ApiPodStatus, ContainerStatus, PodCondition } from '../api';
import { printPodWithBasis, type PrintBasis, type PrintOptions } from '../kubectl/printPod';
import type { Causes, PodSim } from './podSim';
import { sameRowView } from './rowView';
import type { RowInputs } from './statusManager';
import { emitRow } from './frequentEvents';

/** A row's causes worked out only when a row is printed (a status write's changed containers). */
export interface DeferredCause {
  stateCause(): string[];
}

/**
 * A new `kubectl get pod` row, if the columns changed. The API server prints it from the pod
 * object, so a deletion (its deletionTimestamp) changes it without any status write ([14.4]).
 */
export function publishKubectl(sim: PodSim, why: string, cause?: Causes | DeferredCause): void {
  if (sim.apiRemovedAt !== undefined) return; // [8.2] no pod object to print
  if (rowStands(sim)) return;
  const manager = sim.status;
  const status = manager.view; // the API server prints the object it has ([13.2])
  const deletionTimestamp = sim.deletion?.at;
  const last = manager.rowInputs;
  if (last === undefined) manager.rowInputs = rowInputs(status, deletionTimestamp);
  else { // the one inputs object of the pod, rewritten in place (nothing else holds it)
    const same = sameRowInputs(last, status, deletionTimestamp);
    setRowInputs(last, status, deletionTimestamp);
    if (same) return;
  }
  const pod: ApiPod = { name: sim.pod.name, namespace: sim.pod.namespace, deletionTimestamp: sim.deletion?.at, spec: sim.pod, status: listedAsWritten(sim, status) };
  const { columns: cols, basis, lastRestart } = printPodWithBasis(pod, sim.now, printOptions(sim.minor));
  const row = manager.row;
  // RESTARTS' age ("3 (10s ago)") moves with the clock; a new count is a change, and so is a new
  // moment it counts from, or the age appearing or going ([10.8]: "4 (31s ago)" becomes "4").
  if (!row || row.ready !== cols.ready || row.status !== cols.status || restartCount(row.restarts) !== restartCount(cols.restarts)
    || manager.rowLastRestart !== lastRestart) {
    manager.row = cols;
    manager.rowLastRestart = lastRestart;
    // The columns' fields one by one, in printPod's order (no spread copy).
    emitRow(sim, cols.ready, cols.status, cols.restarts, lastRestart, sharedBasis(manager, basis), why, cause !== undefined && 'stateCause' in cause ? cause.stateCause() : cause);
  }
}

/**
 * The main containers' positions in the order the kubelet lists their statuses: by name
 * (kubelet_pods.go convertToAPIContainerStatuses sorts them, SortedContainerStatuses, every version
 * read; init containers keep the spec's order); undefined when that is the spec's order. JS `<` on
 * DNS-1123 names is Go's byte order.
 */
const nameOrderOf = new WeakMap<PodSim['pod'], readonly number[] | null>();

function nameOrder(spec: PodSim['pod']): readonly number[] | undefined {
  let order = nameOrderOf.get(spec);
  if (order === undefined) {
    const names = spec.containers.map((c) => c.name);
    const sorted = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    order = sorted.every((p, i) => p === i) ? null : sorted;
    nameOrderOf.set(spec, order);
  }
  return order ?? undefined;
}

/**
 * The status as the API object lists it ([14.3]): the engine keeps the main containers' statuses
 * by spec position; the kubelet writes them sorted by name, and printPod walks them in that order,
 * so with several reasons the first name wins (kubernetes#113013).
 */
function listedAsWritten(sim: PodSim, status: ApiPodStatus): ApiPodStatus {
  const order = nameOrder(sim.pod);
  if (order === undefined || status.containerStatuses.length !== order.length) return status;
  return { ...status, containerStatuses: order.map((i) => status.containerStatuses[i]!) };
}

/**
 * The basis of the previous row when this one is the same (the same keys in the same order, the
 * same values): rows printed by the same branch share one object, which the trace keeps.
 */
function sharedBasis(manager: PodSim['status'], basis: PrintBasis): PrintBasis {
  const last = manager.rowBasis;
  if (last !== undefined && sameBasis(last, basis)) return last;
  manager.rowBasis = basis;
  return basis;
}

/**
 * The same keys in the same order with the same values, compared without building key lists: a
 * basis from printPodWithBasis has its keys in one order (minor, source, restarts, container,
 * sidecar, by, initialized, beneath: the order its branches add them) and none set to undefined
 * (printPod.ts basisOf leaves those out), so equal values of every key mean the same keys in the same order.
 */
function sameBasis(a: PrintBasis, b: PrintBasis): boolean {
  return a.minor === b.minor && a.source === b.source && a.restarts === b.restarts && a.container === b.container
    && a.sidecar === b.sidecar && a.by === b.by && a.initialized === b.initialized && a.beneath === b.beneath;
}

/**
 * The row was printed from this very status and deletion: the same status lists, phase, reason,
 * conditions and deletion print the same columns but for RESTARTS' age, which is no change.
 */
export function rowStands(sim: PodSim): boolean {
  const last = sim.status.rowInputs;
  return last !== undefined && last.status === sim.status.view && last.deletionTimestamp === sim.deletion?.at;
}

/** The count in a RESTARTS column ("3 (10s ago)" → "3"). */
function restartCount(restarts: string): string {
  const space = restarts.indexOf(' ');
  return space < 0 ? restarts : restarts.slice(0, space);
}

/** What printPod reads from the pod besides the clock ([14.1]–[14.4]): the conditions by type and status. */
function rowInputs(status: ApiPodStatus, deletionTimestamp: number | undefined): RowInputs {
  return {
    status, init: status.initContainerStatuses, main: status.containerStatuses, phase: status.phase, reason: status.reason,
    deletionTimestamp, conditions: status.conditions,
  };
}

/** rowInputs written into an existing object, field by field. */
function setRowInputs(into: RowInputs, status: ApiPodStatus, deletionTimestamp: number | undefined): void {
  into.status = status;
  into.init = status.initContainerStatuses;
  into.main = status.containerStatuses;
  into.phase = status.phase;
  into.reason = status.reason;
  into.deletionTimestamp = deletionTimestamp;
  into.conditions = status.conditions;
}

/** The printer's options for a version, made once per minor (it only reads them). */
const printOptionsByMinor: PrintOptions[] = [];

function printOptions(minor: number): PrintOptions {
  return (printOptionsByMinor[minor] ??= { minor });
}

/**
 * The same inputs as rowInputs(status, deletionTimestamp) as far as the compared columns go: equal
 * lists, or lists equal in what the row reads (rowView.ts).
 */
function sameRowInputs(a: RowInputs, status: ApiPodStatus, deletionTimestamp: number | undefined): boolean {
  return a.phase === status.phase && a.reason === status.reason && a.deletionTimestamp === deletionTimestamp
    && sameConditionStates(a.conditions, status.conditions) && sameRowView(a.init, status.initContainerStatuses)
    && sameRowView(a.main, status.containerStatuses)
    && sameLastFinishes(a.init, status.initContainerStatuses) && sameLastFinishes(a.main, status.containerStatuses);
}

/**
 * The same last terminations' finish times: what RESTARTS' "(… ago)" counts from (printPod, [14.1]).
 * The row view leaves them out (an age is no change of the compared columns), but an age that
 * appears or goes is a row of its own ([10.8]: a resync that writes the container deletor's
 * removal changes nothing else).
 */
function sameLastFinishes(a: readonly ContainerStatus[], b: readonly ContainerStatus[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.lastState.terminated?.finishedAt !== b[i]!.lastState.terminated?.finishedAt) return false;
  return true;
}

/** The same condition types in the same order, each with the same status and reason (a missing reason is an empty one). */
function sameConditionStates(a: readonly PodCondition[], b: readonly PodCondition[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type || x.status !== y.status || (x.reason ?? '') !== (y.reason ?? '')) return false;
  }
  return true;
}

