// The overlay's parts drawn in React at the view's scale: the injected-event handles, the
// selection's cause/effect arrows and the observed/simulated boundary. Only this small part
// re-renders at a pan or zoom frame, and only when it has something to draw (issue 16).

import { useMemo } from 'react';
import type { Trace } from '../../engine/trace';
import { useAppStore } from '../../state/appStore';
import type { CausalLinks } from '../../state/trace/causality';
import { lazyPart } from '../app/lazyPart';
import type { CausalityOverlayProps, FaultHandlesProps, ObservedBoundaryProps } from './lazyPartsProps';
import type { Rows } from './rows';
import type { ScaleOf } from './viewScale';

// Drawn only when the trace has them (faults, a selection, an observed past): their code arrives
// after the first frame (issue 16).
const CausalityOverlay = lazyPart<typeof import('./CausalityOverlay'), CausalityOverlayProps>(() => import('./CausalityOverlay'), 'CausalityOverlay', { part: 'the selected event\'s cause arrows' });
const FaultHandles = lazyPart<typeof import('./FaultHandles'), FaultHandlesProps>(() => import('./FaultHandles'), 'FaultHandles', { part: 'the handles of the injected events' });
const ObservedBoundary = lazyPart<typeof import('./ObservedBoundary'), ObservedBoundaryProps>(() => import('./ObservedBoundary'), 'ObservedBoundary', { part: 'the observed-to-simulated boundary' });

/** Whether any lane shows an injected event (a fault or a pod deletion), which gets a handle. */
export function hasInjectedMarks(rows: Rows): boolean {
  return rows.lanes.some((lane) => lane.marks.some((m) => m.kind === 'fault' || m.kind === 'deleted'));
}

export function ViewParts({ trace, rows, scaleOf, readOnly, selected, causality }: {
  trace: Trace; rows: Rows; scaleOf: ScaleOf; readOnly: boolean; selected: number | null; causality: CausalLinks | null;
}) {
  const handles = useMemo(() => !readOnly && hasInjectedMarks(rows), [readOnly, rows]);
  const arrows = causality !== null && selected !== null;
  const boundary = trace.observedUntil !== undefined;
  const drawn = handles || arrows || boundary;
  // Subscribed to the view only while something here follows it.
  const view = useAppStore((s) => (drawn ? s.view : null));
  const scale = useMemo(() => (drawn ? scaleOf(view) : null), [drawn, scaleOf, view]);
  if (!scale) return null;
  return (
    <>
      {handles && <FaultHandles rows={rows} scale={scale} selected={selected} />}
      {arrows && <CausalityOverlay trace={trace} causality={causality} rows={rows} scale={scale} selected={selected} />}
      {trace.observedUntil !== undefined && <ObservedBoundary at={trace.observedUntil} scale={scale} height={rows.height} />}
    </>
  );
}
