// What a sync reads of its containers ([0.6]): the pod's entry in the runtime cache, which the PLEG
// wrote at its last relist, not the runtime as it is when the sync starts. Upstream:
// pod_workers.go podWorkerLoop passes `podCache.GetNewerThan(uid, lastSyncTime)` (the cached
// PodStatus itself) to SyncPod, SyncTerminatingPod and SyncTerminatedPod; kubelet.go SyncPod
// generates the API status from it (generateAPIPodStatus) and kuberuntime_manager.go SyncPod
// hands it to computePodActions; pleg/generic.go Relist/updateCache is the cache's only writer
// (GetPodStatus at the relist, `cache.Set`), the kubelet itself never refreshes it before a sync.
// Read at the stored 1.28-era and newest (1.36) versions of those files; the same in 1.27-1.36.
//
// Only a sync that starts between two relists can read an entry older than the runtime (one that
// starts at a relist reads that relist), and such a sync starts only when a relist came after
// the previous sync ended ([0.6]): every start and kill of the previous sync is in the entry. What
// can have happened since that relist is a process ending on its own (its exit, a crash, an OOM
// kill, a fault): the sync must not see it. `readAtLastRelist` shows the instances that exited
// after the last relist as they were at it (running, or created) while `read` runs, then puts them
// back; the PLEG reports the exit at the next relist, which asks for the sync that acts on it.

import type { Instance, InstanceState } from './model';
import type { PodSim } from './podSim';
import { lastRelistAtOrBefore } from './podCache';

/** Times closer than this are the same instant (as in podCache.ts). */
const SAME_INSTANT = 1e-9;

interface Hidden {
  inst: Instance;
  state: InstanceState;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
}

/**
 * When the cache entry a sync starting now reads was written: the last relist, but never before
 * the pod came to the node or before the kubelet last started (its PLEG relists at once on start).
 */
export function relistSnapshotTime(sim: PodSim): number {
  return Math.max(lastRelistAtOrBefore(sim.now), sim.createdAt, sim.kubeletStartedAt, sim.onDemandRelistAt);
}

/** The event index in an id (`e12`, or a Job pod's `name/e12`). */
function eventIndex(id: string | undefined): number {
  return id === undefined ? -1 : Number(id.slice(id.lastIndexOf('e') + 1));
}

/** Whether an exit came after the snapshot: later than it, or at the instant of an on-demand relist but after it ([0.8]). */
function exitedAfter(sim: PodSim, inst: Instance, at: number): boolean {
  const finished = inst.finishedAt!;
  if (finished > at + SAME_INSTANT) return true;
  return Math.abs(sim.onDemandRelistAt - at) <= SAME_INSTANT && Math.abs(finished - at) <= SAME_INSTANT
    && eventIndex(inst.ids.exit) >= sim.onDemandRelistSeq;
}

/**
 * The exits a snapshot taken at `snapshot` may come before: PodSim.exits without those that ended
 * before it, which no later sync can hide any more (snapshot times never go back). Issue 16: a
 * sync looks at the few exits since the last relist, not at every container.
 */
function recentExits(sim: PodSim, snapshot: number): readonly Instance[] {
  const exits = sim.exits;
  let kept = 0;
  for (let i = 0; i < exits.length; i++) {
    const inst = exits[i]!;
    if (inst.finishedAt !== undefined && inst.finishedAt < snapshot - SAME_INSTANT) continue;
    exits[kept++] = inst;
  }
  while (exits.length > kept) exits.pop(); // pops keep the backing store (`length = kept` drops it at 0, and the next exit allocates one)
  return exits;
}

/** Runs `read` (status generation, computePodActions) with the containers as the last relist saw them. */
export function readAtLastRelist<T>(sim: PodSim, read: (sim: PodSim) => T): T {
  const snapshot = relistSnapshotTime(sim);
  const at = snapshot + SAME_INSTANT;
  let hidden: Hidden[] | undefined;
  const exits = recentExits(sim, snapshot);
  for (let i = 0; i < exits.length; i++) {
    const inst = exits[i]!;
    const rec = sim.records.get(inst.container)!;
    if (rec.instances[rec.instances.length - 1] !== inst) continue; // only a container's newest run is in the entry
    if (inst.state !== 'exited' || inst.finishedAt === undefined || inst.createdAt > at || !exitedAfter(sim, inst, snapshot)) continue;
    (hidden ??= []).push({ inst, state: inst.state, finishedAt: inst.finishedAt, exitCode: inst.exitCode, reason: inst.reason });
    inst.state = inst.startedAt !== undefined && inst.startedAt <= at ? 'running' : 'created';
    inst.finishedAt = undefined;
    inst.exitCode = undefined;
    inst.reason = undefined;
    sim.containerChanged(rec); // its readers see the snapshot now, and the runtime again after
  }
  if (!hidden) return read(sim);
  try {
    return read(sim);
  } finally {
    for (const h of hidden) {
      h.inst.state = h.state;
      h.inst.finishedAt = h.finishedAt;
      h.inst.exitCode = h.exitCode;
      h.inst.reason = h.reason;
      sim.containerChanged(h.inst.container);
    }
  }
}
