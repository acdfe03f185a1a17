// The main-thread proxy to the engine worker. The newest request wins: older callers get `stale`
// and late answers are dropped. A watchdog restarts a worker that stops answering; a worker that
// is still loading (it says `ready` when done) gets longer, as a cold start in dev can be slow.
// A long run says how far it is now and then: that keeps the watchdog quiet (the worker is busy,
// not hung) and lets `cancel` stop it, so a new edit need not wait for an old run.

import { MAX_TEXT_CHARS } from '../engine/scenario/limits';
import { createInlineClient } from './inlineClient';
import { STALE, toOutcome, type EngineClient, type InlineRunner, type ProgressCallback, type RunOutcome } from './outcome';
import { runRequest, type RunRequest, type RunResponse, type WorkerMessage } from './protocol';
import { canSpawnWorker, spawnEngineWorker } from './spawn';

export type { EngineClient, RunOutcome, RunProgress } from './outcome';

/** The part of `Worker` the client uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: RunRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface EngineClientOptions {
  /** Makes a worker; `null` runs the engine inline. Default: a module worker where `Worker` exists. */
  createWorker?: (() => WorkerLike) | null;
  runInline?: InlineRunner;
  /** How long a loaded worker may stay silent on outstanding requests before it is restarted. */
  timeoutMs?: number;
  /** The same while the worker has not said `ready` yet. */
  startupTimeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 3000;
/**
 * A large text may take the engine a while to read. The worker says it is busy while it reads
 * (yamlInSteps.ts: every 4,096 lexemes, every 4,096 nodes), but one stretch cannot be cut: the
 * building of one document from the parser's tokens, ~15-25 % of a read (measured on pods of
 * 10,000 to 50,000 containers). 390,000 characters (a pod of 10,000 containers) took Chromium's
 * worker 1.4 s on an idle 2-core VM and passed 6 s in a clean-clone CI run on a busy, slow one
 * (2026-12-04). Each full 50,000 characters of the texts under way add a second to the silence
 * allowed, so that stretch on a busy machine is not taken for a hang (a small text that hangs is
 * still caught after the base time).
 */
export const EXTRA_MS_PER_50K_CHARS = 1000;
export const DEFAULT_STARTUP_TIMEOUT_MS = 20000;

export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const createWorker = opts.createWorker === undefined
    ? (canSpawnWorker() ? spawnEngineWorker : null)
    : opts.createWorker;
  if (!createWorker) return createInlineClient(opts.runInline);
  return createWorkerClient(createWorker, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS);
}

export function createWorkerClient(createWorker: () => WorkerLike, timeoutMs: number, startupTimeoutMs: number): EngineClient {
  let worker: WorkerLike | null = null;
  let ready = false;
  let nextId = 1;
  let latest: { id: number; resolve: (o: RunOutcome) => void; onProgress?: ProgressCallback } | null = null;
  /** Posted requests the worker has not answered yet (it answers in order, stale ones too). */
  const outstanding = new Map<number, number>(); // request id -> its text's length
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const settleLatest = (outcome: RunOutcome) => {
    const l = latest;
    latest = null;
    l?.resolve(outcome);
  };

  /** The silence allowed now: the base time, plus time for reading the large texts under way. */
  const allowedSilence = () => {
    // The engine refuses a text above MAX_TEXT_CHARS without reading it: no more time for those.
    const chars = [...outstanding.values()].reduce((a, b) => a + Math.min(b, MAX_TEXT_CHARS), 0);
    return (ready ? timeoutMs : startupTimeoutMs) + Math.floor(chars / 50_000) * EXTRA_MS_PER_50K_CHARS;
  };

  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = outstanding.size > 0 ? setTimeout(onTimeout, allowedSilence()) : undefined;
  };

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
    outstanding.clear();
    armWatchdog();
  };

  const onMessage = (msg: WorkerMessage) => {
    if (msg.kind === 'ready') {
      ready = true;
      armWatchdog();
    } else if (msg.kind === 'busy') {
      if (outstanding.has(msg.id)) armWatchdog(); // reading a large text, not hung
    } else if (msg.kind === 'progress') {
      if (!outstanding.has(msg.id)) return;
      armWatchdog(); // busy, not hung
      if (latest?.id === msg.id) latest.onProgress?.({ t: msg.t, horizon: msg.horizon });
    } else {
      onResponse(msg);
    }
  };

  const onResponse = (resp: RunResponse) => {
    outstanding.delete(resp.id);
    armWatchdog();
    if (latest && resp.id === latest.id) settleLatest(toOutcome(resp));
  };

  function onTimeout() {
    const limit = allowedSilence() / 1000;
    stopWorker();
    worker = start();
    settleLatest({
      kind: 'error',
      message: `The engine did not answer within ${limit} s, so it was restarted. Edit the scenario to try again.`,
    });
  }

  const onCrash = (event: ErrorEvent) => {
    // Not restarted here: a worker that cannot load would fail again at once. The next run starts one.
    stopWorker();
    settleLatest({ kind: 'error', message: `The engine worker failed: ${event.message || 'it could not start'}.` });
  };

  function start(): WorkerLike {
    ready = false;
    const w = createWorker();
    w.onmessage = (event) => onMessage(event.data);
    w.onerror = (event) => {
      event.preventDefault?.();
      onCrash(event);
    };
    return w;
  }

  return {
    run(text, kubernetesVersion, onProgress) {
      settleLatest(STALE);
      const id = nextId++;
      const promise = new Promise<RunOutcome>((resolve) => {
        latest = { id, resolve, onProgress };
      });
      worker ??= start();
      worker.postMessage(runRequest(id, text, kubernetesVersion));
      outstanding.set(id, text.length);
      if (watchdog === undefined) armWatchdog();
      return promise;
    },
    cancel() {
      // A worker busy with a run cannot be interrupted: it is replaced (the next run starts one).
      if (outstanding.size === 0) return;
      stopWorker();
      settleLatest(STALE);
    },
    dispose() {
      stopWorker();
      settleLatest(STALE);
    },
  };
}
