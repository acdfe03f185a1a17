// The runtime cache the pod worker reads ([0.6]). Upstream: pkg/kubelet/container/cache.go
// (GetNewerThan, getIfNewerThan, UpdateTime), written only by the PLEG (pleg/generic.go Relist:
// updateCache per changed pod, then UpdateTime(timestamp) for all; the evented PLEG, off by
// default in 1.27–1.36, is the only other writer); read by pod_workers.go podWorkerLoop with
// `GetNewerThan(uid, lastSyncTime)`, `lastSyncTime = clock.Now()` after each sync. Read at the
// stored 1.3x commits of cache.go, generic.go and pod_workers.go; the same shape 1.27–1.36.
//
// The PLEG relists the whole node on a fixed period ([0.5]), so a sync after the first one can
// start only at the first relist after the previous sync ended (or at once, when a relist has
// already happened since then).

import { RELIST_PERIOD } from './timing';

/** Times closer than this are the same instant (sums of decimal durations are not exact in binary). */
const SAME_INSTANT = 1e-9;

/** The first PLEG relist strictly after `t` on the node's clock ([0.5]: relists at whole periods). */
export function firstRelistAfter(t: number): number {
  return (Math.floor(t / RELIST_PERIOD + SAME_INSTANT) + 1) * RELIST_PERIOD;
}

/** The last PLEG relist at or before `t` on the node's clock ([0.5]), whose cache entry a sync starting at `t` reads. */
export function lastRelistAtOrBefore(t: number): number {
  return Math.floor(t / RELIST_PERIOD + SAME_INSTANT) * RELIST_PERIOD;
}

/**
 * When a sync requested at `now` may start ([0.6]): at once for the worker's first sync (the cache
 * already holds a relist newer than the zero time), else once a relist newer than the end of the
 * previous sync has written the cache.
 */
export function cacheNewerThan(lastSyncEnd: number | undefined, now: number): number {
  if (lastSyncEnd === undefined) return now;
  return Math.max(now, firstRelistAfter(lastSyncEnd));
}
