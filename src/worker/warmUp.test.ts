import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as run from '../engine/run';
import { handleRunRequest, runWarmUpSlice } from './handle';
import {
  MAX_WARM_TEXT_CHARS, MIN_SLICE_UNTIL, MIN_WARM_EVENTS, SLICE_TARGET_MS, WARM_UP_BUDGET_MS, WARM_UP_DELAY_MS, WARM_UP_PER_RUN,
  WarmUpPlan, WarmUpSchedule, type WarmUpSlice, type WarmUpTimers,
} from './warmUp';

const DEFAULT = readFileSync(new URL('../scenarios/00-default.yaml', import.meta.url), 'utf8');

/** A run of MIN_WARM_EVENTS events (enough to warm up after) that took `ms` over `horizon` seconds. */
const RUN_MS = 150;
const slowRun = (ms = 4 * RUN_MS, horizon = 3600) => ({ text: DEFAULT, ms, horizon, events: MIN_WARM_EVENTS });

describe('WarmUpPlan: which slices, and when warm-up ends', () => {
  it('plans slices of a big run, each covering the share of its horizon that takes SLICE_TARGET_MS', () => {
    const plan = new WarmUpPlan();
    expect(plan.afterRun(slowRun(400, 3600))).toBe(true);
    expect(plan.next()).toEqual({ text: DEFAULT, until: 3600 * SLICE_TARGET_MS / 400 });
  });

  it('keeps the request\'s fallback version, so a slice runs what the request ran', () => {
    const plan = new WarmUpPlan();
    plan.afterRun({ ...slowRun(), kubernetesVersion: '1.29' });
    expect(plan.next()?.kubernetesVersion).toBe('1.29');
  });

  it('plans nothing for a run of fewer events, a run that simulated nothing, or a text too long to parse in a slice', () => {
    const plan = new WarmUpPlan();
    expect(plan.afterRun({ ...slowRun(), events: MIN_WARM_EVENTS - 1 })).toBe(false);
    expect(plan.afterRun({ ...slowRun(), horizon: undefined, events: 0 })).toBe(false);
    expect(plan.afterRun({ ...slowRun(), horizon: 0 })).toBe(false);
    expect(plan.afterRun({ ...slowRun(), text: 'x'.repeat(MAX_WARM_TEXT_CHARS + 1) })).toBe(false);
    expect(plan.next()).toBeUndefined();
  });

  it('never slices below MIN_SLICE_UNTIL, nor past the run\'s own horizon', () => {
    const plan = new WarmUpPlan();
    plan.afterRun(slowRun(100_000, 3600));
    expect(plan.next()?.until).toBe(MIN_SLICE_UNTIL);
    plan.afterRun(slowRun(RUN_MS, MIN_SLICE_UNTIL / 2));
    expect(plan.next()?.until).toBe(MIN_SLICE_UNTIL / 2);
    plan.afterRun(slowRun(RUN_MS, 1000));
    for (let i = 0; i < 20; i++) plan.sliceDone(0);
    expect(plan.next()?.until).toBe(1000);
  });

  it('lengthens the next slice when one ran fast (at most twice) and shortens it when one ran slow (at most to a quarter)', () => {
    const plan = new WarmUpPlan(1e6);
    plan.afterRun(slowRun(RUN_MS, 3600));
    const first = 3600 * SLICE_TARGET_MS / RUN_MS;
    expect(plan.next()?.until).toBe(first);
    plan.sliceDone(SLICE_TARGET_MS / 2);
    expect(plan.next()?.until).toBe(first * 2);
    plan.sliceDone(SLICE_TARGET_MS / 100);
    expect(plan.next()?.until).toBe(first * 4);
    plan.sliceDone(SLICE_TARGET_MS * 10);
    expect(plan.next()?.until).toBe(first);
  });

  it('gives a run WARM_UP_PER_RUN times its own time of slices', () => {
    const plan = new WarmUpPlan();
    const ms = RUN_MS;
    plan.afterRun(slowRun(ms));
    plan.sliceDone(ms * WARM_UP_PER_RUN - 1);
    expect(plan.next()).toBeDefined();
    plan.sliceDone(1);
    expect(plan.next()).toBeUndefined();
    expect(plan.afterRun(slowRun(ms))).toBe(true); // the next slow run earns its own
    expect(plan.remainingMs).toBe(WARM_UP_BUDGET_MS - ms * WARM_UP_PER_RUN);
  });

  it('stops once the budget is spent, for the worker\'s whole life: a later slow run plans nothing', () => {
    const plan = new WarmUpPlan(100);
    plan.afterRun(slowRun(1000));
    plan.sliceDone(60);
    expect(plan.next()).toBeDefined();
    plan.sliceDone(60);
    expect(plan.remainingMs).toBe(0);
    expect(plan.next()).toBeUndefined();
    expect(plan.afterRun(slowRun())).toBe(false);
  });

  it('drops the planned slices when a request comes', () => {
    const plan = new WarmUpPlan();
    plan.afterRun(slowRun());
    plan.cancel();
    expect(plan.next()).toBeUndefined();
  });
});

