// The selected event: clear it, or remove the written event (an injected fault or deletion)
// it came from.

import type { TraceEvent } from '../../engine/trace';
import { withSimulationEvents } from '../simulationDoc/loadSimulationEvents';
import { formatSeconds } from '../format';
import type { AppStore } from '../store';
import { editScenario } from './editScenario';
import { writtenTime } from './writtenTime';
import type { Command } from './types';

/** What a trace event was written as in events:, if it came from there. */
export function writtenAs(e: TraceEvent | undefined): { do: string; container?: string; t: number } | null {
  if (!e) return null;
  if (e.type === 'fault') return { do: e.do, ...(e.container ? { container: e.container } : {}), t: e.t };
  // A kubelet restart or a reboot is the node's doing, but the scenario's events wrote it.
  if (e.type === 'node.kubeletRestart' || e.type === 'node.reboot' || e.type === 'node.sandboxDied'
    || e.type === 'node.eviction' || e.type === 'node.shutdown') return { do: e.do, t: e.t };
  if (e.type === 'pod.deleted') return { do: 'deletePod', t: e.t };
  return null;
}

/**
 * Removes the written event behind trace event `index`; false when there is none (a promise of
 * the answer only while the YAML edit code is still loading).
 */
export function removeWritten(store: AppStore, index: number): boolean | Promise<boolean> {
  const s = store.getState();
  const what = writtenAs(s.trace?.events[index]);
  if (!what) return false;
  return withSimulationEvents(({ findSimEvent, removeSimEvent }) => {
    const ok = editScenario(store, (text) => {
      const i = findSimEvent(text, what);
      return i === null ? null : removeSimEvent(text, i);
    }, `Removed ${what.do}${what.container ? ` ${what.container}` : ''} at ${formatSeconds(what.t)} s from the scenario’s events.`);
    if (ok) s.select(null);
    return ok;
  });
}

/** Moves the written event behind trace event `index` to time `at`. */
export function moveWritten(store: AppStore, index: number, dropped: number): boolean | Promise<boolean> {
  const trace = store.getState().trace;
  const what = writtenAs(trace?.events[index]);
  const at = writtenTime(trace, dropped);
  if (!what) return false;
  return withSimulationEvents(({ findSimEvent, moveSimEvent }) => editScenario(store, (text) => {
    const i = findSimEvent(text, what);
    return i === null ? null : moveSimEvent(text, i, at);
  }, `Moved ${what.do}${what.container ? ` ${what.container}` : ''} to ${formatSeconds(at)} s.`));
}

export const clearSelection: Command = {
  id: 'clearSelection', label: 'Clear the selection', group: 'Selection', keys: ['Escape'],
  enabled: (s) => s.selected !== null,
  run: ({ store }) => store.getState().select(null),
};

export const removeSelected: Command = {
  id: 'removeSelected', label: 'Remove the selected injected event', group: 'Selection', keys: ['Delete', 'Backspace'],
  enabled: (s) => s.selected !== null && writtenAs(s.trace?.events[s.selected]) !== null,
  run({ store }) {
    const i = store.getState().selected;
    if (i !== null) void removeWritten(store, i);
  },
};
