// The words of the probe workers' events ([5.4], [5.5], [5.13], [5.17]): why a result changed and
// why one run failed, as probeWorker.ts emits them. Made once per worker, reason and count where
// the same sentences come at every period (failedRunWhyOf).

import { roundTime, type ProbeKind } from '../trace';
import type { RunPlan } from './probeRun';
import type { Verdict, Worker } from './probeWorker';

export function probeWhy(w: Worker, result: Verdict): string {
  const times = result === 'failure' ? w.spec.failureThreshold : w.spec.successThreshold;
  const n = `${times} consecutive ${result === 'failure' ? 'failure' : 'success'}${times > 1 ? (result === 'failure' ? 's' : 'es') : ''}`;
  const plan = w.lastPlan;
  const slow = plan?.dialTimedOut && result === 'failure'
    ? ` Each run dialled for timeoutSeconds (${w.spec.timeoutSeconds}s) and found nothing listening: a gRPC probe waits for a connection [5.17].`
    : plan?.timedOut && result === 'failure'
      ? ` Each run timed out after timeoutSeconds (${w.spec.timeoutSeconds}s): the handler ${plan.handler === null ? 'never answers' : `takes ${plan.handler}s`} [5.11].`
      : plan && plan.dialled > 0 ? ` The run dialled for ${roundTime(plan.dialled)}s, until the app listened: a gRPC probe waits for a connection [5.17].`
        : plan && plan.seconds > 0 ? ` Each run takes ${plan.seconds}s [5.11].` : '';
  const counted = w.streakFrom !== undefined && w.streakFrom !== w.instance
    ? ` The count includes results from the container's previous run, which the kubelet keeps across a restart [5.10].` : '';
  switch (w.kind) {
    case 'startup':
      return result === 'success'
        ? `[5.4] The startup probe passed (${n}): the container is started, and the next container may start [2.2].${slow}`
        : `[5.5] The startup probe failed ${n}: the kubelet kills the container (reason StartupProbe).${slow}${counted}`;
    case 'liveness':
      return result === 'success'
        ? `[5.4] The liveness probe passes again (${n}).${slow}`
        : `[5.5] The liveness probe failed ${n}: the kubelet kills the container (reason LivenessProbe).${slow}${counted}`;
    default:
      return result === 'success'
        ? `[5.4] The readiness probe passed (${n}): the container is ready.${slow}${counted}`
        : `[5.5] The readiness probe failed ${n}: the container is unready but keeps running.${slow}`;
  }
}

const ORDINAL_SUFFIX = ['th', 'st', 'nd', 'rd'];

function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : ORDINAL_SUFFIX[n % 10] ?? 'th'}`;
}

/** Why a run failed, as failedRunWhy words it: one of five reasons (the worker's spec fixes the rest). */
const FailReason = { TimedOut: 0, AlwaysFails: 1, Injected: 2, NotUp: 3, NotListening: 4, Scripted: 5 } as const;
type FailReason = (typeof FailReason)[keyof typeof FailReason];
const FAIL_REASONS = 6;

function failReason(w: Worker, plan: RunPlan, faulted: boolean, scripted: boolean): FailReason {
  return plan.dialTimedOut ? FailReason.NotListening : plan.timedOut ? FailReason.TimedOut : w.spec.verdict === 'fail' ? FailReason.AlwaysFails
    : faulted ? FailReason.Injected : scripted ? FailReason.Scripted : FailReason.NotUp;
}

/**
 * failedRunWhy, made once per worker, reason and count: the words depend on nothing else.
 * `scripted`: the container's own script made the exec command fail ([15.4]).
 */
export function failedRunWhyOf(w: Worker, plan: RunPlan, faulted: boolean, run: number, scripted = false): string {
  const reason = failReason(w, plan, faulted, scripted);
  const key = run * FAIL_REASONS + reason;
  const made = w.failedWhys?.get(key);
  if (made !== undefined) return made;
  const why = failedRunWhy(w, reason, run);
  (w.failedWhys ??= new Map()).set(key, why);
  return why;
}

function failedRunWhy(w: Worker, failure: FailReason, run: number): string {
  const reason = failure === FailReason.NotListening
    ? `nothing listened, and a gRPC probe dials again until timeoutSeconds (${w.spec.timeoutSeconds}s) runs out [5.17]`
    : failure === FailReason.TimedOut
    ? `it timed out after timeoutSeconds (${w.spec.timeoutSeconds}s) [5.11]`
    : failure === FailReason.AlwaysFails ? 'its handler always fails'
      : failure === FailReason.Injected ? 'an injected probe failure'
        : failure === FailReason.Scripted ? 'its command fails against the files the container\'s own script made or removed [15.4]'
        : w.kind === 'readiness' ? 'the app is not ready' : 'the app is not up';
  const threshold = w.spec.failureThreshold;
  const count = run < threshold
    ? `the ${ordinal(run)} failure in a row of the ${threshold} (failureThreshold) that change its result`
    : run === threshold ? `the ${ordinal(run)} failure in a row, which reaches failureThreshold (${threshold})`
      : `the ${ordinal(run)} failure in a row (failureThreshold ${threshold} was reached before)`;
  return `[5.13] A ${w.kind} probe run of ${w.container} failed (${reason}): ${count}. The kubelet records a Warning Unhealthy event for every failed run, before the worker counts it.`;
}

/**
 * [5.3] A kept worker's failure for a container that is not running; `keptForAll`: a terminated
 * container its own restart policy would not restart, kept because ShouldAllContainersRestart holds ([5.12], [11.2]).
 */
export function notRunningWhy(container: string, kind: ProbeKind, keptForAll: boolean): string {
  return `[5.3] ${container} is not running, so its ${kind} result is set to failure without running the probe.`
    + (keptForAll ? ' Its own restart policy would not restart it, but ShouldAllContainersRestart holds (the pod restarts all its containers in place, [11.2]): the worker stays (doProbe, 1.35+) and starts over on the new container ID [5.12].' : '');
}
