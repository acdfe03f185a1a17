// Axis ticks in the unit a reader expects for the visible span: seconds for a few minutes, then
// minutes, hours and days, each on round values of that unit (not 1500000 s).

import { niceTicks } from './niceTicks';

export interface TimeTicks {
  values: number[];
  format: (t: number) => string;
}

const UNITS: { seconds: number; name: string; from: number }[] = [
  { seconds: 86400, name: 'd', from: 3 * 86400 },
  { seconds: 3600, name: 'h', from: 3 * 3600 },
  { seconds: 60, name: 'min', from: 5 * 60 },
];

/** About `count` ticks between t0 and t1 (seconds), on round values of the span's unit. */
export function timeTicks(t0: number, t1: number, count: number): TimeTicks {
  const unit = UNITS.find((u) => t1 - t0 >= u.from) ?? { seconds: 1, name: 's', from: 0 };
  const values = niceTicks(t0 / unit.seconds, t1 / unit.seconds, count).map((v) => v * unit.seconds);
  const format = (t: number) => `${Math.round((t / unit.seconds) * 1000) / 1000} ${unit.name}`;
  return { values, format };
}
