// Above a Job's timeline when the drawing budget left pods out (drawBudget.ts): says how many are
// drawn, and picks a pod to draw with the ones after it ("show pods from #1200").

import { useId } from 'react';
import { DRAW_BUDGET } from './drawBudget';
import type { PodsDrawn } from './model';

export function PodPicker({ pods, onPick }: { pods: PodsDrawn; onPick: (index: number | null) => void }) {
  const id = useId();
  if (pods.drawn >= pods.total) return null;
  const picked = pods.picked === null ? null : Math.min(pods.picked, pods.total - DRAW_BUDGET.pickedPods);
  return (
    <div className="timeline-pods" data-testid="pod-picker">
      <span>
        Drawing {pods.drawn.toLocaleString('en-US')} of {pods.total.toLocaleString('en-US')} pods: the first {DRAW_BUDGET.firstPods}
        {picked !== null && <>, #{(picked + 1).toLocaleString('en-US')} to #{(picked + DRAW_BUDGET.pickedPods).toLocaleString('en-US')}</>}
        {' '}and the last {DRAW_BUDGET.lastPods}.
      </span>
      <label htmlFor={id}>Show pods from #</label>
      <input
        id={id}
        type="number"
        min={1}
        max={pods.total}
        step={1}
        inputMode="numeric"
        placeholder={String(DRAW_BUDGET.firstPods + 1)}
        defaultValue={pods.picked === null ? '' : pods.picked + 1}
        onChange={(e) => {
          const n = e.currentTarget.valueAsNumber;
          if (e.currentTarget.value === '') onPick(null);
          else if (Number.isInteger(n) && n >= 1 && n <= pods.total) onPick(n - 1);
        }}
      />
    </div>
  );
}
