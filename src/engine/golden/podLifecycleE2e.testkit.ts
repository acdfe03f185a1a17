// The test kit of podLifecycleE2e*.test.ts: upstream's e2e helpers (the polling waits of
// test/e2e/framework/pod, getRestartDelay of test/e2e/common/node/pods.go, the watch verifiers of
// test/e2e/node/pods.go) read off a simulator trace. Upstream polls the API object; here the API
// object at time t is the trace's written statuses (`statusWrites`: state, reason, exit code,
// restartCount as the status manager wrote them), the `pod.phase` and `pod.condition` events, and
// `pod.deleted` (the deletionTimestamp). A written restartCount n names the run of attempt n, whose
// start and end are the trace's container.start / container.exit of that attempt (startedAt and
// finishedAt of the API status). How each upstream case maps is in the test files' headers.

import { fixtureText } from './harness';
import { fail } from './logAssertions';
import { runScenario } from '../run';
import type { ContainerStatusWrite, PodPhase, Trace } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';

/** The engine's minors from `from` to `to` (inclusive). */
export function minors(from: number, to = 99): KubeVersion[] {
  return SUPPORTED_VERSIONS.filter((v) => minor(v) >= from && minor(v) <= to);
}

export interface RunOptions {
  gates?: Record<string, boolean>;
}

/** Runs a scenario text on one minor; any error, or a warning that a gate or field was ignored, throws. */
/** A pod (its YAML) with a Simulation document: the version, a 400 s horizon, `sim` lines and injected events (the e2e translations' common shape). */
export function e2eScenario(pod: string, v: KubeVersion, sim: string, events: string[] = []): string {
  return `${pod}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 400s
${sim}${events.length ? `events:\n${events.map((e) => `  - ${e}\n`).join('')}` : ''}`;
}

