// Warming the engine's code while the page is idle (issue 16: a keystroke redraws the timeline
// within two frames). A fresh worker runs the engine in V8's first tiers: in Node, the 40-container
// pod of the keystroke bench took ~250-320 ms to run first, then 220, 150, 130, 110 ms, and settled
// near 30-40 ms only after about twenty runs (the default scenario: 48 ms, then 5 ms after five).
// So the first edits after opening a scenario paid for V8's warm-up, one keystroke at a time. In
// Chromium (two builds A/B, four rounds, keystrokes typed after a 2 s pause), these slices took the
// 40-container pod's keystroke P95 from 397 to 279 ms; typed at once, nothing changed either way.
//
// After a run big enough to matter (MIN_WARM_EVENTS), the worker runs the same text again, with a short
// horizon so that one run (a slice) takes about SLICE_TARGET_MS, in tasks of their own: a request
// that comes meanwhile waits for one slice at most, and cancels the rest (the next run re-arms it).
// Such a run earns WARM_UP_PER_RUN times its own time of slices, and a worker spends at most
// WARM_UP_BUDGET_MS on them in its life: once warm, V8 keeps the code.
// The slices' results are dropped; the engine keeps no state from run to run that changes a result
// (tests check it; what it remembers, the last text's YAML documents, only saves reading them again).

/** The most a worker spends warming up, over its life (ms of slices). */
export const WARM_UP_BUDGET_MS = 1000;
/**
 * One big run earns at most this many times its own time of warm-up: a big scenario's cold run
 * (~1 s in Chromium for the 40-container pod) earns the whole budget, a run of 100 ms a third.
 */
export const WARM_UP_PER_RUN = 3;
/**
 * A run with fewer trace events than this earns no warm-up: its keystrokes are quick anyway (the
 * gallery's scenarios make 50-210 events; the keystroke bench's 40-container pod 14,596). Counted
 * in events, not milliseconds: the same scenario's first run takes ~100 ms on an idle machine
 * and twice that on a busy one (the e2e suite's), where warming after every page load of the
 * default scenario would have cost ~0.3 s of CPU each.
 */
export const MIN_WARM_EVENTS = 2000;
/** How long one slice should take, so that a request arriving meanwhile barely waits. */
export const SLICE_TARGET_MS = 10;
/** Wait this long after an answer before the first slice: the page draws it meanwhile. */
export const WARM_UP_DELAY_MS = 300;
/** A slice never simulates less than this (seconds), however slow. */
export const MIN_SLICE_UNTIL = 10;
/** Texts longer than this are not warmed: their parse alone would outlast a slice. */
export const MAX_WARM_TEXT_CHARS = 64_000;

/** What a slice runs: the last request's text and version, up to `until` simulated seconds. */
export interface WarmUpSlice {
  text: string;
  kubernetesVersion?: string;
  until: number;
}

/** A finished run, as the plan sees it. */
export interface RunSeen {
  text: string;
  kubernetesVersion?: string;
  /** Wall time of the whole request (parse and simulation), ms. */
  ms: number;
  /** Trace events it made. */
  events: number;
  /** Simulated seconds the run covered (its trace's end); undefined when it simulated nothing (an error, an explained pod). */
  horizon: number | undefined;
}

/** Which slices to run, and when to stop: pure, so the schedule is tested without a worker. */
export class WarmUpPlan {
  private spent = 0;
  /** What the planned slices may still spend: WARM_UP_PER_RUN times their run's time, within the budget. */
  private allowance = 0;
  private current: WarmUpSlice | undefined;
  /** The planned run's own horizon, which no slice passes. */
  private horizon = 0;

  constructor(private readonly budgetMs = WARM_UP_BUDGET_MS) {}

  /** Milliseconds of warm-up the worker may still spend. */
  get remainingMs(): number {
    return Math.max(0, this.budgetMs - this.spent);
  }

  /** A run finished: plans slices of its text when it was big and the budget allows; says whether it did. */
  afterRun(run: RunSeen): boolean {
    this.current = undefined;
    if (this.remainingMs <= 0 || run.horizon === undefined || run.horizon <= 0) return false;
    if (run.events < MIN_WARM_EVENTS || run.text.length > MAX_WARM_TEXT_CHARS || run.ms <= 0) return false;
    // A slice covers the share of the horizon that took SLICE_TARGET_MS (the run's cost is taken as even over time).
    this.horizon = run.horizon;
    this.allowance = Math.min(this.remainingMs, WARM_UP_PER_RUN * run.ms);
    const until = this.clamp(run.horizon * SLICE_TARGET_MS / run.ms);
    this.current = run.kubernetesVersion === undefined ? { text: run.text, until } : { text: run.text, kubernetesVersion: run.kubernetesVersion, until };
    return true;
  }

  /** The next slice to run, or undefined when warm-up is over (or was never planned). */
  next(): WarmUpSlice | undefined {
    return this.remainingMs > 0 && this.allowance > 0 ? this.current : undefined;
  }

  /**
   * A slice ran for `ms`: it counts against the budget, and the next slice's horizon follows how
   * long this one took (at most doubled or quartered at a time).
   */
  sliceDone(ms: number): void {
    this.spent += ms;
    this.allowance -= ms;
    const slice = this.current;
    if (!slice) return;
    const factor = Math.min(2, Math.max(0.25, SLICE_TARGET_MS / Math.max(ms, 0.01)));
    this.current = { ...slice, until: this.clamp(slice.until * factor) };
  }

  /** A slice's horizon: at least MIN_SLICE_UNTIL, at most the run's own. */
  private clamp(until: number): number {
    return Math.min(this.horizon, Math.max(MIN_SLICE_UNTIL, until));
  }

  /** A request came: the plan waits for its run. */
  cancel(): void {
    this.current = undefined;
  }
}

/** The timers the schedule uses (a fake clock in tests). */
export interface WarmUpTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Runs a plan's slices, each in a task of its own. `afterRun` after every answered request
 * (re-arms); `cancel` when a request comes in, before it runs.
 */
export class WarmUpSchedule {
  private timer: unknown;

  constructor(
    private readonly plan: WarmUpPlan,
    private readonly runSlice: (slice: WarmUpSlice) => void,
    private readonly timers: WarmUpTimers,
  ) {}

  afterRun(run: RunSeen): void {
    this.stopTimer();
    if (this.plan.afterRun(run)) this.timer = this.timers.setTimeout(() => this.step(), WARM_UP_DELAY_MS);
  }

  cancel(): void {
    this.stopTimer();
    this.plan.cancel();
  }

  private step(): void {
    this.timer = undefined;
    const slice = this.plan.next();
    if (!slice) return;
    const started = this.timers.now();
    try {
      this.runSlice(slice);
    } catch {
      // a slice that throws warms nothing more: the real run of the same text reports the error
      this.plan.cancel();
      return;
    } finally {
      this.plan.sliceDone(this.timers.now() - started);
    }
    this.timer = this.timers.setTimeout(() => this.step(), 0);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
