// web.panFrameP95Ms: a generated trace with 10,000 marks goes into the page's store, the view
// zooms to an eighth of it, then the lanes are panned by synthetic drags and horizontal wheel
// events in headless Chromium. A frame's time is the main thread's work for it, read from a
// performance trace (frameTrace.ts) as CPU time, and as wall time; the page's own view of the
// same frames (FRAME_LOG_SCRIPT) and the interval between frames while panning are reported too.

import type { Browser, Page } from 'playwright-core';
import { FRAME_CATEGORIES, frameWork } from './frameTrace';
import { denseTrace, markCount } from './denseTrace';
import { percentile, round } from './stats';

interface FrameLog { work: number[]; intervals: number[] }

// Plain JavaScript: tsx would wrap named functions in a helper the page does not have.
// A frame's work: the time spent in the input handlers since the previous frame (from a capture
// listener on window to a bubble listener on window; React's render and effects run in the
// microtasks in between), plus its rendering update: from the requestAnimationFrame callback to
// a message posted there, which runs once style, layout and paint are done.
const FRAME_LOG_SCRIPT = `(() => {
  const log = { work: [], intervals: [] };
  window.__frameLog = log;
  let handlers = 0, inputs = 0, start = null, lastRaf = null, running = true, pending = null;
  const begin = () => { start = performance.now(); };
  const end = () => { if (start !== null) { handlers += performance.now() - start; inputs++; start = null; } };
  for (const type of ['pointermove', 'wheel']) {
    addEventListener(type, begin, { capture: true, passive: true });
    addEventListener(type, end, { passive: true });
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { if (pending !== null) { log.work.push(pending.handlers + performance.now() - pending.raf); pending = null; } };
  const frame = (now) => {
    if (lastRaf !== null && inputs > 0) log.intervals.push(now - lastRaf);
    lastRaf = now;
    if (inputs > 0) { pending = { handlers, raf: performance.now() }; handlers = 0; inputs = 0; channel.port2.postMessage(0); }
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__frameStop = () => { running = false; };
})()`;

async function installFrameLog(page: Page): Promise<void> {
  await page.evaluate(FRAME_LOG_SCRIPT);
}

/** Loads the dense trace and returns the number of marks it holds. */
export async function loadDenseTrace(page: Page): Promise<number> {
  const trace = denseTrace();
  await page.evaluate((t) => {
    const store = (window as unknown as { __sidecarLabStore: { setState(p: object): void } }).__sidecarLabStore;
    store.setState({ trace: t, podName: 'dense-pod', selected: null, cursorTime: 0, view: { t0: 0, t1: t.end / 8 } });
  }, trace);
  await page.waitForSelector('[data-testid="lane"][data-container="c19"]');
  return markCount(trace);
}

/** The pan: per round, a drag left then right across the plot, then horizontal wheel steps each way. */
export async function panGestures(page: Page, box: { x: number; y: number; width: number }, rounds: number): Promise<void> {
  const y = box.y + 140;
  for (let r = 0; r < rounds; r++) {
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 60 });
    await page.mouse.up();
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 60 });
    await page.mouse.up();
    await page.mouse.move(box.x + box.width * 0.5, y);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(60, 0);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(-60, 0);
  }
}

export async function measurePan(browser: Browser, page: Page, base: string, rounds: number): Promise<Record<string, number>> {
  await page.goto(base);
  await page.waitForSelector('[data-testid="lane"]');
  await page.waitForSelector('[data-testid="editor"][data-ready="true"]');
  const marks = await loadDenseTrace(page);
  const box = await page.locator('.timeline-overlay').boundingBox();
  if (!box) throw new Error('no timeline overlay');
  await installFrameLog(page);
  await browser.startTracing(page, { categories: FRAME_CATEGORIES });
  await panGestures(page, box, rounds);
  await page.waitForTimeout(100);
  const work = frameWork((await browser.stopTracing()).toString('utf8'));
  const log = await page.evaluate('(() => { window.__frameStop(); return window.__frameLog; })()') as FrameLog;
  return {
    'web.panMarks': marks,
    'web.panFrames': work.length,
    // A frame's main-thread work in thread (CPU) time: on a shared machine the wall time adds the
    // waits for a core, which the next two figures show.
    'web.panFrameP50Ms': round(percentile(work.map((f) => f.cpu), 50), 1),
    'web.panFrameP95Ms': round(percentile(work.map((f) => f.cpu), 95), 1),
    // The wheel steps alone, and the worst frame: a pan that leaves the drawn range redraws it
    // (renderRange.ts), a frame that the 95th percentile of all frames hides.
    'web.panWheelFrameP95Ms': round(percentile(work.filter((f) => f.input === 'wheel').map((f) => f.cpu), 95), 1),
    'web.panFrameMaxMs': round(Math.max(...work.map((f) => f.cpu)), 1),
    'web.panFrameWallP95Ms': round(percentile(work.map((f) => f.wall), 95), 1),
    // The same frames measured from the page: input to the end of the rendering update, queueing included.
    'web.panInputToFrameP95Ms': round(percentile(log.work, 95), 1),
    'web.panFrameIntervalP95Ms': round(percentile(log.intervals, 95), 1),
  };
}
