// Shared by the getPhase golden files (upstreamPhaseCases.test.ts, whose header names the upstream
// tests and versions read; upstreamPhaseRuleCases.test.ts): upstream's status helpers of
// kubelet_pods_test.go under their own names, a table's shape, and the run of one case on a minor.

import { describe, expect, it } from 'vitest';
import type { ContainerForStatus, ContainerStatus } from '../api';
import { exited, running, specOf, waiting, type PodShape } from '../apiPod/statusBuilders';
import type { PodPhase } from '../trace';
import { anyMainContainerStarted, explainPhase, getPhase, phaseVersionRules, type PhaseOptions } from './getPhase';

// ---- upstream's status helpers (kubelet_pods_test.go), same names ----
export const runningState = (n: string): ContainerStatus => running(n);
export const startedState = (n: string): ContainerStatus => running(n, { started: true });
export const stoppedState = (n: string): ContainerStatus => exited(n, 0, { noReason: true });
export const succeededState = (n: string): ContainerStatus => exited(n, 0, { noReason: true });
export const failedState = (n: string): ContainerStatus => exited(n, -1, { noReason: true });
export const failedStateWithExitCode = (n: string, code: number): ContainerStatus => exited(n, code, { noReason: true });
export const waitingState = (n: string): ContainerStatus => waiting(n, '');
export const waitingStateWithLastTermination = (n: string): ContainerStatus =>
  ({ ...waiting(n), lastState: { terminated: { exitCode: 0 } } });
export const waitingStateWithNonZeroTermination = (n: string): ContainerStatus =>
  ({ ...waiting(n), lastState: { terminated: { exitCode: -1 } } });
export const removedMessage = 'The container is removed because RestartAllContainers in place';
export const waitingStateWithRestartingAllContainers = (n: string): ContainerStatus => ({
  name: n,
  state: { waiting: { reason: 'RestartingAllContainers', message: removedMessage } },
  lastState: { terminated: { exitCode: 137, reason: 'RestartingAllContainers', message: removedMessage } },
  ready: false,
  restartCount: 0,
});

export interface Case {
  /** upstream's `test` / `name` string */
  test: string;
  init?: ContainerStatus[];
  main: ContainerStatus[];
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
  phase: PodPhase;
  /** the rule of docs/kubelet-rules.md our explainPhase names */
  rule: string;
  /** the case encodes a fix from this minor on */
  from?: number;
  /** our model's phase on the table's minors before `from` */
  earlier?: PodPhase;
  /** overrides the table's spec */
  shape?: PodShape;
}

export interface Table {
  fn: string;
  shape: PodShape;
  /** first minor the table applies to */
  since: number;
  containerRestartRules?: boolean;
  restartAllContainers?: boolean;
  cases: Case[];
}

export const LAST = 37;
export const minorsFrom = (first: number, last: number = LAST): number[] =>
  Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

export function optsAt(minor: number, t: Table, c: Case): PhaseOptions {
  const rules = phaseVersionRules(minor);
  const status = { initContainerStatuses: c.init ?? [], containerStatuses: c.main };
  return {
    podIsTerminal: c.podIsTerminal ?? false,
    podHasInitialized: rules.initializedFromStatuses ? anyMainContainerStarted(status) : (c.podHasInitialized ?? false),
    containerRestartRules: t.containerRestartRules === true,
    restartAllContainers: t.restartAllContainers === true,
    sidecarStartedVisible: true,
    pendingInitOnlyBeforeInitialized: rules.pendingInitOnlyBeforeInitialized,
    initializedFromStatuses: rules.initializedFromStatuses,
  };
}

export const two: PodShape = { main: ['containerA', 'containerB'] };

/** minor -> "phase [rule]" */
export type Verdicts = Record<number, string>;

export function run(t: Table, k: Case, minors: number[]): Verdicts {
  const spec = specOf(k.shape ?? t.shape);
  const status = { initContainerStatuses: k.init ?? [], containerStatuses: k.main };
  const out: Verdicts = {};
  for (const m of minors) {
    const opts = optsAt(m, t, k);
    const e = explainPhase(spec, status, opts);
    expect(getPhase(spec, status, opts)).toBe(e.phase);
    expect(e.why).toContain(`[${e.rule}]`);
    out[m] = `${e.phase} [${e.rule}]`;
  }
  return out;
}

export const all = (minors: number[], v: string): Verdicts => Object.fromEntries(minors.map((m) => [m, v]));

/** Each case of each table on every minor it applies to: the phase upstream expects, with the rule we cite. */
export function describeTables(tables: readonly Table[]): void {
  for (const t of tables) {
    describe(t.fn, () => {
      it.each(t.cases)('$test', (k) => {
        const from = Math.max(t.since, k.from ?? t.since);
        const minors = minorsFrom(from);
        expect(run(t, k, minors)).toEqual(all(minors, `${k.phase} [${k.rule}]`));
        if (k.earlier !== undefined) {
          const before = minorsFrom(t.since, from - 1);
          const phases = Object.values(run(t, k, before)).map((v) => v.split(' ')[0]);
          expect(phases).toEqual(before.map(() => k.earlier));
        }
      });
    });
  }
}

export type { ContainerForStatus };
