// The Job controller around the pod ([1.7], [11.1] "Job podFailurePolicy is still evaluated only
// after the pod is terminal"): a Job's pod runs as a pod; when it fails, podFailurePolicy and
// backoffLimit decide whether a replacement pod is created (after the controller's back-off) or
// the Job fails. Under restartPolicy OnFailure the containers restart in place and their restarts
// count against backoffLimit. Upstream: pkg/controller/job/job_controller.go, pod_failure_policy.go.
// spec.activeDeadlineSeconds ([13.4]; job_controller.go syncJob, pastActiveDeadline,
// newFailureCondition, deleteActivePods; read at the stored 1.3x commit): counted from the Job's
// start; when it passes, the controller deletes the active pod (a normal deletion, the pod's own
// grace) and creates no more; the Job fails with reason DeadlineExceeded at once up to 1.30, and
// from 1.31 (delayTerminalCondition: JobPodReplacementPolicy on by default) it first gets the
// FailureTarget condition and turns Failed only once its pod is terminal.

import type { PodFailurePolicyRule, Scenario, SimEvent } from '../scenario/types';
import { roundTime, type ContainerStatusWrite, type PodPhase, type Trace, type TraceEvent, type TracePod } from '../trace';
import { simulatePod, type ProgressListener } from './simulatePod';
import { AFTER_TERMINAL, HORIZON_CAP } from './timing';
import { minor } from '../version';

/** The Job controller's back-off before a replacement pod: 10 s, doubling, capped at 6 minutes. */
export function jobPodBackoff(failures: number): number {
  return Math.min(10 * 2 ** Math.max(0, failures - 1), 360);
}

/** The controller notices a pod change and acts about this long after it. */
const CONTROLLER_DELAY = 0.5;

interface PodRun {
  trace: Trace;
  phase?: PodPhase;
  terminalAt?: number;
}

function lastExitCodes(trace: Trace, scenario: Scenario): Map<string, number> {
  const codes = new Map<string, number>();
  for (const e of trace.events) {
    if (e.type === 'container.exit' && scenario.pod.containers.some((c) => c.name === e.container)) codes.set(e.container, e.exitCode);
  }
  return codes;
}

/** The first podFailurePolicy rule that matches a failed pod (rules in order, first match wins). */
export function matchPodFailurePolicy(rules: PodFailurePolicyRule[], codes: Map<string, number>): PodFailurePolicyRule | undefined {
  return rules.find((rule) => {
    const req = rule.onExitCodes;
    if (!req) return false; // onPodConditions (e.g. DisruptionTarget) never arise in the simulation
    return [...codes].some(([name, code]) => {
      if (code === 0 || (req.containerName && req.containerName !== name)) return false;
      const listed = req.values.includes(code);
      return req.operator === 'In' ? listed : !listed;
    });
  });
}

function runPod(scenario: Scenario, name: string, start: number, horizon: number, extra: SimEvent[], eventsBefore: number, onProgress?: ProgressListener): PodRun {
  const events = [...scenario.sim.events.filter((e) => e.at >= start).map((e) => ({ ...e, at: roundTime(e.at - start) })), ...extra];
  const podScenario: Scenario = {
    ...scenario,
    pod: { ...scenario.pod, name },
    sim: { ...scenario.sim, events: events.sort((a, b) => a.at - b.at), until: roundTime(horizon - start) },
  };
  const progress = onProgress && ((t: number) => onProgress(roundTime(start + t), horizon));
  const { trace } = simulatePod(podScenario, { stopAfterTerminal: AFTER_TERMINAL, eventsBefore, onProgress: progress });
  const terminal = trace.events.find((e): e is Extract<TraceEvent, { type: 'pod.phase' }> => e.type === 'pod.phase' && (e.phase === 'Succeeded' || e.phase === 'Failed'));
  return { trace, phase: terminal?.phase, terminalAt: terminal?.t };
}

/** Under OnFailure: when the containers' restarts reach backoffLimit, the Job fails and deletes its pod. */
function onFailureLimitAt(trace: Trace, backoffLimit: number): number | undefined {
  let restarts = 0;
  for (const e of trace.events) {
    if (e.type === 'container.start' && e.attempt > 0 && ++restarts >= Math.max(1, backoffLimit)) return e.t;
  }
  return undefined;
}

const DEADLINE_MESSAGE = 'Job was active longer than specified deadline';

interface JobStop {
  /** Pod-local time at which the controller deletes the pod. */
  at: number;
  reason: 'BackoffLimitExceeded' | 'DeadlineExceeded';
}

