// The injected events (faults, pod deletions) as handles on the overlay: select with a click or
// Enter, drag sideways to move (rewrites `at:`), remove with the × or the Delete key.

import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { appStore } from '../../state/appStore';
import { moveWritten, removeWritten } from '../../state/commands/selection';
import { MARK_PATH } from './marks';
import type { Mark } from './model';
import { BAR_TOP, type Rows } from './rows';
import { formatSeconds, toTime, toX, visibleMoments, type TimeScale } from './scale';
import { cssZoomOf } from './cssZoom';

interface Handle {
  mark: Mark;
  lane: string;
  y: number;
}

function handles(rows: Rows, scale: TimeScale): Handle[] {
  const out: Handle[] = [];
  for (const lane of rows.lanes) {
    const [lo, hi] = visibleMoments(lane.marks, scale.t0, scale.t1);
    for (let i = lo; i < hi; i++) {
      const m = lane.marks[i]!;
      if (m.kind === 'fault' || m.kind === 'deleted') out.push({ mark: m, lane: lane.name, y: lane.y + BAR_TOP });
    }
  }
  return out;
}

export function FaultHandles({ rows, scale, selected }: { rows: Rows; scale: TimeScale; selected: number | null }) {
  const [drag, setDrag] = useState<{ event: number; x0: number; dx: number } | null>(null);

  const down = (h: Handle) => (e: PointerEvent<SVGGElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ event: h.mark.event, x0: e.clientX, dx: 0 });
  };
  const move = (e: PointerEvent<SVGGElement>) => {
    if (!drag) return;
    e.stopPropagation();
    setDrag({ ...drag, dx: (e.clientX - drag.x0) / cssZoomOf(e.currentTarget) });
  };
  const up = (h: Handle) => (e: PointerEvent<SVGGElement>) => {
    e.stopPropagation();
    if (!drag) return;
    setDrag(null);
    if (Math.abs(drag.dx) < 3) {
      appStore.getState().select(h.mark.event);
      return;
    }
    moveWritten(appStore, h.mark.event, toTime(scale, toX(scale, h.mark.t) + drag.dx));
  };
  const key = (h: Handle) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      removeWritten(appStore, h.mark.event);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      appStore.getState().select(h.mark.event);
    }
  };

  return (
    <g className="fault-handles">
      {handles(rows, scale).map((h) => {
        const dx = drag?.event === h.mark.event ? drag.dx : 0;
        const x = toX(scale, h.mark.t) + dx;
        const isSelected = selected === h.mark.event;
        const name = `${h.mark.label}${h.mark.kind === 'fault' ? ` on ${h.lane}` : ''} at ${formatSeconds(h.mark.t)} s`;
        return (
          <g key={h.mark.event} className={`fault-handle mark-${h.mark.kind}${isSelected ? ' selected' : ''}${dx ? ' dragging' : ''}`}
            transform={`translate(${x},${h.y})`} data-testid="fault" data-event={h.mark.event}>
            <g role="button" tabIndex={0} aria-label={`${name}. Enter selects, drag moves, Delete removes.`}
              onPointerDown={down(h)} onPointerMove={move} onPointerUp={up(h)} onKeyDown={key(h)}>
              <rect className="fault-hit" x={-8} y={-8} width={16} height={16} />
              <path d={MARK_PATH[h.mark.kind]} />
            </g>
            {isSelected && (
              <g className="fault-remove" role="button" tabIndex={0} aria-label={`Remove ${name} from the scenario`}
                data-testid="remove-fault" transform="translate(12,-7)"
                onPointerDown={(e) => e.stopPropagation()}
                onPointerUp={(e) => e.stopPropagation()}
                onClick={(e) => { e.stopPropagation(); removeWritten(appStore, h.mark.event); }}
                onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); removeWritten(appStore, h.mark.event); } }}>
                <circle r={7} />
                <path d="M-3,-3L3,3M3,-3L-3,3" />
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
}