export function runText(text: string, version: KubeVersion, opts: RunOptions = {}): Trace {
  const res = runScenario(text, { kubernetesVersion: version, ...(opts.gates ? { featureGates: opts.gates } : {}) });
  const bad = res.problems.filter((p) => p.severity === 'error' || (p.severity === 'warning' && /ignored|does not exist|dropped/i.test(p.message)));
  if (!res.ok || !res.trace || bad.length > 0) {
    throw new Error(`scenario did not run as written at ${version}:\n${bad.map((p) => `  ${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n')}`);
  }
  if (res.trace.truncated) throw new Error(`run truncated at ${res.trace.end}s (${res.trace.truncated.reason})`);
  return res.trace;
}

export function runL(name: string, version: KubeVersion, opts: RunOptions = {}): Trace {
  return runText(fixtureText(name), version, opts);
}

// ---- editing the Simulation document's events (the tests act when upstream's test would) ----

/** The text without its `do: <action>` event line(s). */
export function withoutEvent(text: string, action: string): string {
  return text.split('\n').filter((l) => !new RegExp(`^\\s*- \\{.*do: ${action}\\b`).test(l)).join('\n');
}

/** The text with its `do: <action>` event moved to `at` seconds (written with millisecond precision). */
export function retimed(text: string, action: string, at: number): string {
  const re = new RegExp(`(- \\{ at: )[0-9.]+s(, do: ${action}\\b)`);
  if (!re.test(text)) throw new Error(`no ${action} event to move`);
  return text.replace(re, `$1${Number(at.toFixed(3))}s$2`);
}

// ---- the API object at a time ----------------------------------------------------------------

/** The container's status as last written at or before t (undefined before the first write). */
export function statusAt(trace: Trace, container: string, t: number): ContainerStatusWrite | undefined {
  let out: ContainerStatusWrite | undefined;
  for (const w of trace.statusWrites ?? []) {
    if (w.t > t) break;
    if (w.container === container) out = w;
  }
  return out;
}

export function phaseAtT(trace: Trace, t: number): PodPhase {
  let out: PodPhase = 'Pending';
  for (const e of trace.events) {
    if (e.t > t) break;
    if (e.type === 'pod.phase') out = e.phase;
  }
  return out;
}

/** lastTransitionTime and status of a pod condition as written at t (the last flip at or before t). */
export function conditionTransition(trace: Trace, condition: string, t: number): { status: 'True' | 'False'; at: number } | undefined {
  let out: { status: 'True' | 'False'; at: number } | undefined;
  for (const e of trace.events) {
    if (e.t > t) break;
    if (e.type === 'pod.condition' && e.condition === condition && e.status !== out?.status) out = { status: e.status, at: e.t };
  }
  return out;
}

function attemptTime(trace: Trace, type: 'container.start' | 'container.exit', container: string, attempt: number): number {
  const e = trace.events.find((x) => x.type === type && x.container === container && x.attempt === attempt);
  if (!e) fail(trace, `no ${type} of ${container} attempt ${attempt}`, [container]);
  return e.t;
}

/** startedAt / finishedAt of the run of `attempt`. */
export const startedAt = (trace: Trace, c: string, attempt: number) => attemptTime(trace, 'container.start', c, attempt);
export const finishedAt = (trace: Trace, c: string, attempt: number) => attemptTime(trace, 'container.exit', c, attempt);

/**
 * Gomega's Eventually over the API object: the first poll (every `every` s from `from`) at which
 * `pred` holds, up to `timeout` s; undefined when it never does.
 */
export function pollUntil(from: number, timeout: number, every: number, pred: (t: number) => boolean): number | undefined {
  const n = Math.floor(timeout / every + 1e-9);
  for (let i = 0; i <= n; i++) {
    const t = Number((from + i * every).toFixed(6));
    if (pred(t)) return t;
  }
  return undefined;
}

/** e2epod.WaitForPodNameRunningInNamespace / CreateSync: the first time the phase is Running, from `from`. */
export function waitRunning(trace: Trace, from: number, timeout = 300): number {
  const t = pollUntil(from, timeout, 0.1, (x) => phaseAtT(trace, x) === 'Running');
  if (t === undefined) fail(trace, `pod never Running within ${timeout}s of ${from}s`, []);
  return t;
}

/**
 * getRestartDelay (test/e2e/common/node/pods.go): polls every second from `begin` + 1 s for at most
 * 2 × maxBackOffTolerance (2 × 1.3 × 300 s). At the first poll where the status has a last
 * termination (a written restartCount above 0, or a back-off wait) and is not Running, it takes
 * the finishedAt of that run; it returns at the poll where restartCount has grown, with the
 * startedAt of the run it then names minus that finishedAt.
 */
export function getRestartDelay(trace: Trace, container: string, begin: number): { delay: number; at: number } {
  let prevCount = -1;
  let prevFinishedAt = 0;
  for (let t = begin + 1; t - begin < 2 * 1.3 * 300; t += 1) {
    const s = statusAt(trace, container, t);
    if (!s) continue;
    const hasLastTermination = s.restartCount > 0 || s.state === 'waiting' && s.reason === 'CrashLoopBackOff';
    if (!hasLastTermination) continue;
    if (prevCount === -1) {
      if (s.state === 'running') continue;
      // Terminated: its own finishedAt; Waiting: the last termination's, the run of the same count.
      prevFinishedAt = finishedAt(trace, container, s.restartCount);
      prevCount = s.restartCount;
    }
    if (s.restartCount > prevCount) {
      return { delay: startedAt(trace, container, s.restartCount) - prevFinishedAt, at: t };
    }
  }
  return fail(trace, `getRestartDelay: no restart of ${container} within 780s of ${begin}s`, [container]);
}

// ---- the watch verifiers of test/e2e/node/pods.go ---------------------------------------------

export interface PodSnapshot {
  t: number;
  phase: PodPhase;
  deleted: boolean;
  status: Map<string, ContainerStatusWrite | undefined>;
  /** Whether the container's `started` is true at t (container.started minus container.unstarted). */
  started: Map<string, boolean>;
}

/** The pod object at every time the kubelet wrote something the verifiers read, up to its removal. */
export function watchEvents(trace: Trace, containers: string[]): PodSnapshot[] {
  const gone = trace.events.find((e) => e.type === 'pod.gone')?.t ?? Infinity;
  const deletedAt = trace.events.find((e) => e.type === 'pod.deleted')?.t ?? Infinity;
  const ts = new Set<number>();
  for (const w of trace.statusWrites ?? []) if (w.t <= gone) ts.add(w.t);
  for (const e of trace.events) {
    if (e.t > gone) break;
    if (e.type === 'pod.phase' || e.type === 'pod.deleted' || e.type === 'container.started' || e.type === 'container.unstarted') ts.add(e.t);
  }
  return [...ts].sort((a, b) => a - b).map((t) => {
    const started = new Map<string, boolean>();
    for (const c of containers) {
      let s = false;
      for (const e of trace.events) {
        if (e.t > t) break;
        if (e.type === 'container.started' && e.container === c) s = true;
        if (e.type === 'container.unstarted' && e.container === c) s = false;
      }
      started.set(c, s);
    }
    return {
      t,
      phase: phaseAtT(trace, t),
      deleted: t >= deletedAt,
      status: new Map(containers.map((c) => [c, statusAt(trace, c, t)])),
      started,
    };
  });
}

const terminalPhase = (p: PodPhase) => p === 'Failed' || p === 'Succeeded';

/**
 * podStartVerifier.Verify over every watch event, then verifyFinal: the errors upstream would
 * collect (empty when the case passes). `fail` is the container that exits 1, `blocked` the main
 * container behind a failing init container, if any.
 */
export function verifyPodStart(trace: Trace, o: { fail: string; blocked?: string; waitCreated: boolean }): string[] {
  const errs: string[] = [];
  let hasTerminated = false;
  let hasTerminalPhase = false;
  let hasRunning = false;
  const snaps = watchEvents(trace, [o.fail, ...(o.blocked ? [o.blocked] : [])]);
  for (const s of snaps) {
    if (o.blocked) {
      const b = s.status.get(o.blocked);
      if (b && (s.started.get(o.blocked) || b.restartCount > 0 || b.state !== 'waiting')) {
        errs.push(`t=${s.t}: should not have started the blocked container (${b.state}, restartCount ${b.restartCount})`);
        break;
      }
    }
    const st = s.status.get(o.fail);
    if (!st) continue;
    if (hasTerminated && st.state !== 'terminated') {
      errs.push(`t=${s.t}: was terminated and then changed state (${st.state})`);
      break;
    }
    hasRunning = st.state === 'running';
    if (st.state === 'terminated') {
      hasTerminated = true;
      const ok = st.exitCode === 1 || st.exitCode === 137 && (st.reason === 'ContainerStatusUnknown' || st.reason === 'Error')
        || !o.waitCreated && st.exitCode === 128 && st.reason === 'StartError';
      if (!ok) { errs.push(`t=${s.t}: container unexpected exit code ${st.exitCode} reason=${st.reason}`); break; }
    }
    if (terminalPhase(s.phase)) hasTerminalPhase = true;
    else if (hasTerminalPhase) { errs.push(`t=${s.t}: was in a terminal phase and then reverted (${s.phase})`); break; }
  }
  if (errs.length > 0) return errs;
  return [...deletedSeen(trace), ...verifyFinal(snaps.at(-1), o.fail, hasTerminalPhase, hasRunning, o.waitCreated)];
}

/** podDeleteVerifier.Verify (the container restarted by a failing startup probe, then deleted) and verifyFinal. */
export function verifyPodDelete(trace: Trace, container: string): string[] {
  const errs: string[] = [];
  let hasTerminated = false;
  let hasTerminalPhase = false;
  let hasRunning = false;
  const snaps = watchEvents(trace, [container]);
  for (const s of snaps) {
    const st = s.status.get(container);
    if (!st) continue;
    if (!hasTerminated && st.state === 'terminated' && s.phase !== 'Failed') {
      errs.push(`t=${s.t}: container terminated (${st.exitCode} ${st.reason}) while the phase is ${s.phase}`);
      break;
    }
    if (hasTerminated && st.state !== 'terminated') { errs.push(`t=${s.t}: was terminated and then changed state (${st.state})`); break; }
    hasRunning = st.state === 'running';
    if (st.state === 'terminated') {
      hasTerminated = true;
      if (!(s.deleted && st.exitCode === 137 && st.reason === 'Error')) {
        errs.push(`t=${s.t}: container unexpected exit code ${st.exitCode} reason=${st.reason} (deleted: ${s.deleted})`);
        break;
      }
    }
    if (terminalPhase(s.phase)) hasTerminalPhase = true;
    else if (hasTerminalPhase) { errs.push(`t=${s.t}: was in a terminal phase and then reverted (${s.phase})`); break; }
  }
  if (errs.length > 0) return errs;
  return [...deletedSeen(trace), ...verifyFinal(snaps.at(-1), container, hasTerminalPhase, hasRunning, true)];
}

/** createAndTestPodRepeatedly waits at most 5 min after the deletion for the watch's Deleted event. */
function deletedSeen(trace: Trace): string[] {
  const deleted = trace.events.find((e) => e.type === 'pod.deleted')?.t;
  const gone = trace.events.find((e) => e.type === 'pod.gone')?.t;
  if (deleted === undefined) return ['the pod was never deleted'];
  return gone !== undefined && gone - deleted <= 300 ? [] : [`timed out waiting for watch events (deleted at ${deleted}s, gone at ${gone}s)`];
}

function verifyFinal(last: PodSnapshot | undefined, container: string, hasTerminalPhase: boolean, hasRunning: boolean, waitCreated: boolean): string[] {
  const errs: string[] = [];
  if (!last) return ['only got a single event'];
  if (!hasTerminalPhase) {
    if (last.status.get(container)?.state === 'running') errs.push(`did not reach a terminal phase before being deleted but had running containers: phase=${last.phase}`);
    else if (last.phase !== 'Pending' && waitCreated) errs.push(`was not Pending but has no running containers: phase=${last.phase}`);
  }
  if (hasRunning) errs.push('had running or unknown container status before being deleted');
  return errs;
}
