// Two container status lists alike for one reader: the same containers at the same positions, each
// pair equal in what that reader looks at (`sameItem`). The very same list, or the very same
// status object at a position, is alike without asking. Used by the views that let a status write
// keep what it does not change (phaseView.ts for getPhase, rowView.ts for kubectl's row).

import type { ContainerStatus } from '../api';

export function sameByPosition(a: readonly ContainerStatus[], b: readonly ContainerStatus[], sameItem: (x: ContainerStatus, y: ContainerStatus) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && !sameItem(x, y)) return false;
  }
  return true;
}
