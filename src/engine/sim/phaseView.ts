// What getPhase reads of the container statuses ([6.1]–[6.6]; kubelet/getPhase.ts `tally`, which
// follows kubelet_pods.go getPhase, 1.27-1.36): for each container which of running, terminated
// and waiting its state holds, the exit code and reason of its current and last termination, and
// `started` (a sidecar's counts, [6.1]). Never `ready`, the restart count, the image or the times.
// A status write whose lists differ only elsewhere (a readiness flip, most often) keeps the phase
// and its explanation already computed (issue 16: the phase costs what changed).

import type { ContainerState, ContainerStatus } from '../api';
import type { PhaseExplanation, PhaseStatuses } from '../kubelet/getPhase';
import { sameByPosition } from './sameByPosition';
import type { Remembered } from './statusManager';

/**
 * Whether the remembered phase holds for these lists and other inputs: the very lists, or lists
 * getPhase cannot tell apart from them (the memo then takes the new lists, so the next write
 * compares with these).
 */
export function phaseStillHolds(memo: Remembered<PhaseExplanation> | undefined, st: PhaseStatuses, key: string | number): memo is Remembered<PhaseExplanation> {
  if (memo === undefined || memo.key !== key) return false;
  if (memo.init === st.initContainerStatuses && memo.main === st.containerStatuses) return true;
  if (!samePhaseView(memo.init, st.initContainerStatuses) || !samePhaseView(memo.main, st.containerStatuses)) return false;
  memo.init = st.initContainerStatuses;
  memo.main = st.containerStatuses;
  return true;
}

/** Two status lists getPhase cannot tell apart: the same containers at the same positions, each with the same phase view. */
export function samePhaseView(a: readonly ContainerStatus[], b: readonly ContainerStatus[]): boolean {
  return sameByPosition(a, b, samePhaseItem);
}

function samePhaseItem(x: ContainerStatus, y: ContainerStatus): boolean {
  return x.name === y.name && x.started === y.started && sameStateView(x.state, y.state) && sameTermination(x.lastState, y.lastState);
}

function sameStateView(x: ContainerState, y: ContainerState): boolean {
  return (x.running === undefined) === (y.running === undefined) && (x.waiting === undefined) === (y.waiting === undefined)
    && sameTermination(x, y);
}

/** The same terminated-or-not, and when terminated the same exit code and reason. */
function sameTermination(x: ContainerState, y: ContainerState): boolean {
  const a = x.terminated;
  const b = y.terminated;
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.exitCode === b.exitCode && a.reason === b.reason;
}
