// Helpers of byVersion*.test.ts: the E01-E74 / C05 golden fixtures run at an older minor than the
// one their own tests use (the newest), each (fixture, minor) trace computed once, and the small
// checks several of the re-expressed upstream cases share (the same logAssertions vocabulary as
// initOrder.test.ts, termination.test.ts, reboot.test.ts, sidecarRestart.test.ts).

import { describe, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace } from '../trace';
import { NEWEST_VERSION, SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import { fixtureText, type Golden } from './harness';
import { expectThat, justBefore, logOf, phaseAt, phaseReachedAt, podGoneAt, times } from './logAssertions';

const cache = new Map<string, Golden>();

/** A container-level `restartPolicy: Always` (indented under a container, not the pod's own). */
const SIDECAR_LINE = /^\s{4,}restartPolicy:\s*Always\s*$/m;

/**
 * Fixture `name` run at `version`. At 1.28 a fixture with a restartable init container gets
 * SidecarContainers on, as upstream's "[NodeAlphaFeature:SidecarContainers]" jobs did; the others run
 * with the release's defaults, as the NodeConformance jobs did.
 */
export function runAt(name: string, version: KubeVersion): Golden {
  const key = `${name}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const text = fixtureText(name);
  const gates = minor(version) === 28 && SIDECAR_LINE.test(text) ? { featureGates: { SidecarContainers: true } } : {};
  const res = runScenario(text, { fileName: `${name}.yaml`, kubernetesVersion: version, ...gates });
  if (!res.ok || !res.trace || !res.scenario) {
    const errors = res.problems.filter((p) => p.severity === 'error');
    throw new Error(`fixture ${name}.yaml did not run at ${version}:\n${errors.map((p) => `  ${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n')}`);
  }
  const events = res.scenario.sim.events;
  const g: Golden = {
    name,
    trace: res.trace,
    at(what, container) {
      const e = events.find((x) => x.do === what && (container === undefined || x.container === container));
      if (!e) throw new Error(`fixture ${name}.yaml has no ${what} event${container ? ` for ${container}` : ''}`);
      return e.at;
    },
  };
  cache.set(key, g);
  return g;
}

/**
 * The engine's minors from 1.`from` to 1.`to`, both included, never the newest: the fixture's own
 * test (which runs at the fixture's version, the newest) already covers it.
 */
export function minors(from: number, to = minor(NEWEST_VERSION) - 1): KubeVersion[] {
  return SUPPORTED_VERSIONS.filter((v) => minor(v) >= from && minor(v) <= to && v !== NEWEST_VERSION);
}

/** One upstream case on the minors it ran at, with the check of that era. */
export interface Row {
  /** The fixture (usually the case's id). */
  fixture: string;
  versions: readonly KubeVersion[];
  check: (g: Golden, v: KubeVersion) => void;
}

/** A describe named as upstream names the case, with one test per minor (and fixture, if several). */
export function byVersion(title: string, rows: readonly Row[]): void {
  describe(title, () => {
    for (const r of rows) {
      for (const v of r.versions) {
        it(rows.length > 1 ? `${v} (${r.fixture})` : v, () => r.check(runAt(r.fixture, v), v));
      }
    }
  });
}

export const TERMINAL = ['Succeeded', 'Failed'] as const;

/** WaitTimeoutForPodNoLongerRunningInNamespace: a terminal phase within `seconds`. */
export function stopsRunningWithin(trace: Trace, seconds: number, names: string[]): void {
  const t = phaseReachedAt(trace, [...TERMINAL]);
  expectThat(trace, t !== undefined && t <= seconds, `pod stops running within ${seconds}s (terminal phase at ${t})`, names);
}

/** A terminal phase `phase` reached within `seconds` (WaitForPodFailedReason, or NoLongerRunning + phase). */
export function phaseWithin(trace: Trace, phase: 'Succeeded' | 'Failed', seconds: number, names: string[]): void {
  const t = phaseReachedAt(trace, [phase]);
  expectThat(trace, t !== undefined && t <= seconds, `phase ${phase} within ${seconds}s (reached at ${t})`, names);
}

/** Precondition of a scripted action: phase Running just before t. */
export function runningAt(trace: Trace, t: number, names: string[]): void {
  const b = justBefore(t);
  expectThat(trace, phaseAt(trace, b) === 'Running', `precondition: phase Running at ${t}s (got ${phaseAt(trace, b)})`, names);
}

/** WaitForPodNotFoundInNamespace after `from`: the pod gone within `seconds` (`strict`: less than). */
export function goneWithin(trace: Trace, from: number, seconds: number, names: string[], strict = false): void {
  const gone = podGoneAt(trace);
  const ok = gone !== undefined && (strict ? gone - from < seconds : gone - from <= seconds);
  expectThat(trace, ok, `pod gone within ${seconds}s of t=${from} (gone at ${gone})`, names);
}

/** StartsBefore over every ordered pair of `order`. */
export function startOrder(trace: Trace, order: readonly string[]): void {
  const l = logOf(trace);
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) l.startsBefore(order[i]!, order[j]!);
}

/** The node-reboot cases' FindIndex(.., "Started", ..) order: first run, then again after `after`. */
export function startedInOrderTwice(trace: Trace, order: readonly string[], after: number): void {
  const first = order.map((c) => times(trace, 'container.up', c)[0] ?? NaN);
  expectThat(trace, first.every((t, i) => Number.isFinite(t) && (i === 0 || t > first[i - 1]!)),
    `first run: ${order.join(' < ')} (Started at ${first.join(', ')})`, [...order]);
  let prev = after;
  const second: number[] = [];
  for (const c of order) {
    const t = times(trace, 'container.up', c).find((x) => x > prev);
    second.push(t ?? NaN);
    if (t === undefined) break;
    prev = t;
  }
  expectThat(trace, second.length === order.length && second.every(Number.isFinite),
    `second run after ${after}s: ${order.join(' < ')} (Started at ${second.join(', ')})`, [...order]);
}
