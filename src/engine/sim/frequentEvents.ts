// The trace's most frequent events (a crash loop's starts, exits, back-offs, waits and rows; the
// probes' results and the conditions they change), each built as one object literal with its
// time, id and causes. PodSim.emit completes the caller's literal instead, adding those fields
// after it is made: they then live in a property array of their own, one more object per event,
// which the trace keeps for the whole run (issue 16: 50,000 of them in a run that reaches the
// event budget). Each builder writes the fields in the order emit's caller and emit would (the
// trace's JSON is the same), with one literal for an event with causes and one for an event without.

import type { PrintBasis } from '../kubectl/printPod';
import type { PodConditionType, ProbeErroredEvent, ProbeKind, TraceEvent } from '../trace';
import { causeIds, type Causes, type PodSim } from './podSim';

/** Events of one container attempt that say nothing else: a start, the app up, started, ready, unready. */
type AttemptEventType = 'container.start' | 'container.up' | 'container.started' | 'container.ready' | 'container.unready' | 'container.unstarted';

export function emitAttemptEvent(sim: PodSim, type: AttemptEventType, container: string, attempt: number, why: string, cause?: Causes): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  return sim.keep((ids === undefined
    ? { type, container, attempt, why, t, id }
    : { type, container, attempt, why, t, id, cause: ids }) as TraceEvent);
}

export function emitExit(sim: PodSim, container: string, attempt: number, exitCode: number, reason: string, why: string, cause?: Causes): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  return sim.keep(ids === undefined
    ? { type: 'container.exit', container, attempt, exitCode, reason, why, t, id }
    : { type: 'container.exit', container, attempt, exitCode, reason, why, t, id, cause: ids });
}

export function emitBackoff(sim: PodSim, container: string, delay: number, why: string, cause?: Causes): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  return sim.keep(ids === undefined
    ? { type: 'container.backoff', container, delay, why, t, id }
    : { type: 'container.backoff', container, delay, why, t, id, cause: ids });
}

/**
 * [4.9] A later sync refused the start again, within the same back-off: the most frequent event of
 * a crash loop (every sync refuses every container in its back-off; 7,674 of the 14,596 events of
 * the keystroke bench's 40-container pod). Its cause list is the one list every refusal of that
 * back-off shares (start.ts): each id defined, none repeated, and never changed once made, as no
 * reader of a trace changes a cause list.
 */
export function emitBackoffAgain(sim: PodSim, container: string, delay: number, why: string, ids: string[] | undefined): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  return sim.keep(ids === undefined
    ? { type: 'container.backoffAgain', container, delay, why, t, id }
    : { type: 'container.backoffAgain', container, delay, why, t, id, cause: ids });
}

export function emitWaiting(sim: PodSim, container: string, reason: string, why: string, cause?: Causes): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  return sim.keep(ids === undefined
    ? { type: 'container.waiting', container, reason, why, t, id }
    : { type: 'container.waiting', container, reason, why, t, id, cause: ids });
}

export function emitProbeResult(sim: PodSim, container: string, probe: ProbeKind, result: 'success' | 'failure', why: string, cause?: Causes): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  return sim.keep(ids === undefined
    ? { type: 'probe.result', container, probe, result, why, t, id }
    : { type: 'probe.result', container, probe, result, why, t, id, cause: ids });
}

/** One failed probe run ([5.13]): as frequent as the probe's period while it fails. */
export function emitProbeFailed(sim: PodSim, container: string, probe: ProbeKind, attempt: number, run: number, why: string, cause?: Causes, output?: string): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  if (output !== undefined) {
    return sim.keep(ids === undefined
      ? { type: 'probe.failed', container, probe, attempt, run, output, why, t, id }
      : { type: 'probe.failed', container, probe, attempt, run, output, why, t, id, cause: ids });
  }
  return sim.keep(ids === undefined
    ? { type: 'probe.failed', container, probe, attempt, run, why, t, id }
    : { type: 'probe.failed', container, probe, attempt, run, why, t, id, cause: ids });
}

/**
 * An errored run's event with the runtime's error, as prober.go's Unhealthy event carries it after
 * "probe errored…: " ([5.13]). `error` is optional on the wire: a trace without it (made before the
 * field) is the context-cancelled error of [5.14]. (Declared here until trace.ts's ProbeErroredEvent
 * names the field; an event of this type is a ProbeErroredEvent.)
 */
/** A probe.errored event (the trace's type carries the runtime's error). */
export type ProbeErroredWithError = ProbeErroredEvent;

/**
 * One errored probe run ([5.13]; [5.14] a cancelled context, [5.11] an exec on an exited
 * container): no answer, so no result; as frequent as the probe's period.
 */
export function emitProbeErrored(sim: PodSim, container: string, probe: ProbeKind, attempt: number, error: string, why: string, cause?: Causes): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  const e: ProbeErroredWithError = ids === undefined
    ? { type: 'probe.errored', container, probe, attempt, error, why, t, id }
    : { type: 'probe.errored', container, probe, attempt, error, why, t, id, cause: ids };
  return sim.keep(e);
}

/** A condition's new status ([7]); `reason` only when the condition has one. */
export function emitCondition(
  sim: PodSim, condition: PodConditionType, status: 'True' | 'False', reason: string | undefined, why: string, cause?: Causes,
): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  if (reason === undefined) {
    return sim.keep(ids === undefined
      ? { type: 'pod.condition', condition, status, why, t, id }
      : { type: 'pod.condition', condition, status, why, t, id, cause: ids });
  }
  return sim.keep(ids === undefined
    ? { type: 'pod.condition', condition, status, reason, why, t, id }
    : { type: 'pod.condition', condition, status, reason, why, t, id, cause: ids });
}

/** A `kubectl get pod` row ([14.1]): its columns in printPod's order, then the printer's basis. */
export function emitRow(
  sim: PodSim, ready: string, status: string, restarts: string, lastRestartAt: number | undefined, basis: PrintBasis, why: string, cause?: Causes,
): string {
  const t = sim.eventTime();
  const id = sim.nextEventId();
  const ids = causeIds(cause);
  if (lastRestartAt === undefined) {
    return sim.keep(ids === undefined
      ? { type: 'pod.kubectl', ready, status, restarts, basis, why, t, id }
      : { type: 'pod.kubectl', ready, status, restarts, basis, why, t, id, cause: ids });
  }
  return sim.keep(ids === undefined
    ? { type: 'pod.kubectl', ready, status, restarts, lastRestartAt, basis, why, t, id }
    : { type: 'pod.kubectl', ready, status, restarts, lastRestartAt, basis, why, t, id, cause: ids });
}
