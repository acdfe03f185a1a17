// Helpers of probeE2e.test.ts and probeE2eSidecar.test.ts: upstream's e2e helpers of
// test/e2e/common/node/container_probe.go (runLivenessTest, runReadinessFailTest, getRestartCount,
// GetContainerStartedTime, GetTransitionTimeForReadyCondition, testutils.PodRunningReady) read off
// a trace. What the e2e reads from the API server (restartCount, state, startedAt) comes from the
// trace's statusWrites, the container statuses the kubelet wrote ([10.1]); the pod's Ready and phase
// from its pod.condition / pod.phase events. Upstream polls every 2 s (framework.Poll) or 1 s; here
// every change is looked at, which only matters for a value that changes back within a poll.

import { runScenario } from '../run';
import type { ContainerStatusWrite, Trace } from '../trace';
import { minor, SUPPORTED_VERSIONS, type KubeVersion } from '../version';
import { fixtureText } from './harness';
import { conditionAt, consistently, eventually, fail, phaseAt } from './logAssertions';

/** Every minor for the "Probing container" cases. */
export const ALL_VERSIONS: readonly KubeVersion[] = SUPPORTED_VERSIONS;
/** "Probing restartable init container" (Release v1.28): 1.28 with SidecarContainers on (alpha), then on by default. */
export const SIDECAR_VERSIONS: readonly KubeVersion[] = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28);

/** framework.PodStartTimeout, f.Timeouts.PodDelete (test/e2e/framework/timeouts.go), defaultObservationTimeout. */
export const POD_START_TIMEOUT = 300;
export const POD_DELETE_TIMEOUT = 300;
export const DEFAULT_OBSERVATION_TIMEOUT = 240;

const cache = new Map<string, Trace>();

/** Runs fixture `name` at `version`; a `-sidecar` fixture gets SidecarContainers on at 1.28, as upstream's alpha job. */
export function runAt(name: string, version: KubeVersion): Trace {
  const key = `${name}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const gates = name.endsWith('-sidecar') && minor(version) < 29 ? { featureGates: { SidecarContainers: true } } : {};
  const res = runScenario(fixtureText(name), { fileName: `${name}.yaml`, kubernetesVersion: version, ...gates });
  if (!res.ok || !res.trace) {
    const errors = res.problems.filter((p) => p.severity === 'error');
    throw new Error(`fixture ${name}.yaml did not run at ${version}:\n${errors.map((p) => `  ${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n')}`);
  }
  cache.set(key, res.trace);
  return res.trace;
}

function writesOf(trace: Trace, container: string): ContainerStatusWrite[] {
  if (!trace.statusWrites) throw new Error('the trace has no statusWrites');
  return trace.statusWrites.filter((w) => w.container === container);
}

/** The container's status as last written at or before t. */
export function apiStatus(trace: Trace, container: string, t: number): ContainerStatusWrite | undefined {
  return writesOf(trace, container).filter((w) => w.t <= t).at(-1);
}

export function apiRestartCount(trace: Trace, container: string, t: number): number {
  return apiStatus(trace, container, t)?.restartCount ?? 0;
}

/** getRestartCount: the sum over initContainerStatuses and containerStatuses. */
export function podRestartCount(trace: Trace, t: number): number {
  return trace.containers.reduce((n, c) => n + apiRestartCount(trace, c.name, t), 0);
}

/** podutil.IsPodReady. */
export function podReady(trace: Trace, t: number): boolean {
  return conditionAt(trace, 'Ready', t)?.status === 'True';
}

/** testutils.PodRunningReady: phase Running and Ready. */
export function podRunningReady(trace: Trace, t: number): boolean {
  return phaseAt(trace, t) === 'Running' && podReady(trace, t);
}

/** When the pod's Ready condition last turned True at or before t (its lastTransitionTime). */
export function readyTransitionAt(trace: Trace, t: number): number | undefined {
  const ready = trace.events.filter((e) => e.type === 'pod.condition' && e.condition === 'Ready' && e.t <= t);
  const last = ready.at(-1);
  if (!last || last.type !== 'pod.condition' || last.status !== 'True') return undefined;
  let i = ready.length - 1;
  while (i > 0) {
    const prev = ready[i - 1]!;
    if (prev.type !== 'pod.condition' || prev.status !== 'True') break;
    i--;
  }
  return ready[i]!.t;
}

