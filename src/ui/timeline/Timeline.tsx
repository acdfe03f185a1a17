// The timeline panel: React owns the <svg> and its groups, D3 draws inside them. Focusable:
// Home/End jump to the start/end, Left/Right step between events.

import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../state/appStore';
import {
  selectCursorTime, selectCursorToEnd, selectCursorToStart, selectPodName, selectSetCursorTime,
  selectShowingLastGood, selectTrace,
} from '../../state/selectors';
import { eventTimes, layoutTimeline } from './layout';
import { nextEventTime, prevEventTime } from './navigate';
import { renderAxis, renderCursor, renderLanes } from './render';
import { placeRows } from './rows';
import { timeScale } from './scale';
import { TimelinePatterns } from './TimelinePatterns';
import { useCursorDrag } from './useCursorDrag';
import { useWidth } from './useWidth';
import './timeline.css';

const LABEL_WIDTH = 190;
const RIGHT_PAD = 28;

export function Timeline() {
  const trace = useAppStore(selectTrace);
  const podName = useAppStore(selectPodName);
  const cursor = useAppStore(selectCursorTime);
  const showingLastGood = useAppStore(selectShowingLastGood);
  const setCursorTime = useAppStore(selectSetCursorTime);
  const cursorToStart = useAppStore(selectCursorToStart);
  const cursorToEnd = useAppStore(selectCursorToEnd);

  const boxRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const lanesRef = useRef<SVGGElement>(null);
  const cursorRef = useRef<SVGGElement>(null);
  const width = useWidth(boxRef);

  const rows = useMemo(() => (trace ? placeRows(layoutTimeline(trace, podName)) : null), [trace, podName]);
  const times = useMemo(() => (trace ? eventTimes(trace) : []), [trace]);
  const scale = useMemo(() => timeScale(trace?.end ?? 0, LABEL_WIDTH, width - RIGHT_PAD), [trace, width]);
  const drag = useCursorDrag(scale, setCursorTime);

  useEffect(() => {
    if (!rows || !axisRef.current || !lanesRef.current) return;
    renderAxis(axisRef.current, scale);
    renderLanes(lanesRef.current, rows, scale, width);
  }, [rows, scale, width]);

  useEffect(() => {
    if (rows && cursorRef.current) renderCursor(cursorRef.current, scale, cursor, rows.height);
  }, [rows, scale, cursor]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!trace) return;
    const step: Record<string, () => void> = {
      Home: cursorToStart,
      End: cursorToEnd,
      ArrowLeft: () => setCursorTime(prevEventTime(times, cursor)),
      ArrowRight: () => setCursorTime(nextEventTime(times, cursor, trace.end)),
    };
    const action = step[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div
      ref={boxRef}
      className={`timeline${showingLastGood ? ' timeline-last-good' : ''}`}
      data-testid="timeline"
      tabIndex={0}
      role="group"
      aria-label="Pod timeline. Home and End jump to the start and end, Left and Right step between events."
      onKeyDown={onKeyDown}
    >
      {showingLastGood && <p className="timeline-note">The text has errors: showing the last valid scenario.</p>}
      {!trace && <p className="timeline-empty">The timeline appears once the scenario is valid.</p>}
      <svg
        className="timeline-svg"
        width={width}
        height={rows?.height ?? 0}
        role="img"
        aria-label="Timeline of the pod and its containers"
        {...drag}
      >
        <TimelinePatterns />
        <g className="axis" ref={axisRef} />
        <g className="lanes" ref={lanesRef} />
        <g className="cursor" ref={cursorRef} />
      </svg>
    </div>
  );
}
