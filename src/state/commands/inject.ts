// "Break things": each button adds an event at the cursor to the Simulation document's events:
// list (contract section 1), as a text edit; the engine re-simulates from the new text.

import { formatSeconds } from '../format';
import { withSimulationEvents } from '../simulationDoc/loadSimulationEvents';
import type { SimEventSpec } from '../simulationDoc/events';
import { selectCursorTime, selectKubectlPod } from '../selectors';
import type { AppStore } from '../store';
import { editScenario } from './editScenario';
import { writtenTime } from './writtenTime';

export const INJECT_ACTIONS = ['crash', 'exit', 'oomKill', 'failLiveness', 'failReadiness', 'failStartup', 'failPull'] as const;
/** The pod-wide buttons: a deletion, an eviction under node pressure, a graceful node shutdown ([8.1a], [8.15], [8.16]). */
export const POD_INJECT_ACTIONS = ['deletePod', 'evictPod', 'shutdownNode'] as const;
export type InjectAction = (typeof INJECT_ACTIONS)[number] | (typeof POD_INJECT_ACTIONS)[number];

export const INJECT_LABEL: Record<InjectAction, string> = {
  crash: 'Crash',
  exit: 'Exit 0',
  oomKill: 'OOM-kill',
  failLiveness: 'Fail liveness',
  failReadiness: 'Fail readiness',
  failStartup: 'Fail startup',
  failPull: 'Fail pull',
  deletePod: 'Delete pod',
  evictPod: 'Evict',
  shutdownNode: 'Shut down node',
};

export const INJECT_HELP: Record<InjectAction, string> = {
  crash: 'the process exits with the chosen code',
  exit: 'the process exits cleanly with code 0',
  oomKill: 'the kernel kills it for memory: exit 137, OOMKilled',
  failLiveness: 'its liveness probe fails for the chosen time',
  failReadiness: 'its readiness probe fails for the chosen time',
  failStartup: 'its startup probe fails for the chosen time',
  failPull: 'pulls of its image fail for the chosen time',
  deletePod: 'the pod is deleted with the chosen grace period',
  evictPod: 'the kubelet evicts the pod under memory pressure (a hard threshold): it kills it with its own grace override, and the pod stays, Failed',
  shutdownNode: 'the node shuts down gracefully: the kubelet kills the pod within its shutdown window, then the node powers off',
};

/**
 * The completion index of the pod the panels follow, for an Indexed Job: the button under its row
 * acts on that pod alone (without `index` an event acts on every running pod of the Job, [16.4]).
 */
function followedIndex(s: ReturnType<AppStore['getState']>): { index: number } | Record<string, never> {
  const pod = selectKubectlPod(s);
  const index = pod === undefined ? undefined : s.trace?.pods?.find((p) => p.name === pod)?.index;
  return index === undefined ? {} : { index };
}

/** The event an inject button adds, from the store's cursor and options. */
export function injectEvent(store: AppStore, action: InjectAction, container?: string): SimEventSpec {
  const s = store.getState();
  const at = writtenTime(s.trace, selectCursorTime(s));
  const opts = s.inject;
  const only = followedIndex(s);
  switch (action) {
    case 'deletePod':
      return { at, do: action, ...(opts.gracePeriodSeconds === null ? {} : { gracePeriodSeconds: opts.gracePeriodSeconds }), ...only };
    case 'evictPod':
    case 'shutdownNode':
      return { at, do: action, ...only };
    case 'crash':
      return { at, container, do: action, exitCode: opts.exitCode, ...only };
    case 'exit':
    case 'oomKill':
      return { at, container, do: action, ...only };
    default:
      return { at, container, do: action, for: opts.forSeconds, ...only };
  }
}

/** Adds the event; the answer is a promise only while the YAML edit code is still loading. */
export function runInject(store: AppStore, action: InjectAction, container?: string): boolean | Promise<boolean> {
  const ev = injectEvent(store, action, container);
  const who = `${container ? ` ${container}` : ''}${ev.index === undefined ? '' : ` (completion index ${ev.index})`}`;
  return withSimulationEvents(({ addSimEvent }) =>
    editScenario(store, (text) => addSimEvent(text, ev), `Added “${INJECT_LABEL[action]}${who}” at ${formatSeconds(ev.at)} s to the scenario’s events.`));
}
