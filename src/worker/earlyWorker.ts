// The engine worker started by the page's tiny entry (src/main.tsx) before the app's own code
// has loaded (issue 16): its 300 kB load and start then run beside the app's, not after them.
// The first client to spawn a worker takes this one. What the worker says before the client sets
// its handlers (its `ready`, or the error of a failed load) is kept and handed over, in order.

import type { RunRequest, WorkerMessage } from './protocol';

/** The part of `Worker` held early (a fake one in tests). */
export interface EarlyWorkerSource {
  postMessage(message: RunRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** A started worker whose events wait for their handler. */
export interface HeldWorker {
  postMessage(message: RunRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

type Kept = { kind: 'message'; event: MessageEvent<WorkerMessage> } | { kind: 'error'; event: ErrorEvent };

/**
 * Wraps a just-started worker. Events that come before `onmessage` is set are kept; once it is
 * set they are replayed in a microtask (so a taker that sets onmessage then onerror, one line
 * after the other, hears an early error too), and later events go straight through.
 */
export function holdWorker(source: EarlyWorkerSource): HeldWorker {
  const kept: Kept[] = [];
  let onmessage: HeldWorker['onmessage'] = null;
  let onerror: HeldWorker['onerror'] = null;
  let replayQueued = false;
  const deliver = (k: Kept) => {
    if (k.kind === 'message') onmessage?.(k.event);
    else onerror?.(k.event);
  };
  const replay = () => {
    replayQueued = false;
    while (kept.length > 0) deliver(kept.shift()!);
  };
  const queueReplay = () => {
    if (replayQueued || kept.length === 0 || !onmessage) return;
    replayQueued = true;
    queueMicrotask(replay);
  };
  const receive = (k: Kept) => {
    if (onmessage && !replayQueued) deliver(k);
    else kept.push(k);
  };
  source.addEventListener('message', (event) => receive({ kind: 'message', event }));
  source.addEventListener('error', (event) => receive({ kind: 'error', event }));
  return {
    postMessage: (message) => source.postMessage(message),
    terminate: () => source.terminate(),
    get onmessage() { return onmessage; },
    set onmessage(handler) { onmessage = handler; queueReplay(); },
    get onerror() { return onerror; },
    set onerror(handler) { onerror = handler; },
  };
}

let early: HeldWorker | null = null;

/** Starts the engine worker now, for the first client that needs one. */
export function startEarlyWorker(spawn: () => EarlyWorkerSource): void {
  early ??= holdWorker(spawn());
}

/** The worker started early, once; null when none was started or it is already taken. */
export function takeEarlyWorker(): HeldWorker | null {
  const w = early;
  early = null;
  return w;
}
