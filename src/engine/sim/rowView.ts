// What the compared columns of `kubectl get pod` (READY, STATUS, the RESTARTS count) read of the
// container statuses ([14.1]–[14.3]; kubectl/printPod.ts, after printers.go printPod): each
// container's name and position, restart count, ready and started flags, which state it is in,
// its waiting reason and its termination (exit code, reason, signal). Not the image, the times
// or the last termination (that only dates RESTARTS' age, which is no change of the row). Two
// status lists equal in this view print the same compared columns, so the row is not printed
// again (issue 16: a started flag of a main container, say, changes nothing the row shows).

import type { ContainerState, ContainerStatus } from '../api';
import { sameByPosition } from './sameByPosition';

export function sameRowView(a: readonly ContainerStatus[], b: readonly ContainerStatus[]): boolean {
  return sameByPosition(a, b, sameRowItem);
}

function sameRowItem(x: ContainerStatus, y: ContainerStatus): boolean {
  return x.name === y.name && x.restartCount === y.restartCount && x.ready === y.ready && x.started === y.started
    && sameStateForRow(x.state, y.state);
}

function sameStateForRow(x: ContainerState, y: ContainerState): boolean {
  if ((x.running === undefined) !== (y.running === undefined)) return false;
  if ((x.waiting === undefined) !== (y.waiting === undefined) || x.waiting?.reason !== y.waiting?.reason) return false;
  const a = x.terminated;
  const b = y.terminated;
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.exitCode === b.exitCode && a.reason === b.reason && a.signal === b.signal;
}
