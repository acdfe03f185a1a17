// What the real-dump tests of explain mode share (realDumps*.test.ts): a fixture by name, a
// timestamp as seconds, the minors from one to another, and a dump explained at a version and a
// "now" (the read must raise no error).

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseRfc3339 } from '../apiPod/time';
import { minor, SUPPORTED_VERSIONS, type KubeVersion } from '../version';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { explainPods } from './explainPods';
import { readRealPods } from './readRealPods';
import type { PodExplanation } from './types';

export const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
export const at = (s: string): number => parseRfc3339(s)!;
export const from = (first: number, last = 37): KubeVersion[] => SUPPORTED_VERSIONS.filter((v) => minor(v) >= first && minor(v) <= last);

export function explainText(text: string, version: KubeVersion, now?: string): PodExplanation[] {
  const read = readRealPods(text);
  if (read.kind !== 'pods') throw new Error('not read as pods');
  expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return explainPods(read.input, { version, ...(now ? { now: at(now) } : {}) });
}

export const explain = (name: string, version: KubeVersion, now?: string): PodExplanation[] => explainText(fixture(name), version, now);

/**
 * "Continue from here" on a deleted pod whose deadline has passed: the deletion is replayed with the
 * least grace (1 s), the run raises no error, the pod is gone within 5 s of now and nothing starts
 * again ([8.2] [8.5]). Returns the continued result and its events for more checks.
 */
export function expectDeletionReplayedAtOnce(text: string, version: KubeVersion, now: string) {
  const r = continueScenario(text, { version, now: at(now) });
  if (!r.ok) throw new Error(r.message);
  expect(r.text).toMatch(/do: deletePod\n\s+gracePeriodSeconds: 1\n/);
  const run = runScenario(r.text);
  expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const events = run.trace!.events;
  const gone = events.filter((e) => e.type === 'pod.gone').map((e) => e.t);
  expect(gone).toHaveLength(1);
  expect(gone[0]! - r.now).toBeGreaterThan(0);
  expect(gone[0]! - r.now).toBeLessThan(5);
  expect(events.filter((e) => e.type === 'container.start' && e.t >= r.now)).toEqual([]);
  return { r, events };
}
