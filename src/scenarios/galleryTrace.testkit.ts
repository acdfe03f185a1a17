// Reading a gallery file's trace in tests: run a file (it must parse cleanly) and pick events by
// type, container and predicate. The lessons (galleryLessons.testkit.ts) are written with these.

import { expect } from 'vitest';
import { runScenario, type RunResult } from '../engine/run';
import type { Trace, TraceEvent } from '../engine/trace';
import { galleryFiles } from './gallery';

export type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** Runs a file; every file but the deliberate 1.27 rejection must parse without errors. */
export function run(fileName: string): RunResult & { trace: Trace } {
  const text = galleryFiles[fileName];
  if (text === undefined) throw new Error(`no file ${fileName}`);
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(r.ok).toBe(true);
  if (!r.trace) throw new Error(`${fileName}: no trace`);
  return r as RunResult & { trace: Trace };
}

export function of<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string, pred?: (e: Ev<T>) => boolean): Ev<T>[] {
  return trace.events.filter((e): e is Ev<T> => e.type === type
    && (container === undefined || (e as { container?: string }).container === container)
    && (pred === undefined || pred(e as Ev<T>)));
}

/** Time of the first matching event; fails the test when there is none. */
export function first<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string, pred?: (e: Ev<T>) => boolean): Ev<T> {
  const e = of(trace, type, container, pred)[0];
  if (!e) throw new Error(`expected a ${type} event${container ? ` for ${container}` : ''}`);
  return e;
}

export const none = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string, pred?: (e: Ev<T>) => boolean) =>
  expect(of(trace, type, container, pred)).toEqual([]);

export const phases = (trace: Trace) => of(trace, 'pod.phase').map((e) => e.phase);
export const lastPhase = (trace: Trace) => phases(trace).at(-1);
export const kubectl = (trace: Trace) => of(trace, 'pod.kubectl');
export const signal = (trace: Trace, c: string, s: string) => of(trace, 'container.signal', c, (e) => e.signal === s);

/** Ready condition flips, in order. */
export const readyFlips = (trace: Trace) => of(trace, 'pod.condition', undefined, (e) => e.condition === 'Ready');
