// Invariants that hold for every pod and every fault schedule (fast-check). The checks live in
// ../testing/invariants.ts; `npm run fuzz` runs them far longer and saves failing cases as
// regressions (./regressions/*.json), which run here forever.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { buildScenario, type PodDesc } from '../testing/build';
import { podArb } from '../testing/arbitraries';
import { INVARIANTS, violations } from '../testing/invariants';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 120);

/** Every invariant's name with no violation: what each random pod must show. */
const NONE_VIOLATED = Object.fromEntries(Object.keys(INVARIANTS).map((name) => [name, []]));

describe('engine invariants', () => {
  // One run per random pod, every invariant checked on it (each invariant used to draw and run
  // its own RUNS pods: the same checks on as many pods per invariant, for an eighth of the runs).
  it(`every invariant (${Object.keys(INVARIANTS).join(', ')}) holds for random pods and faults`, () => {
    fc.assert(fc.property(podArb(), (d) => {
      const trace = simulate(buildScenario(d));
      expect(Object.fromEntries(Object.entries(INVARIANTS).map(([name, check]) => [name, check(d, trace)]))).toEqual(NONE_VIOLATED);
    }), { numRuns: RUNS });
  }, 120_000); // the eight tests it replaces had 30 s each, on a machine that may be shared

  it("a sidecar's exit codes never decide the phase [6.3]", () => {
    const withCode = (d: PodDesc, code: number): PodDesc => ({
      ...d,
      events: d.events?.map((e) => ({ ...e, exitCode: undefined })),
      init: (d.init ?? []).map((c) => c.kind !== 'sidecar' ? c : {
        ...c,
        behavior: {
          ...c.behavior, exitCode: code,
          onStop: c.behavior?.onStop?.kind === 'exit' ? { ...c.behavior.onStop, exitCode: code } : c.behavior?.onStop,
        },
      }),
    });
    const phases = (d: PodDesc) => simulate(buildScenario(d)).events.flatMap((e) => (e.type === 'pod.phase' ? [e.phase] : []));
    fc.assert(fc.property(podArb(), fc.constantFrom(1, 137, 143), (d, code) => {
      expect(phases(withCode(d, code))).toEqual(phases(withCode(d, 0)));
    }), { numRuns: Math.ceil(RUNS / 2) });
  });
});

const dir = new URL('./regressions/', import.meta.url);
const saved = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('fuzz regressions', () => {
  it.each(saved)('%s keeps every invariant', (file) => {
    const d = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as PodDesc;
    expect(violations(d)).toEqual([]);
  });
});