/** GetContainerStartedTime: state.running.startedAt of the named container at t (the start of its running instance). */
export function runningStartedAt(trace: Trace, container: string, t: number): number | undefined {
  if (apiStatus(trace, container, t)?.state !== 'running') return undefined;
  return trace.events.filter((e) => e.type === 'container.start' && e.container === container && e.t <= t).at(-1)?.t;
}

/** The API's timestamps are whole seconds (metav1.Time, RFC 3339). */
export function apiSeconds(t: number): number {
  return Math.floor(t);
}

export interface LivenessOutcome {
  /** When the container was first seen not waiting (running or terminated). */
  t0: number;
  initial: number;
  deadline: number;
  observed: number;
}

/**
 * runLivenessTest (RunLivenessTest on Containers[0], RunSidecarLivenessTest on InitContainers[0]):
 * wait (up to `timeout`) for the container's status to be running or terminated, take its
 * restartCount, then watch it until t0 + timeout + 10 s per initial restart. n > 0 restarts
 * expected: at least n more must be seen by then; 0 expected: none may be. It must never go down.
 */
export function runLivenessTest(trace: Trace, container: string, expectNumRestarts: number, timeout: number): LivenessOutcome {
  const writes = writesOf(trace, container);
  const first = writes.find((w) => w.state === 'running' || w.state === 'terminated');
  if (!first || first.t > timeout) fail(trace, `${container} never left waiting within ${timeout}s`, [container]);
  const t0 = first.t;
  const initial = apiRestartCount(trace, container, t0);
  const deadline = t0 + timeout + initial * 10;
  let last = initial;
  let observed = 0;
  for (const w of writes.filter((x) => x.t > t0 && x.t <= deadline)) {
    if (w.restartCount < last) fail(trace, `restartCount of ${container} went down from ${last} to ${w.restartCount} at ${w.t}s`, [container]);
    last = w.restartCount;
    observed = last - initial;
    if (expectNumRestarts > 0 && observed >= expectNumRestarts) return { t0, initial, deadline, observed };
  }
  if (trace.end < deadline) throw new Error(`the fixture ends at ${trace.end}s, before runLivenessTest's deadline ${deadline}s`);
  if (expectNumRestarts === 0 && observed > 0) fail(trace, `expected no restart of ${container} by ${deadline}s, saw ${observed}`, [container]);
  if (observed < expectNumRestarts) fail(trace, `expected ${expectNumRestarts} restart(s) of ${container} by ${deadline}s (t0 ${t0}s), saw ${observed}`, [container]);
  return { t0, initial, deadline, observed };
}

/**
 * runReadinessFailTest: (if waitForNotPending, after WaitForPodNotPending, up to PodStartTimeout)
 * the pod is not Ready for `notReadyUntil`. Upstream's loop calls IsPodReady on its own copy of the
 * pod, never refreshed (so it can only pass); the check here is the one its description states:
 * "readiness probe MUST not be Ready".
 */
export function runReadinessFailTest(trace: Trace, names: string[], notReadyUntil: number, waitForNotPending: boolean): void {
  let t0 = 0;
  if (waitForNotPending) {
    const t = eventually(trace, 0, POD_START_TIMEOUT, (x) => phaseAt(trace, x) !== 'Pending');
    if (t === undefined) fail(trace, `the pod stayed Pending for ${POD_START_TIMEOUT}s`, names);
    t0 = t;
  }
  if (trace.end < t0 + notReadyUntil) throw new Error(`the fixture ends at ${trace.end}s, before ${t0 + notReadyUntil}s`);
  const bad = consistently(trace, t0, t0 + notReadyUntil, (x) => !podReady(trace, x));
  if (bad !== undefined) fail(trace, `the pod is Ready at ${bad}s, within [${t0}s, ${t0 + notReadyUntil}s]`, names);
}

/**
 * waitForPodStatusByInformer(…, PodDelete, !IsPodReady) after the deletion at `deletedAt`: an
 * informer sees every update of the object until it is gone (its DeleteFunc gets the last one).
 * Returns when the Ready condition is first False after the deletion.
 */
export function unreadyAfterDeletion(trace: Trace, deletedAt: number, names: string[]): number {
  const gone = trace.events.find((e) => e.type === 'pod.gone')?.t ?? Infinity;
  const until = Math.min(deletedAt + POD_DELETE_TIMEOUT, gone, trace.end);
  const t = eventually(trace, deletedAt, until, (x) => !podReady(trace, x));
  if (t === undefined) fail(trace, `the pod was still Ready until ${until}s (deleted at ${deletedAt}s, gone at ${gone}s)`, names);
  return t;
}
