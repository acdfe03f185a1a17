// The pod's own lane: its phase over time; under it the four conditions as thin rows and the
// `kubectl get pod` STATUS; marks for the moments that concern the whole pod.

import type { PodConditionType, PodPhase, TraceEvent } from '../../engine/trace';
import type { Bar, BarTone, Lane, Mark, SubRow } from './model';
import { forEachEvent, SegmentBuilder } from './segments';

export const CONDITIONS: readonly PodConditionType[] = ['PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'];
export const STATUS_ROW = 'STATUS';
/** The row of the kubelet's absences (down for a restart, the node powered off), drawn only when there is one. */
export const KUBELET_ROW = 'KUBELET';

const PHASE_TONE: Record<PodPhase, BarTone> = {
  Pending: 'phase-pending',
  Running: 'phase-running',
  Succeeded: 'phase-succeeded',
  Failed: 'phase-failed',
};

/** A colour family for a kubectl STATUS; the text itself always says it. */
export function statusTone(status: string): BarTone {
  if (status === 'Running' || status === 'Completed') return 'status-good';
  if (/Error|BackOff|Failed|OOMKilled|Err|Unknown/.test(status)) return 'status-bad';
  return 'status-pending';
}

/** When the pod object disappears (pod.gone), or the trace's end. */
export function podGoneAt(events: readonly TraceEvent[], end: number): number {
  for (const e of events) if (e.type === 'pod.gone') return Math.min(e.t, end);
  return end;
}

/** The pod lane; its bars end at `until` (see podGoneAt). `only`: the indices of the events to read (a Job's pod's own, or a lone pod's events of no container). */
export function podLane(podName: string, events: readonly TraceEvent[], until: number, only?: readonly number[]): Lane {
  const bars = new SegmentBuilder();
  const conds = new Map(CONDITIONS.map((c) => [c, new SegmentBuilder()]));
  const status = new SegmentBuilder();
  const marks: Mark[] = [];
  const away: Bar[] = []; // [8.14] [8.16] while no kubelet runs: a restart's downtime, the node off to the end
  let downSince: { t: number; event: number } | undefined;
  bars.switchTo(0, { tone: PHASE_TONE.Pending, label: 'Pending' });
  forEachEvent(events, only, (e, i) => {
    if (e.t > until) return;
    if (e.pod !== undefined && e.pod !== podName) return; // a Job's other pods have their own lanes
    switch (e.type) {
      case 'pod.phase':
        bars.switchTo(e.t, { tone: PHASE_TONE[e.phase], label: e.phase, event: i });
        break;
      case 'pod.condition': {
        const row = conds.get(e.condition);
        const label = e.status === 'True' ? 'True' : `False${e.reason ? `: ${e.reason}` : ''}`;
        row?.switchTo(e.t, { tone: e.status === 'True' ? 'cond-true' : 'cond-false', label, event: i });
        break;
      }
      case 'pod.kubectl':
        status.switchTo(e.t, { tone: statusTone(e.status), label: e.status, event: i });
        break;
      case 'pod.scheduled':
        marks.push({ t: e.t, kind: 'scheduled', label: 'scheduled to the node', event: i });
        break;
      case 'pod.deleted':
        marks.push({ t: e.t, kind: 'deleted', label: `deleted, grace ${e.gracePeriodSeconds} s`, event: i });
        break;
      case 'sim.truncated':
        marks.push({ t: e.t, kind: 'truncated', label: `simulation stopped early: budget of ${e.limit.toLocaleString('en-US')} ${e.reason === 'events' ? 'events' : 'steps'} reached`, event: i });
        break;
      case 'fault':
        if (e.container === undefined) marks.push({ t: e.t, kind: 'fault', label: `injected: ${e.do}`, event: i });
        break;
      case 'node.kubeletRestart':
      case 'node.reboot':
      case 'node.sandboxDied':
      case 'node.eviction':
      case 'node.shutdown':
        // The node did it, but the scenario's events placed it: a handle moves it like an injected fault.
        marks.push({ t: e.t, kind: 'fault', label: `node: ${e.do}`, event: i });
        if (e.type === 'node.kubeletRestart' || e.type === 'node.reboot') downSince ??= { t: e.t, event: i };
        break;
      case 'pod.sandboxChanged':
        marks.push({ t: e.t, kind: 'sandbox', label: `sandbox changed: killed and re-created (attempt ${e.attempt})`, event: i });
        break;
      case 'node.kubeletStarted':
      case 'node.containersRemoved':
        if (e.type === 'node.kubeletStarted') {
          if (downSince !== undefined && e.t > downSince.t) away.push({ start: downSince.t, end: Math.min(e.t, until), tone: 'status-bad', label: 'kubelet down', event: downSince.event });
          downSince = undefined;
        }
        marks.push({ t: e.t, kind: 'scheduled', label: e.type === 'node.kubeletStarted' ? 'node: the kubelet is back' : 'node: exited containers removed', event: i });
        break;
      case 'node.poweredOff': // the kubelet row's bar, not a mark (the legend's plus is a kubelet coming back)
        if (e.t < until) away.push({ start: e.t, end: until, tone: 'status-bad', label: 'node off', event: i });
        break;
      default:
        break;
    }
  });
  if (downSince !== undefined && downSince.t < until) away.push({ start: downSince.t, end: until, tone: 'status-bad', label: 'kubelet down', event: downSince.event });
  const subRows: SubRow[] = [
    ...CONDITIONS.map((c) => ({ name: c, bars: conds.get(c)!.finish(until) })),
    { name: STATUS_ROW, bars: status.finish(until) },
    ...(away.length > 0 ? [{ name: KUBELET_ROW, bars: away }] : []),
  ];
  return { name: podName, kind: 'pod', bars: bars.finish(until), marks, hooks: [], subRows };
}
