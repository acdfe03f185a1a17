// [8.16] The node shutdown manager's priority groups, as the kubelet builds them and puts a pod in
// one. Read: pkg/kubelet/nodeshutdown/nodeshutdown_manager_linux.go NewManager, migrateConfig,
// groupByPriority (the 1.27-1.30-era copy, library id 30271111, and a newer one, id 507332751) and
// the 1.32+ nodeshutdown_manager.go newPodManager, migrateConfig, groupByPriority (commit 09469950):
// - with the gate GracefulNodeShutdownBasedOnPodPriority on and shutdownGracePeriodByPodPriority
//   not empty, its entries are the groups; otherwise migrateConfig makes two of shutdownGracePeriod
//   and shutdownGracePeriodCriticalPods: {priority 0, the difference} and {2000000000, the rest}
//   (none when shutdownGracePeriod is 0: graceful shutdown is off);
// - the entries are sorted by priority, low to high (sort.Slice: a list this short is sorted by
//   insertion, which keeps equal priorities in the order written);
// - a pod goes to the highest entry at or below its priority (sort.Search for the first entry >= it,
//   one back when that entry is above it); below every entry, to the lowest; above, to the highest.

import type { KubeletConfig } from '../scenario/types';
import type { FeatureGates } from '../version';
import { SYSTEM_CRITICAL_PRIORITY } from './eviction';

/** The node shutdown settings shutdownNode uses when the scenario's kubelet sets none (the documentation's example). */
export const DEFAULT_SHUTDOWN_GRACE = 30;
export const DEFAULT_SHUTDOWN_GRACE_CRITICAL = 10;

export interface ShutdownPeriod {
  priority: number;
  /** The group's window, seconds. */
  seconds: number;
  /** The entry's index in shutdownGracePeriodByPodPriority as written; undefined for migrateConfig's groups. */
  written?: number;
}

export interface ShutdownPlan {
  /** Where the groups come from: the list, or migrateConfig of the two older settings. */
  source: 'byPodPriority' | 'migrated';
  /** Sorted low to high; empty: graceful node shutdown is off. */
  periods: ShutdownPeriod[];
  /** migrated only: shutdownGracePeriod (the whole shutdown), as the older settings give it. */
  total?: number;
}

/** The groups the kubelet's shutdown manager would build from its configuration (NewManager). */
export function shutdownPlan(kubelet: KubeletConfig, gates: FeatureGates): ShutdownPlan {
  const list = kubelet.shutdownGracePeriodByPodPriority ?? [];
  if (gates.GracefulNodeShutdownBasedOnPodPriority && list.length > 0) {
    const periods = list.map((e, i) => ({ priority: e.priority, seconds: Math.max(0, e.shutdownGracePeriodSeconds), written: i }));
    return { source: 'byPodPriority', periods: sortByPriority(periods) };
  }
  const total = kubelet.shutdownGracePeriod ?? DEFAULT_SHUTDOWN_GRACE;
  return { source: 'migrated', periods: migrateConfig(kubelet, total), total };
}

/** migrateConfig: two groups, regular pods then critical pods; none when shutdownGracePeriod is 0. */
function migrateConfig(kubelet: KubeletConfig, total: number): ShutdownPeriod[] {
  if (total === 0) return [];
  // The engine's default of 10 s never exceeds a short shutdownGracePeriod (a kubelet refuses a larger one).
  const critical = Math.min(kubelet.shutdownGracePeriodCriticalPods ?? DEFAULT_SHUTDOWN_GRACE_CRITICAL, total);
  return [{ priority: 0, seconds: total - critical }, { priority: SYSTEM_CRITICAL_PRIORITY, seconds: critical }];
}

/** A stable sort by priority, low to high (insertion sort, as Go's sort.Slice does for up to 12 entries). */
function sortByPriority(periods: ShutdownPeriod[]): ShutdownPeriod[] {
  const out: ShutdownPeriod[] = [];
  for (const p of periods) {
    let i = out.length;
    while (i > 0 && out[i - 1]!.priority > p.priority) i--;
    out.splice(i, 0, p);
  }
  return out;
}

/** groupByPriority's choice for a pod of `priority`: the index of its group in the sorted periods. */
export function groupIndex(periods: readonly ShutdownPeriod[], priority: number): number {
  let index = periods.findIndex((p) => p.priority >= priority); // sort.Search
  if (index === -1) return periods.length - 1; // above every entry: the highest
  if (index > 0 && periods[index]!.priority > priority) index--; // between two: the lower one
  return index; // at an entry: that one; below every entry: the lowest (index 0)
}

/** periodRequested: what the manager asks logind to hold the shutdown for, the sum of the windows. */
export function periodRequested(plan: ShutdownPlan): number {
  return plan.periods.reduce((sum, p) => sum + p.seconds, 0);
}

/** Why the pod's group is this entry, in words ([8.16], byPodPriority only). */
export function whyThisEntry(periods: readonly ShutdownPeriod[], index: number, priority: number): string {
  const entry = periods[index]!;
  if (entry.priority === priority) return 'its priority is the entry\'s';
  if (priority < entry.priority) return 'its priority is below every entry, so the lowest takes it';
  const next = periods[index + 1];
  return next ? `the highest entry at or below its priority, under the next one, ${next.priority}` : 'its priority is above every entry, so the highest takes it';
}
