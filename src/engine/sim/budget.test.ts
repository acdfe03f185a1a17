// The run's budgets (scenario/limits.ts): a scenario that would crash-loop for a simulated year,
// or hundreds of containers for days, stops early with a sim.truncated event and a warning at
// `until`, instead of keeping the engine busy for minutes.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { MAX_TRACE_EVENTS } from '../scenario/limits';
import { buildScenario } from '../testing/build';
import { truncationSaid } from '../testing/invariants';
import { Kernel } from './kernel';
import { simulatePod } from './simulatePod';

const CRASH_LOOP_FOR_A_YEAR = `apiVersion: v1
kind: Pod
metadata: {name: loop}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 8760h
`;

describe('the event budget', () => {
  it('stops a crash loop of a simulated year at the budget, with a sim.truncated event and a warning at until', () => {
    const r = runScenario(CRASH_LOOP_FOR_A_YEAR);
    expect(r.ok).toBe(true);
    const trace = r.trace!;
    expect(trace.truncated).toEqual({ reason: 'events', limit: MAX_TRACE_EVENTS, horizon: 8760 * 3600 });
    const last = trace.events.at(-1)!;
    expect(last).toMatchObject({ type: 'sim.truncated', reason: 'events', limit: MAX_TRACE_EVENTS, t: trace.end });
    expect(last.why).toMatch(/budget of 50000 trace events/);
    expect(trace.end).toBeLessThan(8760 * 3600);
    // Events of the step that reached the budget are kept; nothing after it.
    expect(trace.events.length).toBeGreaterThanOrEqual(MAX_TRACE_EVENTS);
    expect(trace.events.length).toBeLessThan(MAX_TRACE_EVENTS + 50);
    const warning = r.problems.find((p) => p.path === 'until');
    expect(warning).toMatchObject({ severity: 'warning', line: 12, col: 1, endLine: 12, endCol: 13 });
    expect(warning!.message).toMatch(/^the simulation stopped early, at \d+ h \d+ min of 8760 h: it reached the budget of 50,000 trace events/);
  });

  it('is deterministic: the same truncated trace every time', () => {
    const scenario = () => buildScenario({ until: 365 * 86400, main: [{ name: 'app', behavior: { exitAfter: 1, exitCode: 1 } }] });
    const a = simulatePod(scenario(), { eventBudget: 500 }).trace;
    const b = simulatePod(scenario(), { eventBudget: 500 }).trace;
    expect(a).toEqual(b);
    expect(a.truncated).toEqual({ reason: 'events', limit: 500, horizon: 365 * 86400 });
    expect(truncationSaid({ main: [] }, a)).toEqual([]);
    expect(truncationSaid({ main: [] }, { ...a, events: a.events.slice(0, -1) })).toEqual(['a cut-short run does not end with one sim.truncated event at its end']);
  });

  it('leaves a run within its budget untouched', () => {
    const { trace } = simulatePod(buildScenario({ until: 600, main: [{ name: 'app', behavior: { exitAfter: 1, exitCode: 1 } }] }), { eventBudget: 10_000 });
    expect(trace.truncated).toBeUndefined();
    expect(trace.end).toBe(600);
    expect(trace.events.some((e) => e.type === 'sim.truncated')).toBe(false);
  });

  it('is shared by a Job\'s pods: the Job stops where the budget runs out', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata: {name: flaky}
spec:
  backoffLimit: 1000000
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 8760h
`;
    const trace = runScenario(text).trace!;
    expect(trace.truncated).toEqual({ reason: 'events', limit: MAX_TRACE_EVENTS, horizon: 8760 * 3600 });
    expect(trace.pods!.length).toBeGreaterThan(1000);
    expect(trace.events.length).toBeLessThan(MAX_TRACE_EVENTS + 50);
    expect(trace.events.at(-1)).toMatchObject({ type: 'sim.truncated', limit: MAX_TRACE_EVENTS });
    expect(trace.events.at(-1)?.t).toBe(trace.end);
  });
});

/** A kernel with one step every simulated second, forever. */
function tickingEverySecond(k: Kernel): Kernel {
  const tick = () => k.after(1, tick);
  k.after(0, tick);
  return k;
}

describe('the kernel step guard', () => {
  it('cuts a pod\'s run short at its step budget, saying so like the event budget', () => {
    const scenario = buildScenario({ until: 3600, main: [{ name: 'app', behavior: { exitAfter: 1, exitCode: 1 } }] });
    const { trace } = simulatePod(scenario, { maxSteps: 200 });
    expect(trace.truncated).toEqual({ reason: 'steps', limit: 200, horizon: 3600 });
    expect(trace.end).toBeLessThan(3600);
    expect(trace.events.at(-1)).toMatchObject({ type: 'sim.truncated', reason: 'steps', limit: 200, t: trace.end });
    expect(trace.events.at(-1)!.why).toMatch(/budget of 200 simulation steps/);
    expect(truncationSaid({ main: [] }, trace)).toEqual([]);
  });

  it('stops a run that keeps stepping without writing events, and says it ran out of steps', () => {
    const k = tickingEverySecond(new Kernel(1000, 50));
    k.run();
    expect(k.stepCount).toBe(50);
    expect(k.outOfSteps).toBe(true);
  });

  it('does not call a run that reached its horizon out of steps', () => {
    const k = tickingEverySecond(new Kernel(10, 50));
    k.run();
    expect(k.stepCount).toBe(11);
    expect(k.outOfSteps).toBe(false);
  });

  it('halt() ends the run after the current step', () => {
    const k = new Kernel(1000);
    let ran = 0;
    const tick = () => {
      ran++;
      if (ran === 3) k.halt();
      k.after(1, tick);
    };
    k.after(0, tick);
    k.run();
    expect(ran).toBe(3);
    expect(k.now).toBe(2);
  });
});
