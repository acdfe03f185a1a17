// The plan of a sync whose input is the previous sync's ([0.1], computePodActions in
// kuberuntime_manager.go, read at the 1.28-1.33 stored versions: it only reads its input). Issue
// 16: a container in CrashLoopBackOff is synced again and again (each requeue, [4.6]) with the same
// runtime view, probe results and sandbox; computePodActions is pure and nothing modifies a plan,
// so the plan of an equal input is the previous plan itself. The input is equal when its spec
// lists are the very same arrays, its flags are equal and the runtime tables did not change
// (runtimeView.ts counts their changes); everything else in it is the pod's, fixed for the run.

import { computePodActions, type PodActions } from '../kubelet/computePodActions';
import type { PodActionsInput } from '../kubelet/podActionsTypes';
import { isFullRecompute } from './changedSet';
import type { PodSim } from './podSim';
import { runtimeTablesVersion } from './runtimeView';

interface PlanMemo {
  tablesVersion: number;
  initContainers: PodActionsInput['initContainers'];
  containers: PodActionsInput['containers'];
  deleted: boolean;
  sandboxReady: boolean;
  sandboxAttempt: number;
  plan: PodActions;
}

const memos = new WeakMap<PodSim, PlanMemo>();

/** computePodActions(input) for this pod's sync, `input` built by actionsInput (sync.ts) just before. */
export function plannedActions(sim: PodSim, input: PodActionsInput): PodActions {
  const tablesVersion = runtimeTablesVersion(sim);
  const reused = previousPlan(sim, input.initContainers, input.containers, input.deleted, input.sandboxReady, input.sandboxAttempt);
  if (reused !== undefined) return reused;
  const plan = computePodActions(input);
  memos.set(sim, {
    tablesVersion, initContainers: input.initContainers, containers: input.containers, deleted: input.deleted,
    sandboxReady: input.sandboxReady, sandboxAttempt: input.sandboxAttempt, plan,
  });
  return plan;
}

/**
 * The previous plan, when the input actionsInput would build now is equal to its input: the same
 * spec lists, flags and runtime tables (refilled just before, runtimeTables). A sync checks this
 * before it builds the input, so a requeue in back-off builds none.
 */
export function previousPlan(
  sim: PodSim, initContainers: PodActionsInput['initContainers'], containers: PodActionsInput['containers'],
  deleted: boolean, sandboxReady: boolean, sandboxAttempt: number,
): PodActions | undefined {
  const memo = memos.get(sim);
  if (memo !== undefined && !isFullRecompute() && memo.tablesVersion === runtimeTablesVersion(sim) && memo.initContainers === initContainers
    && memo.containers === containers && memo.deleted === deleted && memo.sandboxReady === sandboxReady
    && memo.sandboxAttempt === sandboxAttempt) return memo.plan;
  return undefined;
}
