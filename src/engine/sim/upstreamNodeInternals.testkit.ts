// The test kit of upstreamPlegGcCases.test.ts and upstreamPodWorkerCases.test.ts (upstream's PLEG,
// container deletor, container GC and pod worker tests translated into whole scenarios): one run of
// a scenario that also records when each SyncPod began (the pod worker's calls of syncPod, which
// upstream's tests record as `processed`), the container statuses the kubelet had written at given
// times, and a Simulation document head by version.

import { expect } from 'vitest';
import type { ContainerStatus } from '../api';
import { parseScenario } from '../scenario/parse';
import type { TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import { SimNode } from './simNode';
import { startPod } from './simulatePod';

export const ALL: KubeVersion[] = [...SUPPORTED_VERSIONS];
/** Up to 1.35 the PLEG relists only on its 1 s period; from 1.36 also at once after a sync that acted ([0.8]). */
export const PERIODIC_ONLY: KubeVersion[] = ALL.filter((v) => minor(v) <= 35);
export const ON_DEMAND: KubeVersion[] = ALL.filter((v) => minor(v) >= 36);

export type Of<T extends TraceEvent['type']> = TraceEvent extends infer E ? (E extends { type: infer U } ? (T extends U ? E : never) : never) : never;

export interface Observed {
  /** When each SyncPod began (the pod worker's syncPod calls; SyncTerminatingPod and SyncTerminatedPod are not among them). */
  syncs: number[];
  events: TraceEvent[];
  /** The container statuses (init containers first) the kubelet had written by each asked time. */
  statuses: Map<number, ContainerStatus[]>;
}

const ms = (t: number): number => Math.round(t * 1000) / 1000;

/** Runs a scenario that must be valid to its `until`, stopping at each of `times` to copy the written statuses. */
export function observe(text: string, times: number[] = []): Observed {
  const parsed = parseScenario(text, {});
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const scenario = parsed.scenario;
  const horizon = scenario.sim.until ?? 600;
  const node = new SimNode(horizon);
  const sim = startPod(node, scenario, horizon, { events: scenario.sim.events });
  const syncs: number[] = [];
  const syncPod = sim.syncPod; // startPod wired it; its first call is queued, not run yet
  sim.syncPod = () => {
    syncs.push(ms(node.k.now));
    return syncPod();
  };
  const statuses = new Map<number, ContainerStatus[]>();
  for (const t of [...times].sort((a, b) => a - b)) {
    node.k.horizon = t;
    node.k.run();
    statuses.set(t, structuredClone([...sim.status.api.initContainerStatuses, ...sim.status.api.containerStatuses]));
  }
  node.k.horizon = horizon;
  node.k.run();
  return { syncs, events: sim.events, statuses };
}

/** The events of one type, of one container when `container` is given. */
export function of<T extends TraceEvent['type']>(events: TraceEvent[], type: T, container?: string): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));
}

/** One container's status as written by time `t` (observe's `times` must hold `t`). */
export function statusAt(o: Observed, t: number, name: string): ContainerStatus {
  const s = o.statuses.get(t)?.find((c) => c.name === name);
  expect(s, `${name} has no written status at ${t}s`).toBeDefined();
  return s!;
}

/** The finish time of the run a status's lastState shows, or undefined when it shows none. */
export function lastFinished(s: ContainerStatus): number | undefined {
  return s.lastState.terminated?.finishedAt;
}

/** The Simulation document's head (1.28 needs the SidecarContainers gate for a sidecar; none of these pods has one). */
export function simHead(version: KubeVersion, until: string, extra = ''): string {
  return `apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${extra}until: ${until}`;
}

/** foo fails once and then completes (OnFailure: no third run); bar runs on. `extra`: more Simulation document lines (feature gates). */
export function relistPod(version: KubeVersion, until = '59s', extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: relist, namespace: ns }
spec:
  restartPolicy: OnFailure
  containers:
    - { name: foo, image: example.com/app:1 }
    - { name: bar, image: example.com/app:1 }
---
${simHead(version, until, extra)}
containers:
  foo:
    pull: 0
    runs:
      - { exitAfter: 2s, exitCode: 1 }
      - { exitAfter: 3s, exitCode: 0 }
  bar: { pull: 0 }
`;
}
