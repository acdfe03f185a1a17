// What every golden test from a kubernetes/kubernetes report needs: the report's workload run at
// a minor, its events of a type (of a container), and the first one's time.

import { expect } from 'vitest';
import { runScenario } from '../../run';
import type { Trace, TraceEvent } from '../../trace';
import type { KubeVersion } from '../../version';

/** The workload with a Simulation document (`sim`: its lines after the version) at minor `v`; its problems may not include an error. */
export function at(workload: string, sim: string, v: KubeVersion): Trace {
  const text = `${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${sim}`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

/** The trace's events of a type, of one container when `container` is given. */
export function events<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> =>
    e.type === type && (container === undefined || ('container' in e && e.container === container)));
}

/** The time of the first such event after `after` (any time by default); there must be one. */
export function first(trace: Trace, type: TraceEvent['type'], container?: string, after = -Infinity): number {
  const t = events(trace, type, container).map((e) => e.t).find((x) => x > after);
  expect(t, `${type} of ${container ?? 'pod'} after ${after}s`).toBeDefined();
  return t!;
}
