// The containers' statuses at a moment, as `kubectl get pod -o yaml` would show them: state,
// reason, ready, started, restartCount. A projection of the trace, read up to time t.

import type { ContainerKind, Trace } from '../../engine/trace';
import { upperBound } from '../kubectlAt';

export interface ContainerRow {
  name: string;
  kind: ContainerKind;
  state: 'Waiting' | 'Running' | 'Terminated' | 'Terminating';
  /** Waiting or terminated reason, with the exit code for a terminated one. */
  reason: string;
  ready: boolean;
  started: boolean;
  restarts: number;
}

const KIND_ORDER: Record<ContainerKind, number> = { init: 0, sidecar: 0, main: 1 };

export function containersAt(trace: Trace, t: number): ContainerRow[] {
  const rows = new Map<string, ContainerRow>();
  const ordered = [...trace.containers].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.index - b.index);
  for (const c of ordered) {
    rows.set(c.name, { name: c.name, kind: c.kind, state: 'Waiting', reason: 'ContainerCreating', ready: false, started: false, restarts: 0 });
  }
  const stop = upperBound(trace.events, t);
  for (let i = 0; i < stop; i++) {
    const e = trace.events[i]!;
    const row = 'container' in e && e.container ? rows.get(e.container) : undefined;
    if (!row) continue;
    switch (e.type) {
      case 'container.waiting':
        if (row.state === 'Waiting' || row.state === 'Terminated') Object.assign(row, { state: 'Waiting', reason: e.reason });
        break;
      case 'container.start':
        Object.assign(row, { state: 'Running', reason: '', restarts: e.attempt, started: false, ready: false });
        break;
      case 'container.started':
        row.started = true;
        break;
      case 'container.ready':
        row.ready = true;
        break;
      case 'container.unready':
        row.ready = false;
        break;
      case 'container.kill':
        if (row.state === 'Running') Object.assign(row, { state: 'Terminating', reason: e.reason });
        break;
      case 'container.exit':
        Object.assign(row, { state: 'Terminated', reason: `${e.reason} (exit ${e.exitCode})`, started: false });
        break;
      case 'container.backoff':
        Object.assign(row, { state: 'Waiting', reason: 'CrashLoopBackOff' });
        break;
      default:
        break;
    }
  }
  return [...rows.values()];
}
