// A selected event of a pod the drawing budget left out (chosen from the events list, a link or
// a step): the timeline picks that pod, so the selection is drawn.

import { useEffect } from 'react';
import type { Trace } from '../../engine/trace';
import type { Rows } from './rows';

export function usePodOfSelection(trace: Trace | null, rows: Rows | null, selected: number | null, pick: (index: number) => void): void {
  useEffect(() => {
    if (!trace?.pods || !rows?.pods || selected === null) return;
    const pod = trace.events[selected]?.pod;
    if (pod === undefined || rows.lanes.some((l) => l.kind === 'pod' && l.name === pod)) return;
    const index = trace.pods.findIndex((p) => p.name === pod);
    if (index >= 0) pick(index);
  }, [trace, rows, selected, pick]);
}
