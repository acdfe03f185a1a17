// The test kit of the status golden tests (upstreamStatusManagerCases.test.ts,
// upstreamApiStatusCases.test.ts): every status the kubelet writes in a scenario, whole (the
// trace's statusWrites keep only state, reason, exit code and restart count; upstream's tables
// also check lastState, started, ready and the conditions' lastTransitionTime), the versions, and
// the Simulation document's head. The mapping is described in each test file's header.

import { expect } from 'vitest';
import type { ApiPodStatus, ContainerState, ContainerStatus } from '../api';
import { parseScenario } from '../scenario/parse';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import { SimNode } from './simNode';
import { startPod } from './simulatePod';
import { HORIZON_CAP } from './timing';

export const ALL: KubeVersion[] = [...SUPPORTED_VERSIONS];
/** Sidecars exist from 1.28 (gate SidecarContainers, alpha there: simHead turns it on). */
export const WITH_SIDECARS: KubeVersion[] = ALL.filter((v) => minor(v) >= 28);

/** The Simulation document's head; 1.28 needs the SidecarContainers gate (alpha). */
export function simHead(version: KubeVersion, until = '60s'): string {
  return `apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${version === '1.28' ? 'featureGates: { SidecarContainers: true }\n' : ''}until: ${until}`;
}

/** One status the kubelet wrote (SetPodStatus / a prober's patch): its time and the whole status. */
export interface Written {
  t: number;
  status: ApiPodStatus;
}

/**
 * Runs a scenario as simulate() does (one pod on its node) and records every status the status
 * manager commits, in order. The run itself is untouched: the recorder only reads each commit.
 */
export function writtenStatuses(text: string): Written[] {
  const parsed = parseScenario(text);
  if (!parsed.ok) expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (!parsed.ok) return [];
  const { scenario } = parsed;
  const horizon = scenario.sim.until ?? HORIZON_CAP;
  const node = new SimNode(horizon);
  const sim = startPod(node, scenario, horizon, { events: scenario.sim.events });
  const out: Written[] = [];
  const manager = sim.status;
  const commit = manager.commit.bind(manager);
  manager.commit = (next, view) => {
    out.push({ t: sim.now, status: next });
    commit(next, view);
  };
  node.k.run();
  return out;
}

/** A container's status in a written status (init containers first). */
export function statusOf(w: Written, name: string): ContainerStatus {
  const s = [...w.status.initContainerStatuses, ...w.status.containerStatuses].find((c) => c.name === name);
  expect(s, `no status for ${name} at ${w.t}`).toBeDefined();
  return s!;
}

/** The first write where the container's status matches; fails the test when none does. */
export function firstWhere(ws: Written[], name: string, pred: (s: ContainerStatus) => boolean): ContainerStatus {
  const w = ws.find((x) => pred(statusOf(x, name)));
  expect(w, `no write where ${name} matches`).toBeDefined();
  return statusOf(w!, name);
}

/** A state as upstream's tables compare it: which of the three, with its reason and exit code. */
export function stateOf(s: ContainerState): { waiting?: string; running?: true; terminated?: number } {
  if (s.waiting) return { waiting: s.waiting.reason ?? '' };
  if (s.running) return { running: true };
  if (s.terminated) return { terminated: s.terminated.exitCode };
  return {};
}

export const isTerminated = (exitCode: number) => (s: ContainerStatus): boolean => s.state.terminated?.exitCode === exitCode;
export const isWaiting = (s: ContainerStatus): boolean => s.state.waiting !== undefined;
export const isRunning = (s: ContainerStatus): boolean => s.state.running !== undefined;
