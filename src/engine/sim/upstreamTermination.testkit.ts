// Shared by the upstream termination golden files (upstreamTerminationCases.test.ts, whose header
// names the upstream files and versions read; upstreamKillGraceCases.test.ts;
// upstreamTerminationHookCases.test.ts): the trace readers and the scenario head they use.

import { expect } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS, type KubeVersion } from '../version';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
export const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Of<T>[] =>
  trace.events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));

export const minor = (v: KubeVersion): number => Number(v.split('.')[1]);
export const ALL: KubeVersion[] = [...SUPPORTED_VERSIONS];
export const ORDERED: KubeVersion[] = ALL.filter((v) => minor(v) >= 29);
export const WITH_SIDECARS: KubeVersion[] = ALL.filter((v) => minor(v) >= 28);

/** The Simulation document's head; 1.28 needs the SidecarContainers gate (alpha). */
export function simHead(version: KubeVersion, until = '150s'): string {
  return `apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${version === '1.28' ? 'featureGates: { SidecarContainers: true }\n' : ''}until: ${until}`;
}

export function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(r.trace).toBeDefined();
  return r.trace!;
}

/** [signal time, SIGKILL time] relative to the kill. */
export function stopTimes(t: Trace): number[] {
  const kill = of(t, 'container.kill', 'foo')[0]!;
  const signals = of(t, 'container.signal', 'foo');
  expect(signals.map((s) => s.signal)).toEqual(['SIGTERM', 'SIGKILL']);
  return signals.map((s) => Math.round((s.t - kill.t) * 1000) / 1000);
}
