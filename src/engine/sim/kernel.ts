// The discrete-event kernel: a virtual clock, an event queue, and cooperative tasks written as
// generators (architecture idea 2). A task yields what it waits for: a delay, or a condition with
// an optional timeout. Nothing here reads the wall clock.

import { EventQueue, type QueueItem } from './queue';
import { roundTime } from '../trace';
import { MAX_KERNEL_STEPS } from '../scenario/limits';

export type Wait =
  | { sleep: number }
  | { until: () => boolean; timeout?: number };

/** What a finished wait tells the task: whether the condition held (false = timed out). */
export type WaitResult = boolean;

/** A simulated activity that may wait; R is what it returns to the task that runs it. */
export type Proc<R> = Generator<Wait, R, WaitResult>;

export type Task = Proc<void>;

interface Waiter {
  task: RunningTask;
  until: () => boolean;
  timer?: QueueItem;
}

export interface RunningTask {
  name: string;
  done: boolean;
  cancelled: boolean;
  gen: Task;
  onDone?: () => void;
  timer?: QueueItem;
  waiter?: Waiter;
  /** Resumes the task with `true` (its wait is over); made once per task, not once per wait. */
  wake?: () => void;
}

export class Kernel {
  now = 0;
  private readonly queue = new EventQueue();
  private waiters: Waiter[] = [];
  private steps = 0;
  private halted = false;
  /** Called every `progressEvery` steps with the simulated time, so a long run can say how far it is. */
  onProgress?: (now: number) => void;
  progressEvery = 5000;

  constructor(public horizon: number, readonly maxSteps = MAX_KERNEL_STEPS) {}

  /** Stops the run after the current step (a budget was reached). */
  halt(): void {
    this.halted = true;
  }

  /** The run stopped because it took maxSteps steps, with work still queued before the horizon. */
  get outOfSteps(): boolean {
    const next = this.queue.peek();
    return this.steps >= this.maxSteps && next !== undefined && next.t <= this.horizon;
  }

  at(t: number, run: () => void): QueueItem {
    return this.queue.push(roundTime(Math.max(t, this.now)), run);
  }

  after(delay: number, run: () => void): QueueItem {
    return this.at(this.now + delay, run);
  }

  cancel(item: QueueItem | undefined): void {
    if (item) item.cancelled = true;
  }

  spawn(name: string, gen: Task, onDone?: () => void): RunningTask {
    const task: RunningTask = { name, done: false, cancelled: false, gen, onDone, timer: undefined, waiter: undefined, wake: undefined };
    this.resume(task, true);
    return task;
  }

  /** Stops a task where it waits; it never resumes. */
  kill(task: RunningTask | undefined): void {
    if (!task || task.done) return;
    task.cancelled = true;
    task.done = true;
    this.cancel(task.timer);
    if (task.waiter) {
      this.cancel(task.waiter.timer);
      this.waiters = this.waiters.filter((w) => w !== task.waiter);
    }
  }

  private resume(task: RunningTask, value: WaitResult): void {
    if (task.done) return;
    task.timer = undefined;
    task.waiter = undefined;
    const step = task.gen.next(value);
    if (step.done) {
      task.done = true;
      task.onDone?.();
      return;
    }
    const wait = step.value;
    if ('sleep' in wait) {
      task.timer = this.after(Math.max(0, wait.sleep), this.wakeOf(task));
      return;
    }
    if (wait.until()) {
      // Already true: continue at the same instant, after what is queued now.
      task.timer = this.after(0, this.wakeOf(task));
      return;
    }
    const waiter: Waiter = { task, until: wait.until };
    if (wait.timeout !== undefined) {
      waiter.timer = this.after(Math.max(0, wait.timeout), () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        this.resume(task, false);
      });
    }
    task.waiter = waiter;
    this.waiters.push(waiter);
  }

  /** The task's wake callback (a task waits for one thing at a time: one callback serves every wait). */
  private wakeOf(task: RunningTask): () => void {
    return (task.wake ??= () => this.resume(task, true));
  }

  /** Re-checks every waiting condition; called after each state change. */
  private poke(): void {
    if (this.waiters.length === 0) return;
    const ready: Waiter[] = [];
    const waiting: Waiter[] = [];
    for (const w of this.waiters) (w.until() ? ready : waiting).push(w);
    if (ready.length === 0) return;
    this.waiters = waiting;
    for (const w of ready) {
      this.cancel(w.timer);
      w.task.waiter = undefined;
      w.task.timer = this.after(0, this.wakeOf(w.task));
    }
  }

  /** Runs until the queue is empty or the horizon is reached. */
  run(): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.t > this.horizon || this.steps >= this.maxSteps || this.halted) break;
      this.queue.pop();
      if (next.cancelled) continue;
      this.steps++;
      if (this.onProgress && this.steps % this.progressEvery === 0) this.onProgress(this.now);
      this.now = next.t;
      next.run();
      this.poke();
    }
  }

  get stepCount(): number {
    return this.steps;
  }
}
