// The selected event, ringed, with arrows from what caused it (dashed, orange) and to what it
// caused (solid, blue): causality.ts read on the drawn timeline.

import type { Trace } from '../../engine/trace';
import type { CausalLinks } from '../../state/trace/causality';
import { eventAnchor } from './hitTest';
import type { Rows } from './rows';
import type { TimeScale } from './scale';

export function CausalityOverlay({ trace, causality, rows, scale, selected }: {
  trace: Trace; causality: CausalLinks; rows: Rows; scale: TimeScale; selected: number | null;
}) {
  const e = selected === null ? undefined : trace.events[selected];
  if (selected === null || !e) return null;
  const at = eventAnchor(rows, scale, e);
  if (!at) return null;
  const link = (j: number, kind: 'cause' | 'effect') => {
    const other = trace.events[j];
    const p = other && eventAnchor(rows, scale, other);
    if (!p) return null;
    const [from, to] = kind === 'cause' ? [p, at] : [at, p];
    const midX = (from.x + to.x) / 2;
    const bend = Math.abs(from.y - to.y) < 2 ? -18 : 0;
    return (
      <g key={`${kind}-${j}`} className={`causal causal-${kind}`} data-event={j}>
        <path className="causal-link" d={`M${from.x},${from.y}Q${midX},${(from.y + to.y) / 2 + bend} ${to.x},${to.y}`} markerEnd={`url(#tl-arrow-${kind})`} />
        <circle className="causal-ring" cx={p.x} cy={p.y} r={7} />
      </g>
    );
  };
  // Arrows from events out of view are clipped at the plot's edges, not drawn over the lane names.
  const clipId = 'tl-causal-clip';
  return (
    <g className="causality" data-selected={selected} clipPath={`url(#${clipId})`}>
      <defs>
        <clipPath id={clipId}>
          <rect x={scale.x0 - 8} y={0} width={Math.max(0, scale.x1 - scale.x0) + 16} height={rows.height} />
        </clipPath>
        {(['cause', 'effect'] as const).map((k) => (
          <marker key={k} id={`tl-arrow-${k}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0L8,4L0,8Z" className={`causal-arrow-${k}`} />
          </marker>
        ))}
      </defs>
      {causality.causesOf(selected).map((j) => link(j, 'cause'))}
      {causality.effectsOf(selected).map((j) => link(j, 'effect'))}
      <circle className="causal-selected" cx={at.x} cy={at.y} r={8} />
    </g>
  );
}
