// The READY, STATUS and RESTARTS columns of `kubectl get pod`. Upstream:
// pkg/printers/internalversion/printers.go printPod (kubelet-cases.md 4.1), in our own words.

import type { ApiPod, ContainerStatus, PodCondition } from '../api';
import { isSidecarSpec } from '../api';
import { humanDuration } from './humanDuration';

export interface KubectlColumns {
  ready: string;
  status: string;
  restarts: string;
}

const conditionTrue = (conditions: PodCondition[], type: string): boolean =>
  conditions.find((c) => c.type === type)?.status === 'True';

/** Newest of two optional times (undefined: none yet, like Go's zero time). */
const newer = (a: number | undefined, b: number | undefined): number | undefined =>
  b === undefined ? a : a === undefined || a < b ? b : a;

const lastFinish = (s: ContainerStatus): number | undefined => s.lastState.terminated?.finishedAt;

interface InitWalk {
  status?: string;
  ready: number;
  restarts: number;
  lastRestart?: number;
  sidecarRestarts: number;
  lastSidecarRestart?: number;
}

/** Whether each init container is a sidecar, by name; the first spec of a name decides, like a `find`. */
function sidecarByName(specs: ApiPod['spec']['initContainers']): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const c of specs) if (!out.has(c.name)) out.set(c.name, isSidecarSpec(c));
  return out;
}

/** Walks the init statuses in order; the first one not done names the STATUS (4.1 step 3). */
function walkInit(pod: ApiPod): InitWalk {
  const w: InitWalk = { ready: 0, restarts: 0, sidecarRestarts: 0 };
  const specs = pod.spec.initContainers;
  const statuses = pod.status.initContainerStatuses;
  const sidecars = sidecarByName(specs);
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i]!;
    const sidecar = sidecars.get(s.name) ?? false;
    w.restarts += s.restartCount;
    w.lastRestart = newer(w.lastRestart, lastFinish(s));
    if (sidecar) {
      w.sidecarRestarts += s.restartCount;
      w.lastSidecarRestart = newer(w.lastSidecarRestart, lastFinish(s));
    }
    const term = s.state.terminated;
    if (term && term.exitCode === 0) continue;
    if (sidecar && s.started === true) {
      if (s.ready) w.ready++;
      continue;
    }
    if (term) {
      if (term.reason) w.status = `Init:${term.reason}`;
      else if (term.signal) w.status = `Init:Signal:${term.signal}`;
      else w.status = `Init:ExitCode:${term.exitCode}`;
    } else if (s.state.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') {
      w.status = `Init:${s.state.waiting.reason}`;
    } else {
      w.status = `Init:${i}/${specs.length}`;
    }
    break;
  }
  return w;
}

/** The three columns, with `now` in the same clock as the object's times (seconds). */
export function printPod(pod: ApiPod, now: number): KubectlColumns {
  const { status, spec } = pod;
  let reason: string = status.reason || status.phase || '';
  if (status.conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }
  const total = spec.containers.length + spec.initContainers.filter(isSidecarSpec).length;

  const init = walkInit(pod);
  let ready = init.ready;
  let restarts = init.restarts;
  let lastRestart = init.lastRestart;
  if (init.status !== undefined) reason = init.status;

  if (init.status === undefined || conditionTrue(status.conditions, 'Initialized')) {
    // Once initialized, regular init containers' restarts no longer count (4.1 step 4).
    restarts = init.sidecarRestarts;
    lastRestart = init.lastSidecarRestart;
    let hasRunning = false;
    for (let i = status.containerStatuses.length - 1; i >= 0; i--) {
      const s = status.containerStatuses[i]!;
      restarts += s.restartCount;
      lastRestart = newer(lastRestart, lastFinish(s));
      const { waiting, terminated, running } = s.state;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (s.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.deletionTimestamp !== undefined) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }

  const restartsText = restarts !== 0 && lastRestart !== undefined
    ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
    : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}
