// Starts the engine worker. Vite sees the `new URL(…, import.meta.url)` form and emits the worker
// as its own module chunk, in dev and in the build alike. The first worker asked for is the one
// the page's entry started early (earlyWorker.ts), when it did.

import { takeEarlyWorker, type HeldWorker } from './earlyWorker';

export function canSpawnWorker(): boolean {
  return typeof Worker !== 'undefined';
}

export function newEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

export function spawnEngineWorker(): Worker | HeldWorker {
  return takeEarlyWorker() ?? newEngineWorker();
}
