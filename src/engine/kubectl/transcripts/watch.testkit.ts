// Test kit for published `kubectl get pod -w` transcripts: run a scenario, read the rows the
// engine prints (pod.kubectl events, [14.1]–[14.4]) and compare them with the published ones.
// A watch prints a line per change it sees, but it may miss a short-lived state, so a published
// sequence is checked as a subsequence of ours; READY, STATUS and the RESTARTS count are compared
// strictly, the "(5s ago)" part of RESTARTS and AGE are not.
import { expect } from 'vitest';
import { podOf, type PodShape } from '../../apiPod/statusBuilders';
import { runScenario } from '../../run';
import { printPod } from '../printPod';

export interface Row { ready: string; status: string; restarts: string }
export interface TimedRow extends Row { t: number }

/**
 * Parses published lines "NAME READY STATUS RESTARTS [(Xs ago)] AGE …" into rows (NAME dropped);
 * `t` is the AGE column in seconds ("2m1s", "9m", "31s").
 */
export function publishedRows(text: string): TimedRow[] {
  return text.trim().split('\n').map((line) => {
    const [, ready, status, restarts, ...rest] = line.trim().split(/\s+/);
    const age = rest[0]?.startsWith('(') ? rest[2] : rest[0];
    if (!ready || !status || !restarts || !age) throw new Error(`not a kubectl get pod line: ${line}`);
    return { ready, status, restarts, t: ageSeconds(age) };
  });
}

/** The "(12s ago)" of a published RESTARTS column, in seconds, or undefined. */
export function agoOf(line: string): number | undefined {
  const ago = /\((\S+) ago\)/.exec(line)?.[1];
  return ago === undefined ? undefined : ageSeconds(ago);
}

/** kubectl's AGE ("3d5h", "2m1s", "26s") in seconds. */
export function ageSeconds(age: string): number {
  const unit: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const [, n, u] of age.matchAll(/(\d+)([dhms])/g)) total += Number(n) * (unit[u!] ?? 0);
  return total;
}

/**
 * The row a watch prints before the kubelet has written any status: the API server's object
 * with phase Pending and no container statuses ([14.1]). The engine's trace starts at the
 * kubelet's first write, so a published leading `Pending` row is checked with this instead.
 */
export function rowBeforeKubelet(shape: PodShape, minor: number): Row {
  return printPod(podOf(shape, [], [], { phase: 'Pending' }), 0, { minor });
}

/** Runs a scenario and returns the kubectl rows the engine prints, with their times. */
export function simulatedRows(scenario: string, kubernetesVersion?: string): TimedRow[] {
  const r = runScenario(kubernetesVersion === undefined ? scenario : withVersion(scenario, kubernetesVersion));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events
    .filter((e) => e.type === 'pod.kubectl')
    .map((e) => ({ t: e.t, ready: e.ready, status: e.status, restarts: restartCount(e.restarts) }));
}

/** The scenario with its Simulation document's `kubernetesVersion` replaced. */
export function withVersion(scenario: string, version: string): string {
  expect(scenario).toMatch(/^kubernetesVersion: "[\d.]+"$/m);
  return scenario.replace(/^kubernetesVersion: "[\d.]+"$/m, `kubernetesVersion: "${version}"`);
}

/** The row showing at time `t` (the last printed at or before it), RESTARTS as a bare count. */
export function rowAt(rows: TimedRow[], t: number): Row | undefined {
  const row = rows.filter((r) => r.t <= t).at(-1);
  return row && { ready: row.ready, status: row.status, restarts: restartCount(row.restarts) };
}

/** What a watch started at `t` would list: the row showing then, and every later one. */
export function fromWatchStart(rows: TimedRow[], t: number): TimedRow[] {
  const first = rows.findLastIndex((r) => r.t <= t);
  return rows.slice(Math.max(first, 0));
}

/** "3 (10s ago)" → "3". */
export function restartCount(restarts: string): string {
  return restarts.split(' ')[0] ?? restarts;
}

const key = (r: Row) => `${r.ready} ${r.status} ${restartCount(r.restarts)}`;

/** The one published line of a transcript that printed one. */
export function publishedRow(line: string): TimedRow {
  const [row] = publishedRows(line);
  return row!;
}

/** Where each published row falls in ours, or null when the published sequence is not a subsequence. */
export function matchSubsequence(published: Row[], ours: Row[]): number[] | null {
  const at: number[] = [];
  let i = 0;
  for (const row of published) {
    while (i < ours.length && key(ours[i]!) !== key(row)) i++;
    if (i === ours.length) return null;
    at.push(i++);
  }
  return at;
}

/** Asserts the published rows appear in order in ours (identical READY, STATUS, RESTARTS count). */
export function expectSubsequence(published: Row[], ours: Row[]): number[] {
  const at = matchSubsequence(published, ours);
  expect(at, `published:\n${published.map(key).join('\n')}\nsimulated:\n${ours.map(key).join('\n')}`).not.toBeNull();
  return at!;
}

/**
 * A published describe's Events row against the engine's occurrences: `[reason, the whole
 * seconds our occurrences happened at, the published count, the age of the last, the age of the
 * first]`, the ages read at `dumpAt`. Counts strictly, ages within kubectl's 1 s rounding.
 */
export type DescribeRowCheck = [reason: string, ours: number[], count: number, lastAge: number, firstAge: number];

export function expectDescribeAges(dumpAt: number, rows: DescribeRowCheck[]): void {
  for (const [reason, ours, count, last, first] of rows) {
    expect(ours, reason).toHaveLength(count);
    expect(Math.abs(dumpAt - ours.at(-1)! - last), `${reason}: last`).toBeLessThanOrEqual(1);
    expect(Math.abs(dumpAt - ours[0]! - first), `${reason}: first`).toBeLessThanOrEqual(1);
  }
}

/**
 * The engine's rows of a scenario, each keyed `READY STATUS count` with the whole second its
 * "(… ago)" counts from ([14.1]), for checks of which run a published "ago" dates.
 */
export function rowsWithLastRestart(scenario: string): { t: number; key: string; lastRestartAt?: number }[] {
  return runScenario(scenario).trace!.events.flatMap((e) => (e.type === 'pod.kubectl'
    ? [{ t: e.t, key: `${e.ready} ${e.status} ${restartCount(e.restarts)}`, lastRestartAt: e.lastRestartAt }]
    : []));
}

/** The same rows with their columns apart (RESTARTS as its count), for subsequence and "ago" checks. */
export function columnsWithLastRestart(scenario: string): (TimedRow & { lastRestartAt?: number })[] {
  return rowsWithLastRestart(scenario).map((r) => {
    const [ready, status, restarts] = r.key.split(' ');
    return { t: r.t, ready: ready!, status: status!, restarts: restarts!, lastRestartAt: r.lastRestartAt };
  });
}