/** What ends the running pod first, if anything: the OnFailure restart limit or the Job's deadline. */
function jobStop(scenario: Scenario, run: PodRun, start: number, horizon: number): JobStop | undefined {
  const job = scenario.job!;
  let stop: JobStop | undefined;
  if (scenario.pod.restartPolicy === 'OnFailure') {
    const at = onFailureLimitAt(run.trace, job.backoffLimit);
    if (at !== undefined && (run.terminalAt === undefined || at < run.terminalAt)) stop = { at: roundTime(at + CONTROLLER_DELAY), reason: 'BackoffLimitExceeded' };
  }
  const deadline = job.activeDeadlineSeconds;
  if (deadline !== undefined && deadline < horizon) {
    const local = roundTime(deadline - start); // the controller requeued the Job for exactly this moment
    if ((run.terminalAt === undefined || run.terminalAt > local) && (!stop || local < stop.at)) stop = { at: local, reason: 'DeadlineExceeded' };
  }
  return stop;
}

/** A pod's event in the Job's trace: its time shifted, its id and causes prefixed with the pod's name; the pod's scheduling follows its creation. */
function inPod(e: TraceEvent, pod: string, t: number, createdId: string): TraceEvent {
  const prefixed = (id: string) => `${pod}/${id}`;
  const cause = e.cause ? e.cause.map(prefixed) : e.type === 'pod.scheduled' ? [createdId] : undefined;
  return { ...e, t, pod, ...(e.id !== undefined ? { id: prefixed(e.id) } : {}), ...(cause ? { cause } : {}) };
}

/** The id (in the Job's trace) of the pod.phase event that made the pod terminal. */
function terminalPhaseId(trace: Trace, pod: string): string | undefined {
  const e = trace.events.find((x) => x.type === 'pod.phase' && (x.phase === 'Succeeded' || x.phase === 'Failed'));
  return e?.id === undefined ? undefined : `${pod}/${e.id}`;
}

const causedBy = (id: string | undefined): { cause?: string[] } => (id === undefined ? {} : { cause: [id] });

function podName(base: string, i: number): string {
  if (i === 0) return base;
  return `${base.replace(/-[a-z0-9]{5}$/, '')}-r${i}`;
}

/** [13.4] The Job's failure by its deadline: at once up to 1.30; from 1.31 once its deleted pod is terminal. */
function deadlineFailure(scenario: Scenario, pod: string, deadlineAt: number, podTerminalAt: number): TraceEvent {
  const seconds = scenario.job!.activeDeadlineSeconds;
  if (minor(scenario.sim.kubernetesVersion) < 31) {
    return { t: roundTime(deadlineAt), type: 'job.failed', reason: 'DeadlineExceeded', pod, why: `[13.4] The Job has been active for ${seconds}s, its activeDeadlineSeconds: it fails with reason DeadlineExceeded ("${DEADLINE_MESSAGE}") and deletes its running pod.` };
  }
  return {
    t: roundTime(Math.max(deadlineAt, podTerminalAt)), type: 'job.failed', reason: 'DeadlineExceeded', pod,
    why: `[13.4] At ${roundTime(deadlineAt)}s the Job passed its activeDeadlineSeconds (${seconds}s): it got the FailureTarget condition (DeadlineExceeded, "${DEADLINE_MESSAGE}") and deleted its running pod; from 1.31 it turns Failed only once that pod is terminal.`,
  };
}

