import { describe, expect, it } from 'vitest';
import { anyExportRunning, cancelExportRun, exportRunProgress, otherExportRunning, startExportRun, subscribeExportRuns } from './playbackExportRuns';

/** A runner the test drives: it reports frames when told and ends when told (or when aborted). */
function controlledRunner() {
  let report: (done: number, total: number) => void = () => {};
  let finish: () => void = () => {};
  let seenSignal: AbortSignal | null = null;
  const runner = (onProgress: (done: number, total: number) => void, signal: AbortSignal) => new Promise<void>((resolve) => {
    report = onProgress;
    seenSignal = signal;
    finish = resolve;
    signal.addEventListener('abort', () => resolve());
  });
  return { runner, report: (d: number, t: number) => report(d, t), finish: () => finish(), signal: () => seenSignal };
}

describe('playbackExportRuns: an animated export outlives the button that started it (the toolbar ↔ More move at 1,280 px)', () => {
  it('keeps the run and its progress here, so a button built afresh mid-run reads the same progress', async () => {
    const c = controlledRunner();
    const run = startExportRun('export-test-a', c.runner);
    expect(exportRunProgress('export-test-a')).toEqual({ done: 0, total: 1 });
    c.report(3, 10);
    // What a newly mounted button reads (useSyncExternalStore's snapshot): the same object until it changes.
    const seen = exportRunProgress('export-test-a');
    expect(seen).toEqual({ done: 3, total: 10 });
    expect(exportRunProgress('export-test-a')).toBe(seen);
    c.finish();
    await expect(run).resolves.toBe(true);
    expect(exportRunProgress('export-test-a')).toBeNull();
  });

  it('tells subscribers when a run starts, moves on and ends, and stops telling one that unsubscribed', async () => {
    const c = controlledRunner();
    const heard: (string | null)[] = [];
    const stop = subscribeExportRuns(() => {
      const p = exportRunProgress('export-test-b');
      heard.push(p && `${p.done}/${p.total}`);
    });
    const run = startExportRun('export-test-b', c.runner);
    c.report(1, 4);
    c.report(2, 4);
    c.finish();
    await run;
    expect(heard).toEqual(['0/1', '1/4', '2/4', null]);
    stop();
    const again = controlledRunner();
    const second = startExportRun('export-test-b', again.runner);
    again.finish();
    await second;
    expect(heard).toHaveLength(4);
  });

  it('starts no second run of the same export while one is under way (a second button\'s click does nothing)', async () => {
    const c = controlledRunner();
    const first = startExportRun('export-test-c', c.runner);
    let secondRan = false;
    const second = startExportRun('export-test-c', async () => { secondRan = true; });
    await expect(second).resolves.toBe(false);
    expect(secondRan).toBe(false);
    c.finish();
    await first;
  });

  it('starts no other export while one is under way (both would move the cursor), and frees it when that one ends', async () => {
    const c = controlledRunner();
    const webm = startExportRun('export-test-webm', c.runner);
    expect(otherExportRunning('export-test-gif')).toBe(true);
    expect(otherExportRunning('export-test-webm')).toBe(false);
    let gifRan = false;
    await expect(startExportRun('export-test-gif', async () => { gifRan = true; })).resolves.toBe(false);
    expect(gifRan).toBe(false);
    c.finish();
    await webm;
    expect(otherExportRunning('export-test-gif')).toBe(false);
    await expect(startExportRun('export-test-gif', async () => { gifRan = true; })).resolves.toBe(true);
    expect(gifRan).toBe(true);
  });

  it('cancels through the run\'s signal from anywhere, and then the run is over', async () => {
    const c = controlledRunner();
    const run = startExportRun('export-test-d', c.runner);
    expect(c.signal()?.aborted).toBe(false);
    cancelExportRun('export-test-d');
    expect(c.signal()?.aborted).toBe(true);
    await run;
    expect(exportRunProgress('export-test-d')).toBeNull();
    expect(() => cancelExportRun('export-test-d')).not.toThrow();
  });

  it('ends the run when the exporter fails, so the buttons are free again', async () => {
    const failed = startExportRun('export-test-e', () => Promise.reject(new Error('the frame could not be drawn')));
    await expect(failed).rejects.toThrow('the frame could not be drawn');
    expect(exportRunProgress('export-test-e')).toBeNull();
  });

  it('says whether any export is under way (the closed More menu\'s busy dot)', async () => {
    expect(anyExportRunning()).toBe(false);
    const c = controlledRunner();
    const run = startExportRun('export-test-g', c.runner);
    expect(anyExportRunning()).toBe(true);
    c.finish();
    await run;
    expect(anyExportRunning()).toBe(false);
  });

  it('ignores a report that arrives after its run ended', async () => {
    const c = controlledRunner();
    const run = startExportRun('export-test-f', c.runner);
    c.finish();
    await run;
    c.report(5, 10);
    expect(exportRunProgress('export-test-f')).toBeNull();
  });
});
