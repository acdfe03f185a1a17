// What happened under the pointer: the event, its details and its `why`. Text only: scenario
// strings (names, reasons) are rendered as text nodes, never as HTML.

import type { TraceEvent } from '../../engine/trace';
import { eventDetail, eventTitle } from './eventText';

export function Tooltip({ event, x, y, width }: { event: TraceEvent; x: number; y: number; width: number }) {
  const left = Math.min(x + 14, Math.max(8, width - 340));
  return (
    <div className="timeline-tooltip" role="tooltip" data-testid="tooltip" style={{ left, top: y + 16 }}>
      <p className="tooltip-title">{eventTitle(event)}</p>
      {eventDetail(event) && <p className="tooltip-detail">{eventDetail(event)}</p>}
      <p className="tooltip-why" data-testid="tooltip-why">{event.why}</p>
    </div>
  );
}
