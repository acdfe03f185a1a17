// Why `kubectl get pod` prints this row: sentences read from the printer's own decision (the
// `basis` printPodWithBasis recorded on the pod.kubectl event, rules [14.1]–[14.4]), never
// re-derived here. The quirks a class trips on (Init:Error on a Running pod, Terminating vs
// Completed by version, RESTARTS counting sidecars) get their rule named where they appear.

import type { PrintBasis } from '../../engine/kubectl/printPod';
import type { PodKubectlEvent, PodPhase, Trace } from '../../engine/trace';
import { upperBound } from '../kubectlAt';

export interface KubectlWhy {
  /** One sentence: why this STATUS. */
  status: string;
  /** Further points: READY's total, what RESTARTS sums. */
  more: string[];
}

/** The phase of the row's pod (a Job's pods each have their own) when the row was printed. */
function phaseAt(trace: Trace, row: PodKubectlEvent): PodPhase | undefined {
  for (let i = upperBound(trace.events, row.t) - 1; i >= 0; i--) {
    const e = trace.events[i]!;
    if (e.type === 'pod.phase' && e.pod === row.pod) return e.phase;
  }
  return undefined;
}

const PHASES = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);

/** The explanation of a kubectl row, or undefined for a row without a recorded basis. */
export function kubectlWhy(trace: Trace, row: PodKubectlEvent): KubectlWhy | undefined {
  const b = row.basis;
  if (!b) return undefined;
  const st = row.status;
  const phase = phaseAt(trace, row);
  const v = `1.${b.minor}`;
  const c = b.container ?? '';
  let status: string;
  switch (b.source) {
    case 'phase':
      status = PHASES.has(st)
        ? `${st} is the pod's phase: no init container is pending and no container has a waiting or terminated reason to print [14.1].`
        : `${st} is the pod's status.reason, which the printer shows before the phase [14.1].`;
      break;
    case 'schedulingGated':
      status = 'A PodScheduled condition with reason SchedulingGated makes the STATUS SchedulingGated [14.1].';
      break;
    case 'init':
      status = initWhy(st, c, b, phase, v);
      break;
    case 'main':
      status = `${st} is main container ${c}'s ${/^(Signal|ExitCode):/.test(st) ? 'exit' : 'waiting or terminated'} reason: kubectl walks the main containers from last to first and the first with a reason wins${phase === 'Running' ? ', even while the phase is Running' : ''} [14.3].`;
      break;
    case 'completedRunning':
      status = `A main container Completed while another still runs and is ready, so kubectl prints ${st} instead of Completed (${st === 'Running' ? 'the pod is Ready' : 'the pod is not Ready'}) [14.3].`;
      break;
    case 'completedError':
      status = `${st} is main container ${c}'s reason: it exited non-zero, and since 1.35 (PR #124766) the printer shows a failed main container's reason instead of Completed when another main container Completed (up to 1.34 this pod printed Completed, whatever the order of the containers) [14.3].`;
      break;
    case 'terminating':
      status = b.beneath && (b.beneath === 'Completed' || b.beneath === 'Error' || phase === 'Succeeded' || phase === 'Failed')
        ? `The pod has a deletionTimestamp, so ${v}'s printer shows Terminating although the pod is already ${phase ?? b.beneath} (it would print ${b.beneath}): up to 1.30 even a terminal pod prints Terminating; from 1.31 (PR #122038) it keeps its STATUS [14.4].`
        : `The pod has a deletionTimestamp and is not yet Succeeded or Failed, so the printer shows Terminating${b.beneath ? ` (beneath: ${b.beneath})` : ''}. Terminating is not a phase [14.4].`;
      break;
    case 'terminalKept':
      status = `The pod is deleted but already ${phase ?? 'terminal'}: from 1.31 (PR #122038) the printer keeps ${st} instead of Terminating; up to 1.30 it would print Terminating [14.4].`;
      break;
    case 'nodeLost':
      status = 'The pod is deleted and its status.reason is NodeLost, so the printer shows Unknown [14.4].';
      break;
  }
  return { status, more: morePoints(trace, row) };
}

function initWhy(st: string, c: string, b: PrintBasis, phase: PodPhase | undefined, v: string): string {
  const walk = 'kubectl walks the init containers in order and stops at the first that is not done';
  const initialized = b.initialized === true;
  if (b.sidecar) {
    const stopped = b.by === 'terminated' ? `is not started: its written status is Terminated (${st.slice(5)}) until the kubelet restarts it`
      : b.by === 'waiting' ? `is not started: it waits (${st.slice(5)})` : 'is not started yet';
    return initialized
      ? `${st} although the pod is initialized${phase === 'Running' ? ' and Running' : ''}: ${walk}, and sidecar ${c} ${stopped}. Since 1.28 an initialized pod's main containers are printed too, but none has a waiting or terminated reason to override it (a running, ready one does not). A real ${v} cluster prints the same [14.2].`
      : `${st}: ${walk}; sidecar ${c} is done once it is started, and it ${stopped} [14.2].`;
  }
  if (/^Init:\d+\/\d+$/.test(st)) {
    const [done, total] = st.slice(5).split('/');
    return `${st}: ${done} of ${total} init containers are done; the number is the position of the first that is not, ${c} (a sidecar counts as done once started) [14.1] [14.2].`;
  }
  return `${st}: ${walk}; init container ${c} shows ${st.slice(5)}, printed with Init:${initialized ? ', and no main container has a reason to override it' : ''} [14.1].`;
}

function morePoints(trace: Trace, row: PodKubectlEvent): string[] {
  const b = row.basis!;
  const out: string[] = [];
  // A Job's pods each list their own containers: count the row's pod's only.
  const own = trace.containers.filter((x) => x.pod === row.pod);
  const sidecars = own.filter((x) => x.kind === 'sidecar').length;
  const inits = own.filter((x) => x.kind === 'init').length;
  if (sidecars > 0) {
    out.push(b.minor >= 28
      ? `READY ${row.ready}: the total counts the sidecars with the main containers, and a sidecar counts as ready once started and ready [14.2].`
      : `READY ${row.ready}: 1.27's printer knows no sidecars, so it counts only the main containers [14.1].`);
  }
  if (b.restarts === 'init' && inits + sidecars > 0) {
    out.push('RESTARTS sums the restarts of the init containers walked so far, while the pod initializes [14.1].');
  } else if (b.restarts === 'sidecarsAndMains' && sidecars > 0) {
    out.push(`RESTARTS sums the sidecars' and main containers' restarts${inits ? '; regular init containers\' no longer count once the pod is initialized' : ''} [14.3].`);
  } else if (b.restarts === 'mains' && inits + sidecars > 0) {
    out.push('RESTARTS sums only the main containers\' restarts once the pod is initialized (1.27) [14.3].');
  }
  return out;
}
