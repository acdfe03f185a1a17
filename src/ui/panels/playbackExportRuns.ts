// The animated exports under way (WebM, GIF), owned here rather than by their buttons: crossing
// 1,280 px moves the buttons between the toolbar and the More panel (MoreMenu), which builds them
// anew, and a run with its progress and its Cancel must outlive that. A button reads the run of
// its id (useSyncExternalStore), so whichever copy is on screen shows it and can cancel it.
// One export at a time: each one moves the playback cursor frame by frame, so two at once would
// film each other's cursor jumps.

export interface ExportRunProgress {
  /** Frames drawn so far, of `total`. */
  done: number;
  total: number;
}

/** Runs an export, reporting its frames and stopping when `signal` aborts. */
export type ExportRunner = (onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<void>;

interface Run {
  progress: ExportRunProgress;
  controller: AbortController;
}

const runs = new Map<string, Run>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` whenever a run starts, moves on or ends; returns the function that stops it. */
export function subscribeExportRuns(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The run of `id`'s progress (the same object until it changes), or null when none is under way. */
export function exportRunProgress(id: string): ExportRunProgress | null {
  return runs.get(id)?.progress ?? null;
}

/**
 * Starts the export `id` unless an export (this one or another) is under way already (then
 * resolves at once, false). The promise settles when the run ends, finished, cancelled or
 * failed; it is over for every button.
 */
export async function startExportRun(id: string, runner: ExportRunner): Promise<boolean> {
  if (runs.size > 0) return false;
  const run: Run = { progress: { done: 0, total: 1 }, controller: new AbortController() };
  runs.set(id, run);
  changed();
  const onProgress = (done: number, total: number) => {
    if (runs.get(id) !== run) return;
    run.progress = { done, total };
    changed();
  };
  try {
    await runner(onProgress, run.controller.signal);
  } finally {
    runs.delete(id);
    changed();
  }
  return true;
}

/** Stops the run of `id`, if one is under way; it ends (and says so) once the exporter has stopped. */
export function cancelExportRun(id: string): void {
  runs.get(id)?.controller.abort();
}

/** Whether any export is under way, for a sign where its button is hidden (the closed More menu). */
export function anyExportRunning(): boolean {
  return runs.size > 0;
}

/** Whether an export other than `id` is under way: `id`'s button waits for it. */
export function otherExportRunning(id: string): boolean {
  return runs.size > 0 && !runs.has(id);
}