/** Timers run by hand: `fire()` runs the due one, as the worker's event loop would. */
function manualTimers() {
  let clock = 0;
  const queue: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const timers: WarmUpTimers = {
    now: () => clock,
    setTimeout: (run, ms) => { const id = ++ids; queue.push({ at: clock + ms, run, id }); return id; },
    clearTimeout: (handle) => { const i = queue.findIndex((t) => t.id === handle); if (i >= 0) queue.splice(i, 1); },
  };
  return {
    timers,
    pending: () => queue.map((t) => t.at - clock),
    advance: (ms: number) => { clock += ms; },
    fire: () => { queue.sort((a, b) => a.at - b.at); const t = queue.shift(); if (!t) return false; clock = Math.max(clock, t.at); t.run(); return true; },
  };
}

describe('WarmUpSchedule: slices in tasks of their own', () => {
  it('waits WARM_UP_DELAY_MS after an answer, then runs one slice per task until the budget is spent', () => {
    const t = manualTimers();
    const slices: WarmUpSlice[] = [];
    const schedule = new WarmUpSchedule(new WarmUpPlan(50), (s) => { slices.push(s); t.advance(SLICE_TARGET_MS); }, t.timers);
    schedule.afterRun(slowRun(1000));
    expect(t.pending()).toEqual([WARM_UP_DELAY_MS]);
    while (t.fire()) { /* each slice queues the next with a 0 ms timer */ }
    expect(slices).toHaveLength(Math.ceil(50 / SLICE_TARGET_MS));
    expect(t.pending()).toEqual([]);
  });

  it('a request cancels the queued slice, and its answer re-arms the warm-up', () => {
    const t = manualTimers();
    const ran = vi.fn(() => t.advance(1));
    const schedule = new WarmUpSchedule(new WarmUpPlan(), ran, t.timers);
    schedule.afterRun(slowRun());
    schedule.cancel();
    expect(t.pending()).toEqual([]);
    expect(t.fire()).toBe(false);
    expect(ran).not.toHaveBeenCalled();
    schedule.afterRun(slowRun());
    expect(t.fire()).toBe(true);
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it('a slice that throws ends the warm-up quietly, and its time still counts', () => {
    const t = manualTimers();
    const plan = new WarmUpPlan();
    const schedule = new WarmUpSchedule(plan, () => { t.advance(7); throw new Error('boom'); }, t.timers);
    schedule.afterRun(slowRun());
    expect(t.fire()).toBe(true);
    expect(t.pending()).toEqual([]);
    expect(plan.remainingMs).toBe(WARM_UP_BUDGET_MS - 7);
  });
});

describe('runWarmUpSlice: the engine calls of a request, and nothing kept', () => {
  it('runs the text to the slice\'s horizon, with the request\'s fallback version', () => {
    const spy = vi.spyOn(run, 'runScenario');
    runWarmUpSlice({ text: DEFAULT, kubernetesVersion: '1.29', until: 12 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toEqual({ until: 12, kubernetesVersion: '1.29' });
    spy.mockRestore();
  });

  it('leaves the next real run exactly as it would have been (the engine keeps nothing from run to run)', () => {
    const before = handleRunRequest({ id: 1, text: DEFAULT });
    for (const until of [5, 30, 90, 600]) runWarmUpSlice({ text: DEFAULT, until });
    runWarmUpSlice({ text: DEFAULT.replace('sleep', 'sleep '), until: 60 });
    const after = handleRunRequest({ id: 1, text: DEFAULT });
    expect(after).toEqual(before);
  });
});