export function simulateJob(scenario: Scenario, onProgress?: ProgressListener): Trace {
  const job = scenario.job!;
  const until = scenario.sim.until;
  const horizon = until ?? HORIZON_CAP;
  const out: TraceEvent[] = [];
  const pods: TracePod[] = [];
  const containers: Trace['containers'] = [];
  const writes: ContainerStatusWrite[] = [];
  let start = 0;
  let failures = 0;
  let end: number | undefined;
  let truncated: Trace['truncated'];
  // Ids: the controller's own events count on their own; a pod's events carry its name ([contract 3]).
  let jobEvents = 0;
  const jobId = () => `job/e${jobEvents++}`;
  let previousTerminal: string | undefined;

  for (let i = 0; start < horizon; i++) {
    const deadline = job.activeDeadlineSeconds;
    if (deadline !== undefined && start >= deadline) {
      // [13.4] the deadline passed while the controller waited to replace a failed pod: no new pod.
      end = deadline;
      const last = pods.at(-1)?.name;
      out.push({ t: deadline, type: 'job.failed', reason: 'DeadlineExceeded', ...(last ? { pod: last } : {}), why: `[13.4] The Job has been active for ${deadline}s, its activeDeadlineSeconds: it fails with reason DeadlineExceeded ("${DEADLINE_MESSAGE}") and creates no more pods.`, id: jobId() });
      break;
    }
    const name = podName(scenario.pod.name, i);
    // The pods share one event budget: each starts with what the earlier ones wrote.
    let run = runPod(scenario, name, start, horizon, [], out.length, onProgress);
    const stop = jobStop(scenario, run, start, horizon);
    if (stop) run = runPod(scenario, name, start, horizon, [{ at: stop.at, do: 'deletePod', pos: { line: 1, col: 1 } }], out.length, onProgress);
    const limitHit = stop?.reason === 'BackoffLimitExceeded';
    const shift = (t: number) => roundTime(t + start);
    const created = jobId();
    out.push({ t: start, type: 'job.podCreated', pod: name, why: i === 0 ? 'The Job controller creates the Job\'s first pod.' : `The Job controller replaces the failed pod with ${name} (failures so far: ${failures}, backoffLimit ${job.backoffLimit}).`, id: created, ...causedBy(previousTerminal) });
    for (const e of run.trace.events) out.push(inPod(e, name, shift(e.t), created));
    const terminal = terminalPhaseId(run.trace, name);
    previousTerminal = terminal;
    for (const c of run.trace.containers) containers.push({ ...c, pod: name });
    for (const w of run.trace.statusWrites ?? []) writes.push({ ...w, t: shift(w.t), pod: name });
    pods.push({ name, start, ...(run.phase ? { phase: run.phase } : {}) });
    const podEnd = shift(run.trace.end);
    if (run.trace.truncated) {
      // The budget stopped this pod's run (its sim.truncated event is among its events): the Job stops with it.
      truncated = { ...run.trace.truncated, horizon };
      end = podEnd;
      break;
    }
    if (stop?.reason === 'DeadlineExceeded') {
      end = podEnd;
      out.push({ ...deadlineFailure(scenario, name, start + stop.at, run.terminalAt === undefined ? podEnd : shift(run.terminalAt)), id: jobId() });
      break;
    }
    if (limitHit) {
      end = podEnd;
      out.push({ t: end, type: 'job.failed', reason: 'BackoffLimitExceeded', pod: name, why: `The containers restarted ${job.backoffLimit} times under restartPolicy OnFailure, reaching backoffLimit: the Job fails and deletes its pod.`, id: jobId() });
      break;
    }
    if (run.phase === undefined || run.terminalAt === undefined) {
      end = podEnd;
      break;
    }
    const doneAt = shift(run.terminalAt);
    if (run.phase === 'Succeeded') {
      end = doneAt;
      out.push({ t: doneAt, type: 'job.complete', pod: name, why: 'The pod Succeeded, so the Job is complete (completions: 1).', id: jobId(), ...causedBy(terminal) });
      break;
    }
    const rule = matchPodFailurePolicy(job.podFailurePolicy, lastExitCodes(run.trace, scenario));
    if (rule?.action === 'FailJob') {
      end = doneAt;
      out.push({ t: doneAt, type: 'job.failed', reason: 'PodFailurePolicy', pod: name, why: 'The failed pod matches a podFailurePolicy rule with action FailJob: the Job fails at once, whatever backoffLimit says.', id: jobId(), ...causedBy(terminal) });
      break;
    }
    if (rule?.action !== 'Ignore') failures++;
    if (failures > job.backoffLimit) {
      end = doneAt;
      out.push({ t: doneAt, type: 'job.failed', reason: 'BackoffLimitExceeded', pod: name, why: `The Job has failed ${failures} times, more than its backoffLimit of ${job.backoffLimit}: the Job fails.`, id: jobId(), ...causedBy(terminal) });
      break;
    }
    start = roundTime(doneAt + (rule?.action === 'Ignore' ? CONTROLLER_DELAY : jobPodBackoff(failures)));
  }

  const finish = truncated ? end! : until ?? Math.min(HORIZON_CAP, (end ?? horizon) + AFTER_TERMINAL);
  const events = out.filter((e) => e.t <= finish).sort((a, b) => a.t - b.t);
  return {
    schema: 'sidecar-lab.trace/v1', kubernetesVersion: scenario.sim.kubernetesVersion, end: roundTime(finish), containers, pods, events,
    ...(truncated ? { truncated } : {}), statusWrites: writes.filter((w) => w.t <= finish),
  };
}
