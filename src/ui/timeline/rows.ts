// Vertical placement: an axis band, then for each group a header row and its lanes.

import type { Lane, LaneGroup, TimelineLayout } from './model';

export const AXIS_HEIGHT = 28;
export const GROUP_HEADER_HEIGHT = 22;
export const LANE_HEIGHT = 30;
export const BAR_INSET = 5;
export const BOTTOM_PAD = 8;

export interface PlacedLane extends Lane {
  y: number;
}

export interface PlacedGroup {
  label: string;
  kind: LaneGroup['kind'];
  y: number;
}

export interface Rows {
  lanes: PlacedLane[];
  headers: PlacedGroup[];
  height: number;
}

export function placeRows(layout: TimelineLayout): Rows {
  const lanes: PlacedLane[] = [];
  const headers: PlacedGroup[] = [];
  let y = AXIS_HEIGHT;
  for (const g of layout.groups) {
    headers.push({ label: g.label, kind: g.kind, y });
    y += GROUP_HEADER_HEIGHT;
    for (const lane of g.lanes) {
      lanes.push({ ...lane, y });
      y += LANE_HEIGHT;
    }
  }
  return { lanes, headers, height: y + BOTTOM_PAD };
}

/** Cuts a label to a number of characters, with an ellipsis. */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? '…' : `${text.slice(0, maxChars - 1)}…`;
}
