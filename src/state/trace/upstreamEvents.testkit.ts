// The test kit of the golden tests translated from upstream's event tests
// (upstreamEventCases.test.ts: client-go's tools/record; upstreamDescribeEventCases.test.ts:
// kubectl's DescribeEvents and apimachinery's HumanDuration): the versions, the scenarios that
// stand in for upstream's hand-made v1.Event values, and what the kubelet recorded.
//
// Upstream feeds the EventCorrelator events it builds itself (makeEvent: a Pod, a reason, a
// message, a fieldPath). Here the kubelet records them: a readiness probe's failed runs are a
// Warning `Unhealthy` event each ([5.13]), and a failure injected with a `statusCode` words the
// message (`Readiness probe failed: HTTP probe failed with statuscode: 503`), so a scenario
// chooses how many events one pod gets, when, and which of them share a message. With a
// failureThreshold the failures never reach, each window catches exactly one periodic run and no
// result change triggers a manual one ([5.9]).

import { runScenario } from '../../engine/run';
import type { Trace, TraceEvent } from '../../engine/trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../engine/version';
import { kubeEvents, type DescribeRow } from './describeEvents';

export const VERSIONS: readonly KubeVersion[] = SUPPORTED_VERSIONS;
export { minor };

/** The engine's trace of `text`; fails the test when the scenario does not run. */
export function traceOf(text: string): Trace {
  const r = runScenario(text);
  if (!r.ok || !r.trace) throw new Error(`the scenario should run: ${JSON.stringify(r.problems ?? r).slice(0, 400)}`);
  return r.trace;
}

/** An injected failure of the readiness probe: from `at` for `for` seconds, answering `statusCode` (else no output). */
export interface Window {
  at: number;
  for: number;
  statusCode?: number;
}

export interface ProbePod {
  version: KubeVersion;
  periodSeconds: number;
  /** High enough by default that no failure changes the result (no manual runs, [5.9]). */
  failureThreshold?: number;
  until: number;
  windows: readonly Window[];
  /** More of the container's spec (YAML flow entries after the probe), e.g. a lifecycle hook. */
  extraSpec?: string;
  /** More of the Simulation document (lines), e.g. a deletion. */
  extraEvents?: readonly string[];
  extraSim?: string;
}

export const POD = 'web';

/** One nginx container (pulled, 0.5 s) with an httpGet readiness probe failing in the given windows. */
export function probePod(p: ProbePod): string {
  const threshold = p.failureThreshold ?? 1000;
  const windows = p.windows.map((w) => `- {at: ${w.at}s, container: app, do: failReadiness, for: ${w.for}s${w.statusCode === undefined ? '' : `, statusCode: ${w.statusCode}`}}`);
  const events = [...windows, ...(p.extraEvents ?? [])];
  return `apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
  - name: app
    image: nginx
    readinessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: ${p.periodSeconds}, failureThreshold: ${threshold}}
${p.extraSpec ?? ''}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${p.version}"
until: ${p.until}s
${p.extraSim ?? ''}${events.length === 0 ? '' : `events:\n${events.join('\n')}\n`}`;
}

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** The trace's failed readiness runs up to `t`: the kubelet's Unhealthy events, one each. */
export function readinessFailures(trace: Trace, t = Infinity): Of<'probe.failed'>[] {
  return trace.events.filter((e): e is Of<'probe.failed'> => e.type === 'probe.failed' && e.probe === 'readiness' && e.t <= t);
}

/**
 * The events the kubelet recorded about the pod up to `t` (written or not), by reason, as kubeEvents
 * words them without a start's image context: a start's "already present" Pulled is not counted.
 */
export function kubeletOccurrences(trace: Trace, t: number, podName = POD): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of trace.events) {
    if (e.t > t) break;
    if (e.pod !== undefined && e.pod !== podName) continue;
    for (const r of kubeEvents(e, { podName })) if (r.from === 'kubelet') out.set(r.reason, (out.get(r.reason) ?? 0) + 1);
  }
  return out;
}

/** What `kubectl describe` prints in the Message column for a raw kubelet message of container app. */
export function described(message: string, version: KubeVersion): string {
  return minor(version) >= 35 ? `spec.containers{app}: ${message}` : message;
}

/** The rows of one reason. */
export const rowsOf = (rows: readonly DescribeRow[], reason: string): DescribeRow[] => rows.filter((r) => r.reason === reason);
