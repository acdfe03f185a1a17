// Test kit for published `kubectl describe pod` Events lines: "Type Reason Age [(xN over M)] From
// Message", From being `kubelet` or, before about 1.20, `kubelet, <node>`. A line a stored copy
// cuts short keeps what it has (an empty or partial message).
import { expect } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { ageSeconds } from '../../engine/kubectl/transcripts/watch.testkit';
import type { DescribeRow } from './describeEvents';

export interface PublishedEvent {
  type: string;
  reason: string;
  /** The Age column in seconds (the last occurrence's age). */
  age: number;
  count: number;
  /** The "over M" in seconds (the first occurrence's age), when printed. */
  over?: number;
  from: string;
  message: string;
}

export function publishedEvent(line: string): PublishedEvent {
  const m = /^\s*(Normal|Warning)\s+(\w+)\s+(\S+)(?:\s+\(x(\d+) over (\S+)\))?\s+(kubelet(?:, \S+)?|default-scheduler)\s*(.*)$/.exec(line);
  if (!m) throw new Error(`not a describe event line: ${line}`);
  return {
    type: m[1]!, reason: m[2]!, age: ageSeconds(m[3]!), count: m[4] ? Number(m[4]) : 1,
    over: m[5] ? ageSeconds(m[5]) : undefined, from: m[6]!, message: m[7]!,
  };
}

/** kubectl's age at `now` of an event at `t`: whole seconds, floored. */
export function ageAt(now: number, t: number): number {
  return Math.floor(now - t);
}

/**
 * Checks one published Events line against the describe panel's kubelet `rows` at `listingAt`:
 * exactly one row with its reason and `message` (default: the published one), its type and count,
 * and within 1 s its age (unless `age` is false) and its "over" (the first occurrence's age).
 * Returns the row.
 */
export function expectPublishedEvent(
  rows: readonly DescribeRow[], p: PublishedEvent, listingAt: number, opts: { message?: string; age?: boolean } = {},
): DescribeRow {
  const message = opts.message ?? p.message;
  const ours = rows.filter((r) => r.reason === p.reason && r.message === message);
  expect(ours, `${p.reason} ${message}\nours: ${rows.map((r) => `${r.reason} x${r.count} ${r.message}`).join('\n')}`).toHaveLength(1);
  const row = ours[0]!;
  expect(row.type).toBe(p.type);
  expect(row.count, p.reason).toBe(p.count);
  if (opts.age !== false) expect(Math.abs(listingAt - apiSecond(row.t) - p.age), `${p.reason}: age`).toBeLessThanOrEqual(1);
  expect(Math.abs(listingAt - apiSecond(row.first) - (p.over ?? p.age)), `${p.reason}: over`).toBeLessThanOrEqual(1);
  return row;
}
