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
  const memo = memos.get(sim);
  if (memo !== undefined && !isFullRecompute() && memo.tablesVersion === tablesVersion && memo.initContainers === input.initContainers
    && memo.containers === input.containers && memo.deleted === input.deleted && memo.sandboxReady === input.sandboxReady
    && memo.sandboxAttempt === input.sandboxAttempt) return memo.plan;
  const plan = computePodActions(input);
  memos.set(sim, {
    tablesVersion, initContainers: input.initContainers, containers: input.containers, deleted: input.deleted,
    sandboxReady: input.sandboxReady, sandboxAttempt: input.sandboxAttempt, plan,
  });
  return plan;
}
