// Starts the engine worker. Vite sees the `new URL(…, import.meta.url)` form and emits the worker
// as its own module chunk, in dev and in the build alike.

export function canSpawnWorker(): boolean {
  return typeof Worker !== 'undefined';
}

export function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}
