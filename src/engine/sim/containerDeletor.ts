// [10.8] The pod container deletor: when a container's run dies, the kubelet deletes that
// container's older dead runs and keeps only the newest (containersToKeep 1). Upstream:
// kubelet.go syncLoopIteration calls cleanUpContainersInPod on every PLEG ContainerDied event;
// pod_container_deletor.go getContainersToDeleteInPod takes the exited runs of the dead run's
// name, newest first, and deletes all but `containersToKeep`, which newPodContainerDeletor gets as
// max(MaxPerPodContainer, minDeadContainerInPod) = max(1, 1) (kubelet.go; the flag's default in
// cmd/kubelet/app/options/options.go); the deletion runs in a goroutine at once. Read at the
// stored 1.3x trees of those files (session 28).
//
// What it shows: convertToAPIContainerStatuses fills lastState from the runtime's second-newest
// run of a container, so a container that ended for good (no restart coming) loses its lastState,
// and kubectl its "(… ago)", once a relist no longer lists the older run: the relist that reports
// the death still does (the deletion comes after it), the next one does not. A container waiting
// to restart shows its newest dead run as lastState, which is kept; a running one's newest dead run
// is the only one. A published 1.35 watch: `0/1 Completed 4 (31s ago) 2m34s`, then `0/1 Completed 4
// 2m35s` (docs/transcripts.md).

import type { Instance } from './model';
import { previousRun, newest } from './model';
import { firstRelistAfter } from './podCache';
import type { PodSim } from './podSim';
import { relistSnapshotTime } from './relistSnapshot';
import { RELIST_PERIOD } from './timing';

const SAME_INSTANT = 1e-9;

/** The run `dead` just ended: the run before it, dead too, leaves the runtime (from the relist after the one that reports the death). */
export function deleteOlderRuns(sim: PodSim, dead: Instance): void {
  const rec = sim.rec(dead.container);
  if (newest(rec) !== dead) return;
  const older = previousRun(rec);
  if (older?.state !== 'exited' || older.collectedAt !== undefined) return;
  // The death is reported by the first relist after it (a run the kubelet kills dies inside a sync,
  // after that instant's relist); the deletion, right after that relist, shows at the next one.
  older.collectedAt = firstRelistAfter(dead.finishedAt!) + RELIST_PERIOD;
  sim.collecting.push(older);
}

/** Whether the relist a status generation reads no longer lists this run. */
export function collected(sim: PodSim, run: Instance | undefined): boolean {
  return run?.collectedAt !== undefined && relistSnapshotTime(sim) >= run.collectedAt - SAME_INSTANT;
}

/** Before a status generation: the containers whose older run the relist it reads no longer lists change. */
export function noticeCollected(sim: PodSim): void {
  const pending = sim.collecting;
  if (pending.length === 0) return;
  const snapshot = relistSnapshotTime(sim);
  let kept = 0;
  for (const run of pending) {
    if (snapshot >= run.collectedAt! - SAME_INSTANT) sim.containerChanged(run.container);
    else pending[kept++] = run;
  }
  pending.length = kept;
}
