// Helpers for lifecycleNewE2e*.test.ts: golden fixtures run at a chosen minor, the upstream stored
// versions of test/e2e_node/container_lifecycle_test.go dated to minors, and the log helpers of the
// older test/e2e_node/container_lifecycle_pod_construction.go that logAssertions.ts does not mirror
// (it mirrors the newest ones).
//
// Older helper semantics, read in the stored pod_construction versions:
//  - index id 2084585184 (1.28-era; it pairs with the 1.28-era test file: DoesntStartAfter, no
//    TerminationSeconds, parseOutput(pod)) and the 1.27-era copy inlined in the test file (index id
//    1598113137):
//      ExitsBefore(lhs, rhs): lhs's first `Exiting`, then a `Starting` of rhs after it (the newer helper
//        wants an `Exiting` of rhs instead);
//      RunTogether(lhs, rhs): both logged `Started` (its "Finishing" clauses never fire: no line says
//        Finishing);
//      DoesntStartAfter(lhs, rhs): rhs's first `Starting`, and no `Started` of lhs after it.
//  - index id 85351672 (1.29/1.30-era, pairs with commit 03b40b6f): ExitsBefore and RunTogether as
//    logAssertions.ts has them, DoesntStartAfter as above.

import { fixtureText } from './harness';
import { checks, fail, mergedLog, type LogLine } from './logAssertions';
import { runScenario } from '../run';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import type { Trace } from '../trace';

const cache = new Map<string, Trace>();

/** A golden fixture run at `version`; SidecarContainers is switched on at 1.28, where it is alpha. */
export function runAt(name: string, version: KubeVersion): Trace {
  const key = `${name}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const gates = minor(version) === 28 ? { featureGates: { SidecarContainers: true } } : {};
  const res = runScenario(fixtureText(name), { fileName: `${name}.yaml`, kubernetesVersion: version, ...gates });
  const errors = res.problems.filter((p) => p.severity === 'error');
  if (!res.ok || !res.trace) {
    throw new Error(`fixture ${name}.yaml did not run at ${version}:\n${errors.map((p) => `  ${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n')}`);
  }
  cache.set(key, res.trace);
  return res.trace;
}

/** The engine's minors from `from` to `to`, both included. */
export function minors(from: number, to: number): KubeVersion[] {
  return SUPPORTED_VERSIONS.filter((v) => minor(v) >= from && minor(v) <= to);
}

/**
 * The stored versions of container_lifecycle_test.go, dated by their content (the minors each case
 * runs at are those of the versions that hold it; 1.33/1.34 have no stored version).
 */
export const ERA = {
  /** index ids 2017332806, 1598113137: no sidecar cases, helpers inline or in pod_construction. */
  v127: minors(27, 27),
  /** index id 4679983245: "[NodeAlphaFeature:SidecarContainers] Containers Lifecycle ". */
  v128: minors(28, 28),
  /** commit 03b40b6f (index id 17057048): nodefeature.SidecarContainers, f.It, flat sidecar Its. */
  v129: minors(29, 30),
  /** index id 413137960: feature.SidecarContainers, nested Whens, E70 still waits for Running. */
  v131: minors(31, 32),
} as const;

type Check = (log: LogLine[], a: string, b: string) => string | null;

function findIndex(log: LogLine[], name: string, word: LogLine['word'], from: number): number {
  for (let i = Math.max(0, from); i < log.length; i++) if (log[i]!.name === name && log[i]!.word === word) return i;
  return -1;
}

/** The 1.27/1.28-era helpers that differ from logAssertions.ts (see the header). */
export const oldChecks: Record<'exitsBefore' | 'runTogether' | 'doesntStartAfter', Check> = {
  exitsBefore(log, a, b) {
    const ae = findIndex(log, a, 'Exiting', 0);
    if (ae === -1) return `${a} never logged Exiting`;
    return findIndex(log, b, 'Starting', ae + 1) === -1 ? `no Starting of ${b} after ${a}'s first Exiting (t=${log[ae]!.t})` : null;
  },
  runTogether(log, a, b) {
    if (findIndex(log, a, 'Started', 0) === -1) return `${a} never logged Started`;
    return findIndex(log, b, 'Started', 0) === -1 ? `${b} never logged Started` : null;
  },
  doesntStartAfter(log, a, b) {
    const bs = findIndex(log, b, 'Starting', 0);
    if (bs === -1) return `${b} never logged Starting`;
    const as = findIndex(log, a, 'Started', bs + 1);
    return as === -1 ? null : `${a} logged Started at t=${log[as]!.t}, after ${b}'s first Starting (t=${log[bs]!.t})`;
  },
};

export interface EraLog {
  /** The helpers of the era's pod_construction file, by upstream name. */
  startsBefore(a: string, b: string): void;
  exitsBefore(a: string, b: string): void;
  runTogether(a: string, b: string): void;
  doesntStartAfter(a: string, b: string): void;
  starts(a: string): void;
  exits(a: string): void;
  restarted(a: string): void;
}

/** The merged log checked with the helpers of the 1.27/1.28 era (`old`) or of the 1.29/1.30 era (`v129`). */
export function eraLog(trace: Trace, era: 'old' | 'v129'): EraLog {
  const log = mergedLog(trace);
  const run = (name: string, fn: Check, a: string, b: string) => {
    const r = fn(log, a, b);
    if (r !== null) fail(trace, `${name}(${a}, ${b}) does not hold: ${r}`, [a, b]);
  };
  const one = (name: string, fn: (l: LogLine[], a: string) => string | null, a: string) => {
    const r = fn(log, a);
    if (r !== null) fail(trace, `${name}(${a}) does not hold: ${r}`, [a]);
  };
  return {
    startsBefore: (a, b) => run('StartsBefore', checks.startsBefore, a, b),
    exitsBefore: (a, b) => run('ExitsBefore', era === 'old' ? oldChecks.exitsBefore : checks.exitsBefore, a, b),
    runTogether: (a, b) => run('RunTogether', era === 'old' ? oldChecks.runTogether : checks.runTogether, a, b),
    doesntStartAfter: (a, b) => run('DoesntStartAfter', oldChecks.doesntStartAfter, a, b),
    starts: (a) => one('Starts', checks.starts, a),
    exits: (a) => one('Exits', checks.exits, a),
    restarted: (a) => one('HasRestarted', checks.restarted, a),
  };
}
