// The test kit of upstreamHookCases.test.ts and upstreamRuntimeCases.test.ts (upstream's
// handlers_test.go, kuberuntime_container_test.go and kuberuntime_manager_test.go translated into
// whole scenarios): running a scenario text, picking events, the Simulation document's head by
// version, and the status the kubelet last wrote at a given time.

import { expect } from 'vitest';
import type { ContainerStatus } from '../api';
import { runScenario } from '../run';
import { parseScenario } from '../scenario/parse';
import type { Trace, TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import { SimNode } from './simNode';
import { startPod } from './simulatePod';

/** The event variant(s) of a type, the node events (whose `type` is a union) included. */
export type Of<T extends TraceEvent['type']> = TraceEvent extends infer E ? (E extends { type: infer U } ? (T extends U ? E : never) : never) : never;

/** The trace's events of one type, of one container when `container` is given. */
export function of<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Of<T>[] {
  return trace.events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));
}

export const ALL: KubeVersion[] = [...SUPPORTED_VERSIONS];
/** Sidecars: 1.28 with the SidecarContainers gate (alpha, switched on by simHead), then on by default. */
export const WITH_SIDECARS: KubeVersion[] = ALL.filter((v) => minor(v) >= 28);
/** The sleep action (KEP-3960): 1.29 with PodLifecycleSleepAction (alpha, switched on by simHead), beta from 1.30. */
export const WITH_SLEEP: KubeVersion[] = ALL.filter((v) => minor(v) >= 29);

/** The Simulation document's head: the version, the alpha gates the cases need, the horizon. */
export function simHead(version: KubeVersion, until: string): string {
  const gates = version === '1.28' ? 'featureGates: { SidecarContainers: true }\n'
    : version === '1.29' ? 'featureGates: { PodLifecycleSleepAction: true }\n'
    : '';
  return `apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${gates}until: ${until}`;
}

/** Runs a scenario that must be valid; returns its trace. */
export function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(r.trace).toBeDefined();
  return r.trace!;
}

/** The error problems of a scenario the API server would reject, as [path, message]. */
export function rejected(text: string): string[][] {
  return runScenario(text).problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.message]);
}

/**
 * The container statuses the kubelet had written by each of `times` (the status manager's last
 * write, what `kubectl get pod -o yaml` shows then), from one run of the scenario.
 */
export function statusesAt(text: string, times: number[]): Map<number, ContainerStatus[]> {
  const parsed = parseScenario(text, {});
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const scenario = parsed.scenario;
  const horizon = scenario.sim.until ?? 600;
  const node = new SimNode(horizon);
  const sim = startPod(node, scenario, horizon, { events: scenario.sim.events });
  const out = new Map<number, ContainerStatus[]>();
  for (const t of times) {
    node.k.horizon = t;
    node.k.run();
    out.set(t, [...sim.status.api.initContainerStatuses, ...sim.status.api.containerStatuses]);
  }
  return out;
}

/** One container's written status in a list from statusesAt. */
export function statusOf(list: ContainerStatus[] | undefined, name: string): ContainerStatus {
  const s = list?.find((c) => c.name === name);
  expect(s, `${name} has no written status`).toBeDefined();
  return s!;
}
