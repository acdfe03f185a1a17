// What the pod's conditions read of the container statuses ([7.1]–[7.4]; kubelet/conditions.ts,
// which follows the kubelet's status generation, pkg/kubelet/status/generate.go, 1.27-1.36): for
// each container, at its position, its name, `ready`, `started` and whether its state is running
// or terminated. Never the restart count, a reason, an exit code, the image or the times. A status
// write whose lists differ only elsewhere (a crash loop's Error and CrashLoopBackOff writes, a new
// restart count) keeps the conditions and their whys already computed (issue 16).

import type { ContainerStatus } from '../api';
import type { ExplainedCondition } from '../kubelet/conditions';
import type { PhaseStatuses } from '../kubelet/getPhase';
import { sameByPosition } from './sameByPosition';
import type { Remembered } from './statusManager';

/**
 * Whether the remembered conditions hold for these lists and other inputs: the very lists, or
 * lists the conditions cannot tell apart from them (the memo then takes the new lists).
 */
export function conditionsStillHold(memo: Remembered<ExplainedCondition[]> | undefined, st: PhaseStatuses, key: string | number): memo is Remembered<ExplainedCondition[]> {
  if (memo === undefined || memo.key !== key) return false;
  if (memo.init === st.initContainerStatuses && memo.main === st.containerStatuses) return true;
  if (!sameByPosition(memo.init, st.initContainerStatuses, sameConditionItem) || !sameByPosition(memo.main, st.containerStatuses, sameConditionItem)) return false;
  memo.init = st.initContainerStatuses;
  memo.main = st.containerStatuses;
  return true;
}

function sameConditionItem(x: ContainerStatus, y: ContainerStatus): boolean {
  return x.name === y.name && x.ready === y.ready && x.started === y.started
    && (x.state.running === undefined) === (y.state.running === undefined)
    && (x.state.terminated === undefined) === (y.state.terminated === undefined);
}
