// Invariants that hold for every pod and every fault schedule (fast-check).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { buildScenario, type PodDesc } from '../testing/build';
import { podArb } from '../testing/arbitraries';
import type { Trace, TraceEvent } from '../trace';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 150);
const events = (t: Trace, type: TraceEvent['type'], container?: string) =>
  t.events.filter((e) => e.type === type && (container === undefined || (e as { container?: string }).container === container));

describe('engine invariants', () => {
  it('no main container starts before every init container exited 0 and every sidecar started [3.1]', () => {
    fc.assert(fc.property(podArb(), (d) => {
      const t = simulate(buildScenario(d));
      for (const m of d.main) {
        const start = events(t, 'container.start', m.name)[0];
        if (!start) continue;
        for (const c of d.init ?? []) {
          if (c.kind === 'sidecar') {
            expect(events(t, 'container.started', c.name).some((e) => e.t <= start.t)).toBe(true);
          } else {
            expect(events(t, 'container.exit', c.name).some((e) => e.t <= start.t && (e as { exitCode: number }).exitCode === 0)).toBe(true);
          }
        }
      }
    }), { numRuns: RUNS });
  });

  it('the container after a sidecar never starts before that sidecar is started [2.1]', () => {
    fc.assert(fc.property(podArb(), (d) => {
      const t = simulate(buildScenario(d));
      const order = [...(d.init ?? []), ...d.main];
      order.forEach((c, i) => {
        if (c.kind !== 'sidecar') return;
        const next = order[i + 1]!;
        const nextStart = events(t, 'container.start', next.name)[0];
        if (!nextStart) return;
        const started = events(t, 'container.started', c.name)[0];
        expect(started).toBeDefined();
        expect(started!.t).toBeLessThanOrEqual(nextStart.t);
      });
    }), { numRuns: RUNS });
  });

  it("a sidecar's exit codes never decide the phase [6.3]", () => {
    fc.assert(fc.property(podArb(), fc.constantFrom(0, 1, 137, 143), (d, code) => {
      const recoded: PodDesc = {
        ...d,
        init: (d.init ?? []).map((c) => c.kind !== 'sidecar' ? c : {
          ...c, behavior: { ...c.behavior, exitCode: code, onStop: c.behavior?.onStop?.kind === 'exit' ? { ...c.behavior.onStop, exitCode: code } : c.behavior?.onStop },
        }),
        events: d.events?.map((e) => ({ ...e, exitCode: undefined })),
      };
      const phases = (x: PodDesc) => events(simulate(buildScenario(x)), 'pod.phase').map((e) => (e as { phase: string }).phase);
      expect(phases(recoded)).toEqual(phases({ ...recoded, init: recoded.init?.map((c) => c.kind !== 'sidecar' ? c : { ...c, behavior: { ...c.behavior, exitCode: 0, onStop: c.behavior?.onStop?.kind === 'exit' ? { ...c.behavior.onStop, exitCode: 0 } : c.behavior?.onStop } }) }));
    }), { numRuns: Math.ceil(RUNS / 2) });
  });

  it('restartCount never decreases and attempts count up by one', () => {
    fc.assert(fc.property(podArb(), (d) => {
      const t = simulate(buildScenario(d));
      for (const c of [...(d.init ?? []), ...d.main]) {
        const attempts = events(t, 'container.start', c.name).map((e) => (e as { attempt: number }).attempt);
        expect(attempts).toEqual(attempts.map((_, i) => i));
        // Every status event carries the restartCount the API showed then: it never goes down (S-4).
        const statusTypes = ['container.started', 'container.ready', 'container.unready'];
        const counts = t.events.filter((e) => (e as { container?: string }).container === c.name && statusTypes.includes(e.type)).map((e) => (e as { attempt: number }).attempt);
        for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
      }
    }), { numRuns: RUNS });
  });

  it('the same scenario always gives the byte-identical trace', () => {
    fc.assert(fc.property(podArb(), (d) => {
      expect(JSON.stringify(simulate(buildScenario(d)))).toBe(JSON.stringify(simulate(buildScenario(d))));
    }), { numRuns: Math.ceil(RUNS / 2) });
  });

  it('every run ends within its horizon, with sorted events that all carry a why', () => {
    fc.assert(fc.property(podArb(), (d) => {
      const t = simulate(buildScenario(d));
      expect(t.end).toBeLessThanOrEqual(d.until!);
      let last = 0;
      for (const e of t.events) {
        expect(e.t).toBeGreaterThanOrEqual(last);
        expect(e.t).toBeLessThanOrEqual(t.end);
        expect(e.why).toMatch(/\S/);
        last = e.t;
      }
    }), { numRuns: RUNS });
  });

  it('nothing starts once the pod is deleted, and sidecars stop after every main container (1.29+) [8.4] [8.8]', () => {
    fc.assert(fc.property(podArb(), (d) => {
      const t = simulate(buildScenario(d));
      const deleted = events(t, 'pod.deleted')[0];
      if (!deleted) return;
      expect(t.events.filter((e) => e.type === 'container.start' && e.t > deleted.t)).toEqual([]);
      const signals = t.events.filter((e) => e.type === 'container.signal' && e.t >= deleted.t && (e as { signal: string }).signal !== 'SIGKILL');
      const sidecarNames = (d.init ?? []).filter((c) => c.kind === 'sidecar').map((c) => c.name);
      const mainExits = t.events.filter((e) => e.type === 'container.exit' && e.t >= deleted.t && d.main.some((m) => m.name === (e as { container: string }).container));
      // The wait for the turn is capped by the grace period (T-3): before it runs out, order holds.
      const graceEnd = deleted.t + (deleted as { gracePeriodSeconds: number }).gracePeriodSeconds;
      for (const s of signals.filter((e) => sidecarNames.includes((e as { container: string }).container) && e.t < graceEnd)) {
        for (const m of mainExits) expect(s.t).toBeGreaterThanOrEqual(m.t);
      }
    }), { numRuns: RUNS });
  });

  it('a deleted pod is gone by grace + 2 s + one sync round [8.2] [8.5]', () => {
    fc.assert(fc.property(podArb(), (d) => {
      const t = simulate(buildScenario(d));
      const deleted = t.events.find((e) => e.type === 'pod.deleted') as { t: number; gracePeriodSeconds: number } | undefined;
      if (!deleted) return;
      const gone = t.events.find((e) => e.type === 'pod.gone');
      // Within the horizon the pod must be gone in time; the whole budget is grace + the 2 s floor + a sync.
      const budget = deleted.t + deleted.gracePeriodSeconds + 2 + 1;
      if (budget <= t.end) {
        expect(gone).toBeDefined();
        expect(gone!.t).toBeLessThanOrEqual(budget);
      }
    }), { numRuns: RUNS });
  });
});
