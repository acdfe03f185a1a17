// What the real-dump tests of explain mode share (realDumps*.test.ts): a fixture by name, a
// timestamp as seconds, the minors from one to another, and a dump explained at a version and a
// "now" (the read must raise no error).

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseRfc3339 } from '../apiPod/time';
import { minor, SUPPORTED_VERSIONS, type KubeVersion } from '../version';
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
