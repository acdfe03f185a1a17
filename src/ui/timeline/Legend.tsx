// What the colours, textures and shapes mean: the same classes and glyphs the timeline uses.

import { MARK_NAME, MARK_PATH, STROKE_ONLY } from './marks';
import type { BarTone, MarkKind } from './model';

export const LEGEND_BARS: [BarTone, string][] = [
  ['waiting', 'waiting'], ['backoff', 'back-off'], ['running', 'running'], ['started', 'started'], ['ready', 'ready'],
  ['awaiting-turn', 'sidecar awaiting its turn'], ['terminating', 'terminating'], ['exited-ok', 'exited 0'], ['exited-error', 'exited ≠ 0'],
];
export const LEGEND_MARKS: MarkKind[] = ['probe-ok', 'probe-miss', 'probe-fail', 'kill', 'signal', 'sigkill', 'exit', 'fault', 'deleted', 'scheduled'];

/** The marks a trace may draw besides the usual ones, each explained only when it is drawn. */
export interface OptionalMarks {
  /** The trace was cut short by the budget. */
  truncated?: boolean;
  /** A pod sandbox was killed and re-created. */
  sandboxChanged?: boolean;
  /** A probe run errored instead of answering ([5.14]). */
  probeErrored?: boolean;
}

/** The legend's marks, in order: the usual ones, then those this trace draws. */
export function legendMarks({ truncated = false, sandboxChanged = false, probeErrored = false }: OptionalMarks = {}): MarkKind[] {
  const extra: MarkKind[] = [];
  if (probeErrored) extra.push('probe-error');
  if (sandboxChanged) extra.push('sandbox');
  if (truncated) extra.push('truncated');
  return extra.length ? [...LEGEND_MARKS, ...extra] : LEGEND_MARKS;
}

export function Legend(optional: OptionalMarks = {}) {
  const marks = legendMarks(optional);
  return (
    <div className="legend" role="group" aria-label="Legend">
      <ul className="legend-list">
        {LEGEND_BARS.map(([tone, label]) => (
          <li key={tone}>
            <svg width="18" height="12" aria-hidden="true"><rect className={`bar tone-${tone}`} x="0.5" y="0.5" width="17" height="11" rx="2" /></svg>
            {label}
          </li>
        ))}
        <li>
          <svg width="18" height="12" aria-hidden="true"><rect className="bar attempt-odd tone-running" x="0.5" y="0.5" width="17" height="11" rx="2" /></svg>
          restart (dashed)
        </li>
        <li><svg width="18" height="12" aria-hidden="true"><rect className="hook hook-postStart" x="0" y="3" width="18" height="6" rx="2" /></svg>postStart</li>
        <li><svg width="18" height="12" aria-hidden="true"><rect className="hook hook-preStop" x="0" y="3" width="18" height="6" rx="2" /></svg>preStop</li>
        {marks.map((k) => (
          <li key={k} className={`legend-mark mark-${k}`}>
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <path d={MARK_PATH[k]} style={{ fill: STROKE_ONLY.has(k) ? 'none' : `var(--mark-${k}-fill, var(--surface))`, stroke: `var(--mark-${k}-stroke, var(--mark-stroke))`, strokeWidth: STROKE_ONLY.has(k) ? 2 : 1.3 }} />
            </svg>
            {MARK_NAME[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}
