// The test kit of the prober golden tests (upstreamProberCases.test.ts, upstreamProberHoldCases.test.ts,
// upstreamProbeManagerCases.test.ts,
// upstreamProbeHandlerCases.test.ts): a pod written as YAML with its Simulation document, run
// through runScenario on a chosen version, and what the API status said of a container at a time,
// read back from the trace. The mapping from upstream's cases is in each test file's header.

import { expect } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';

export const ALL: KubeVersion[] = [...SUPPORTED_VERSIONS];
/** Sidecars exist from 1.28 (alpha there: the Simulation head switches the gate on). */
export const WITH_SIDECARS: KubeVersion[] = ALL.filter((v) => minor(v) >= 28);

export type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Of<T>[] =>
  trace.events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));

export const times = (trace: Trace, type: TraceEvent['type'], container: string): number[] => of(trace, type, container).map((e) => e.t);

/** The probe.failed events of one probe kind (optionally of one container run). */
export function failedRuns(trace: Trace, container: string, probe: 'startup' | 'liveness' | 'readiness', attempt?: number): Of<'probe.failed'>[] {
  return of(trace, 'probe.failed', container).filter((e) => e.probe === probe && (attempt === undefined || e.attempt === attempt));
}

/** The probe.result events of one probe kind. */
export function results(trace: Trace, container: string, probe: 'startup' | 'liveness' | 'readiness'): Of<'probe.result'>[] {
  return of(trace, 'probe.result', container).filter((e) => e.probe === probe);
}

/**
 * A pod and its Simulation document. `containers` and `initContainers` are the YAML list items
 * (indented as a list under `spec`), `sim` the Simulation document's lines after `until`.
 */
export function podText(version: KubeVersion, o: { containers: string; initContainers?: string; policy?: string; extraSpec?: string; until?: string; sim?: string }): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: ${o.policy ?? 'Always'}
${o.extraSpec ?? ''}${o.initContainers ? `  initContainers:\n${o.initContainers}` : ''}  containers:
${o.containers}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${version === '1.28' ? 'featureGates: { SidecarContainers: true }\n' : ''}until: ${o.until ?? '120s'}
${o.sim ?? ''}`;
}

/** Runs a scenario that must load without errors. */
export function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.message}`)).toEqual([]);
  expect(r.trace).toBeDefined();
  return r.trace!;
}

/** The last of these events at or before t (in trace order), if any. */
function lastOf(trace: Trace, container: string, types: readonly TraceEvent['type'][], t: number): TraceEvent | undefined {
  let last: TraceEvent | undefined;
  for (const e of trace.events) {
    if (e.t > t) break;
    if ((e as { container?: string }).container === container && types.includes(e.type)) last = e;
  }
  return last;
}

/** The container's Ready as the API status said it at t ([5.6]: container.ready / container.unready). */
export function readyAt(trace: Trace, container: string, t: number): boolean {
  return lastOf(trace, container, ['container.ready', 'container.unready'], t)?.type === 'container.ready';
}

/**
 * The container's Started as the API status said it at t ([5.6]): a container.started event not
 * undone by container.unstarted, nor by the exit of that run (a terminated container is not
 * started: isContainerStarted asks for State.Running first).
 */
export function startedAt(trace: Trace, container: string, t: number): boolean {
  const e = lastOf(trace, container, ['container.started', 'container.unstarted', 'container.exit'], t);
  return e?.type === 'container.started';
}

/** The first event of this type for the container at or after t. */
export function firstAfter<T extends TraceEvent['type']>(trace: Trace, type: T, container: string, t: number): Of<T> | undefined {
  return of(trace, type, container).find((e) => e.t >= t);
}
