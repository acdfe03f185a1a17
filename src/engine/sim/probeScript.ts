// [15.4] An exec probe whose answer follows from the container's own script
// (scenario/probeCommand.ts probeWindows, e.g. `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy`
// under a `cat /tmp/healthy` probe): the stretch a run at time t falls in, counted from the
// container's start, and the next moment the answer may change.

import type { ProbeSpec, ProbeWindow } from '../scenario/types';
import type { Instance } from './model';

/** Times closer than this are the same instant. */
const SAME_INSTANT = 1e-9;

/** The script's stretch that holds time t of this run of the container, if the script decides the answer then. */
export function scriptWindowAt(spec: ProbeSpec, inst: Instance, t: number): ProbeWindow | undefined {
  const windows = spec.windows;
  if (windows === undefined || inst.startedAt === undefined) return undefined;
  const since = t - inst.startedAt;
  for (const w of windows) if (since >= w.from - SAME_INSTANT && since < w.to - SAME_INSTANT) return w;
  return undefined;
}

/** The first moment after t when a stretch of the script begins or ends, or undefined. */
export function nextScriptEdge(spec: ProbeSpec, inst: Instance, t: number): number | undefined {
  const windows = spec.windows;
  if (windows === undefined || inst.startedAt === undefined) return undefined;
  let next: number | undefined;
  for (const w of windows) {
    for (const edge of [w.from, w.to]) {
      const at = inst.startedAt + edge;
      if (Number.isFinite(at) && at > t + SAME_INSTANT && (next === undefined || at < next)) next = at;
    }
  }
  return next;
}
