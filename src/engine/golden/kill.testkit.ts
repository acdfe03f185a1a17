// What the golden cases of the kubelet's own kills share ([8.15] eviction, [8.16] node shutdown):
// a run at a minor (1.28 turns SidecarContainers on for a pod with a sidecar), and the trace read as
// rows, signals, the terminal phase, power-offs, evictions, status writes and DisruptionTarget flips.

import { at, events } from './issues/issues.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

export function run(workload: string, sim: string, v: KubeVersion): Trace {
  const gates = v === '1.28' && workload.includes('restartPolicy: Always') ? 'featureGates:\n  SidecarContainers: true\n' : '';
  return at(workload, `${gates}${sim}`, v);
}

/** Each `kubectl get pod` row as [t, READY, STATUS]. */
export const rows = (t: Trace) => events(t, 'pod.kubectl').map((e) => [e.t, e.ready, e.status]);
/** A container's signals as [signal, t]. */
export const signals = (t: Trace, c: string) => events(t, 'container.signal', c).map((e) => [e.signal, e.t]);
/** The first pod.phase event with a terminal phase. */
export const terminal = (t: Trace) => events(t, 'pod.phase').find((e) => e.phase === 'Failed' || e.phase === 'Succeeded');
/** When the node powered off. */
export const powerOff = (t: Trace) => t.events.filter((e) => e.type === 'node.poweredOff').map((e) => e.t);
/** Each eviction as [t, whether the kubelet recorded Warning Evicted]. */
export const evictions = (t: Trace) => t.events.filter((e) => e.type === 'node.eviction').map((e) => [e.t, 'message' in e && e.message !== undefined]);
/** A container's last written status. */
export const lastWrite = (t: Trace, c: string) => (t.statusWrites ?? []).filter((w) => w.container === c).at(-1);
/** DisruptionTarget flips as [t, status, reason]. */
export const disruption = (t: Trace) => events(t, 'pod.condition').filter((e) => e.condition === 'DisruptionTarget').map((e) => [e.t, e.status, e.reason]);
