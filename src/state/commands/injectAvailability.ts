// Whether an inject button can act on a container at the cursor, and if not, why: a probe fault
// needs the probe ([5.1]: only defined probes get a worker), a crash/exit/OOM kill needs a running
// process, and a pull fault needs a pull still to come. The engine warns about the same events
// once written (engine/scenario/eventEffects.ts).

import type { ContainerSummary } from '../../engine/scenario/eventEffects';
import type { ContainerKind, ProbeKind } from '../../engine/trace';
import type { RuntimeState } from '../trace/containersAt';
import type { InjectAction } from './inject';

const PROBE_OF: Partial<Record<InjectAction, ProbeKind>> = {
  failLiveness: 'liveness', failReadiness: 'readiness', failStartup: 'startup',
};

export interface InjectTarget {
  name: string;
  kind: ContainerKind;
  /** The runtime's state (a process to end exists while Running or Terminating). */
  state: RuntimeState;
  /** Undefined when the page does not know (then nothing is disabled for want of it). */
  summary: ContainerSummary | undefined;
  /** When the pod object left the API (pod.gone), if it has at the cursor. */
  podGoneAt?: number;
}

/** null when the action can act; otherwise a sentence saying why it cannot. */
export function injectUnavailable(action: InjectAction, c: InjectTarget): string | null {
  const running = c.state === 'Running' || c.state === 'Terminating';
  // [8.2] [8.8] a pod gone from the API starts nothing and probes nothing that has stopped
  if (c.podGoneAt !== undefined && !running) return `The pod is gone from the API since ${+c.podGoneAt.toFixed(3)} s and ${c.name} no longer runs: nothing is left to break.`;
  const probe = PROBE_OF[action];
  if (probe) {
    if (c.kind === 'init') return `${c.name} is a regular init container: it runs no probes, so there is no ${probe} probe to fail.`;
    if (c.summary && !c.summary.probes.includes(probe)) return `${c.name} has no ${probe}Probe, so there is nothing to fail.`;
    return null;
  }
  switch (action) {
    case 'crash':
    case 'exit':
    case 'oomKill':
      return running ? null : `${c.name} is not running at the cursor (${c.state.toLowerCase()}): there is no process to end.`;
    case 'failPull':
      if (running && c.summary && !c.summary.pullAlways) {
        return `${c.name} is already running at the cursor and its image is present (imagePullPolicy is not Always): no pull is left to fail.`;
      }
      return null;
    default:
      return null;
  }
}
