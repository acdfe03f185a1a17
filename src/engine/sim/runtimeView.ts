// The runtime's view of the pod as computePodActions reads it (kubecontainer.Status of each
// container's newest instance in the current sandbox, [0.1]) with the probe managers' startup and
// liveness results. Issue 16: the three tables are one set of objects per pod, refilled at each
// sync (every container's key is there from the start, in spec order, undefined when it has no
// entry, which every reader treats as absent), and a container's view is reused while nothing it
// copies changed (kept on its record), so a sync of a steady pod allocates nothing here; a sync
// refills only the containers marked changed since the last one (changedSet.ts).
// computePodActions only reads its input and keeps none of it, so refilling the tables is exact.

import type { PodActionsInput, ProbeVerdict, RuntimeContainerStatus } from '../kubelet/podActionsTypes';
import { newest, type ContainerRecord, type Instance } from './model';
import type { PodSim } from './podSim';
import { hiddenByRestartAll } from './restartAll';

type Tables = Pick<PodActionsInput, 'runtime' | 'startup' | 'liveness'>;

/** The tables, and by record position what they hold now and which probes each container has (read without a lookup by name). */
interface PodTables extends Tables {
  /** How many entries changed so far: the same count, the very same entries (planMemo.ts). */
  version: number;
  views: (RuntimeContainerStatus | undefined)[];
  startups: (ProbeVerdict | undefined)[];
  livenesses: (ProbeVerdict | undefined)[];
  hasStartup: boolean[];
  hasLiveness: boolean[];
}

const tablesByPod = new WeakMap<PodSim, PodTables>();

function newTables(sim: PodSim): PodTables {
  const tables: PodTables = { runtime: {}, startup: {}, liveness: {}, version: 0, views: [], startups: [], livenesses: [], hasStartup: [], hasLiveness: [] };
  for (const { spec } of sim.recordList) {
    tables.runtime[spec.name] = undefined;
    tables.startup[spec.name] = undefined;
    tables.liveness[spec.name] = undefined;
    tables.views.push(undefined);
    tables.startups.push(undefined);
    tables.livenesses.push(undefined);
    tables.hasStartup.push(spec.startupProbe !== undefined);
    tables.hasLiveness.push(spec.livenessProbe !== undefined);
  }
  return tables;
}

/** The pod's tables, filled in for this sync. */
export function runtimeTables(sim: PodSim): Tables {
  let tables = tablesByPod.get(sim);
  if (!tables) {
    tables = newTables(sim);
    tablesByPod.set(sim, tables);
  }
  // Only the containers changed since the last sync, unless an input every container reads changed.
  const reader = sim.changes.runtime;
  if (reader.everything(sim.sandbox.id, sim.restartAllCount, sim.removedFromRuntime.size)) {
    for (let i = 0; i < sim.recordList.length; i++) refill(sim, tables, i);
  } else {
    const changed = reader.positions();
    for (let k = 0; k < changed.length; k++) refill(sim, tables, changed[k]!);
  }
  reader.clear();
  return tables;
}

/** How many entries of the pod's tables changed so far (planMemo.ts: the same count, the same input). */
export function runtimeTablesVersion(sim: PodSim): number {
  return tablesByPod.get(sim)?.version ?? -1;
}

/** One container's entries in the tables, written only where they change. */
function refill(sim: PodSim, tables: PodTables, i: number): void {
  const rec = sim.recordList[i]!;
  const inst = visibleInstance(sim, rec);
  const view = inst && runtimeView(rec, inst, inst.sandbox !== sim.sandbox.id);
  if (tables.views[i] !== view) {
    tables.runtime[rec.spec.name] = tables.views[i] = view;
    tables.version++;
  }
  // No worker, no result: a container without the probe is not looked up.
  const started = inst && tables.hasStartup[i] ? sim.probes.result(rec, 'startup', inst) : undefined;
  if (tables.startups[i] !== started) {
    tables.startup[rec.spec.name] = tables.startups[i] = started;
    tables.version++;
  }
  const alive = inst && tables.hasLiveness[i] ? sim.probes.result(rec, 'liveness', inst) : undefined;
  if (tables.livenesses[i] !== alive) {
    tables.liveness[rec.spec.name] = tables.livenesses[i] = alive;
    tables.version++;
  }
}

/** The newest instance, if the runtime still reports it. */
function visibleInstance(sim: PodSim, rec: ContainerRecord): Instance | undefined {
  const inst = newest(rec);
  if (!inst) return undefined;
  // [2.9] a new sandbox purges the init containers: older runs no longer count for the plan.
  if (rec.spec.kind !== 'main' && inst.sandbox !== sim.sandbox.id) return undefined;
  if (hiddenByRestartAll(sim, rec.spec.name, inst.run)) return undefined; // [11.2] removed from the runtime
  if (sim.removedFromRuntime.size > 0 && sim.removedFromRuntime.has(inst)) return undefined; // E24/E26: its record is gone
  return inst;
}

/**
 * The newest instance's view with the container's attempt count; the previous object while equal.
 * `previousSandbox`: a main container's instance from an earlier sandbox ([2.10], #138514).
 */
function runtimeView(rec: ContainerRecord, inst: Instance, previousSandbox: boolean): RuntimeContainerStatus {
  const attempts = rec.instances.length;
  const last = rec.runtimeView;
  if (last !== undefined && last.state === inst.state && last.exitCode === inst.exitCode && last.startedAt === inst.startedAt
    && last.finishedAt === inst.finishedAt && last.image === inst.image && last.attempts === attempts
    && (last.previousSandbox === true) === previousSandbox && (last.oomKilled === true) === (inst.reason === 'OOMKilled')) return last;
  const view: RuntimeContainerStatus = {
    name: rec.spec.name, state: inst.state, exitCode: inst.exitCode, startedAt: inst.startedAt,
    finishedAt: inst.finishedAt, image: inst.image, attempts,
  };
  if (previousSandbox) view.previousSandbox = true;
  if (inst.state === 'exited' && inst.reason === 'OOMKilled') view.oomKilled = true;
  rec.runtimeView = view;
  return view;
}
