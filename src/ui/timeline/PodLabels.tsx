// A Job's pod names in the timeline's label column, as buttons over the drawn names: a click, or
// Enter or Space, selects that pod the way clicking anything in its lanes does, so the kubectl
// row, why STATUS? and kubectl -w follow it (the event selected: state/trace/podSelection.ts).
// The followed pod's name is marked (aria-current).

import type { Trace } from '../../engine/trace';
import { appStore, useAppStore } from '../../state/appStore';
import { selectCursorTime, selectKubectlPod } from '../../state/selectors';
import { podSelectionAt } from '../../state/trace/podSelection';
import { BAR_HEIGHT, BAR_TOP, type Rows } from './rows';

/** Selects `pod` at the cursor: its kubectl line there, or its first event. */
function selectPod(trace: Trace, pod: string): void {
  const s = appStore.getState();
  const index = podSelectionAt(trace, pod, selectCursorTime(s));
  if (index !== null) s.select(index);
}

export function PodLabels({ trace, rows, labelWidth }: { trace: Trace; rows: Rows; labelWidth: number }) {
  const followed = useAppStore(selectKubectlPod);
  return (
    <div className="pod-labels">
      {rows.lanes.filter((lane) => lane.kind === 'pod').map((lane) => (
        <button
          key={lane.name}
          type="button"
          className="pod-label"
          data-testid="pod-label"
          data-pod={lane.name}
          aria-current={followed === lane.name ? 'true' : undefined}
          aria-label={`Pod ${lane.name}: select it, and the kubectl row follows it`}
          title={followed === lane.name ? `The kubectl row follows ${lane.name}` : `Select ${lane.name}: the kubectl row follows it`}
          style={{ top: lane.y + BAR_TOP - 2, height: BAR_HEIGHT + 4, width: Math.max(24, labelWidth - 8) }}
          onClick={() => selectPod(trace, lane.name)}
        />
      ))}
    </div>
  );
}
