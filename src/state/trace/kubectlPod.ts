// Which pod the `kubectl get pod` strip speaks for, and its row at a moment. A lone pod has one
// kubectl line at a time. A Job's pods run side by side, each with its own lines: the strip
// follows the pod the user is looking at (the pod of the selected event, whose lane group is
// highlighted), else the pod the Job controller created last at or before the moment, so the row
// never jumps to another pod because that pod happened to change more recently.

import { humanDuration } from '../../engine/kubectl/humanDuration';
import type { PodKubectlEvent, Trace } from '../../engine/trace';
import { kubectlAt, upperBound } from '../kubectlAt';

/** The pod the strip follows at time t, or undefined for a lone pod's trace. */
export function kubectlPodAt(trace: Trace, t: number, selected: number | null): string | undefined {
  if (!trace.pods || trace.pods.length === 0) return undefined;
  const chosen = selected === null ? undefined : trace.events[selected]?.pod;
  if (chosen !== undefined && trace.pods.some((p) => p.name === chosen)) return chosen;
  let newest = trace.pods[0]!.name;
  for (const p of trace.pods) if (p.start <= t) newest = p.name;
  return newest;
}

const linesCache = new WeakMap<Trace, Map<string | undefined, PodKubectlEvent[]>>();

/** Each pod's kubectl lines in time order (a lone pod's under `undefined`), built once per trace. */
export function kubectlLinesByPod(trace: Trace): Map<string | undefined, PodKubectlEvent[]> {
  let byPod = linesCache.get(trace);
  if (!byPod) {
    byPod = new Map();
    for (const e of trace.events) {
      if (e.type !== 'pod.kubectl') continue;
      const lines = byPod.get(e.pod);
      if (lines) lines.push(e);
      else byPod.set(e.pod, [e]);
    }
    linesCache.set(trace, byPod);
  }
  return byPod;
}

const goneCache = new WeakMap<Trace, Map<string | undefined, number>>();

/**
 * When the pod's object left the API (its pod.gone, a lone pod's under `undefined`), if it did by
 * t: kubectl then finds no pod, and the strip's row is the last it printed ([6.5], [8.2]).
 */
export function podGoneBy(trace: Trace, t: number, pod: string | undefined): number | undefined {
  let byPod = goneCache.get(trace);
  if (!byPod) {
    byPod = new Map();
    for (const e of trace.events) if (e.type === 'pod.gone' && !byPod.has(e.pod)) byPod.set(e.pod, e.t);
    goneCache.set(trace, byPod);
  }
  const gone = byPod.get(pod);
  return gone !== undefined && gone <= t ? gone : undefined;
}

/** The pod's latest kubectl line at or before t (undefined before its first, or if it has none). */
export function kubectlRowOfPod(trace: Trace, t: number, pod: string | undefined): PodKubectlEvent | undefined {
  const lines = kubectlLinesByPod(trace).get(pod);
  if (!lines) return undefined;
  const i = upperBound(lines, t);
  return i > 0 ? lines[i - 1] : undefined;
}

/** The kubectl row the strip shows at t: a lone pod's latest line, or the followed pod's own. */
export function kubectlRowAt(trace: Trace, t: number, selected: number | null): PodKubectlEvent | undefined {
  const pod = kubectlPodAt(trace, t, selected);
  return pod === undefined ? kubectlAt(trace, t) : kubectlRowOfPod(trace, t, pod);
}

/**
 * RESTARTS as `kubectl get pod` prints it at t, from the row showing then: its "(… ago)" counted
 * to t from the row's last restart (a whole second, [14.1]), not frozen at the row's own moment.
 */
export function restartsAt(row: PodKubectlEvent, t: number): string {
  if (row.lastRestartAt === undefined) return row.restarts;
  const count = row.restarts.split(' ')[0];
  return `${count} (${humanDuration(t - row.lastRestartAt)} ago)`;
}
