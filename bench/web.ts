// Browser figures, measured in headless Debian Chromium against the built app on `vite preview`:
// the first drawn timeline against a blank page served the same way, the keystroke-to-timeline
// latency, the frame time while panning 10,000 marks (webPan.ts), and the JavaScript the first
// load needs (gzip) with and without the Monaco chunks.

import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, startPreview, stopPreview } from './preview';
import { median, percentile, round } from './stats';
import { measurePan } from './webPan';
import { CRASH_LOOP_FOR_A_YEAR } from './budget';
import { largePodText, uniformPodText } from './engine';
import { timedKeystroke } from './keystroke';

const root = fileURLToPath(new URL('..', import.meta.url));
/** BENCH_PORT lets the benchmark run beside another preview server (default 4173). */
const PORT = process.env.BENCH_PORT ?? '4173';
const BASE = `http://127.0.0.1:${PORT}/`;
/** BENCH_DIST measures another build (e.g. an older one, for a before/after in the same moment); default dist/. */
const DIST = process.env.BENCH_DIST ? `${process.env.BENCH_DIST.replace(/\/$/, '')}/` : `${root}dist/`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The JS the first load needs: the entry and its static imports, as index.html lists them. */
export function initialJsSizes(): { initial: number; all: number } {
  const dist = DIST;
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const all = readdirSync(`${dist}assets`).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const sum = (files: string[]) => files.reduce((acc, f) => acc + gz(`${dist}${f}`), 0);
  return { initial: sum(initial), all: sum(all) };
}

/**
 * Navigation to `url` until `selector` is attached, on the driver's clock. The page is asked at
 * every animation frame: `page.goto` returns at the load event, and `waitForSelector` would then
 * look again only after 20, 50, 100, 100, 500, 500… ms (Playwright's backoff), so a lane attached
 * 300 ms after the load event was seen 470 ms late (bench/firstPaintProfile.ts shows both).
 */
async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  const start = performance.now();
  await page.goto(url);
  await page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: 'raf' });
  return performance.now() - start;
}

/** The page's saved scenario: the next load of BASE opens it. */
async function seedScenario(page: Page, text: string): Promise<void> {
  await page.goto(`${BASE}blank.html`);
  await page.evaluate((t) => { localStorage.clear(); localStorage.setItem('sidecar-lab:scenario', t); }, text);
}

/**
 * The pod of `web.keystrokeToTimelineP95Ms40`: the 40-container pod of `engine.eventsPerSecond`, as
 * the contract says (section 5); the keystrokes type in init-0's `exitAfter:` line, and every
 * container after it starts at another time.
 */
export const KEYSTROKE_POD_40 = largePodText();

/**
 * A heavier pod, for `web.keystrokeToTimelineP95MsCrashLoop40` (no goal): `uniformPodText(40)`, 40
 * main containers crash-looping with 1 s probes for an hour (the engine's scaling pod; ~18,000
 * events, nine times the pod above, half of them BackOff events [4.9]), with one `exitAfter:` line
 * to type in. Until session 28 the bench typed in this pod for `…Ms40`.
 */
export const CRASH_LOOP_POD_40 = `${uniformPodText(40)}containers:\n  c0:\n    exitAfter: 4s\n`;

/** The page's JS heap after the 50,000-event budget run is drawn, after a full garbage collection (MB). */
async function budgetHeapMb(page: Page): Promise<number> {
  await seedScenario(page, CRASH_LOOP_FOR_A_YEAR);
  await page.goto(BASE);
  await page.waitForSelector('[data-testid="lane"]', { state: 'attached', timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __sidecarLabStore?: { getState(): { trace: { truncated?: unknown } | null } } }).__sidecarLabStore?.getState().trace?.truncated !== undefined, null, { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

/**
 * A reader's pause before the first keystroke, for the `…AfterPause…` figures: the keystroke
 * figures above type as soon as the editor is ready, which no one does; after a pause the engine
 * worker has warmed its code up (src/worker/warmUp.ts) and the first keystrokes cost less.
 */
export const READER_PAUSE_MS = 2000;

/** Selects the digit of the first `exitAfter: Ns` line and types another one; times until the timeline changes. */
async function keystrokeLatencies(page: Page, count: number, text?: string, pauseMs = 0): Promise<number[]> {
  if (text !== undefined) await seedScenario(page, text);
  await page.goto(BASE);
  await page.waitForSelector('[data-testid="editor"][data-ready="true"]');
  await page.waitForSelector('[data-testid="lane"]');
  if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const digit = String(3 + (i % 5));
    out.push((await timedKeystroke(page, digit, 10_000)).latency);
  }
  return out;
}

export async function measureWeb(runs: number): Promise<Record<string, number>> {
  const sizes = initialJsSizes();
  const server = await startPreview(root, PORT, DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const ratios: number[] = [];
    const firsts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const blank = await timeTo(page, `${BASE}blank.html`, 'body');
      await page.evaluate(() => localStorage.clear());
      const first = await timeTo(page, BASE, '[data-testid="lane"]');
      firsts.push(first);
      ratios.push(first / blank);
      await context.close();
    }
    const context = await browser.newContext();
    const latencies = await keystrokeLatencies(await context.newPage(), Math.max(20, runs * 4));
    await context.close();
    const context40 = await browser.newContext();
    const latencies40 = await keystrokeLatencies(await context40.newPage(), Math.max(20, runs * 4), KEYSTROKE_POD_40);
    await context40.close();
    const contextCrashLoop = await browser.newContext();
    const latenciesCrashLoop = await keystrokeLatencies(await contextCrashLoop.newPage(), Math.max(20, runs * 4), CRASH_LOOP_POD_40);
    await contextCrashLoop.close();
    const paused: number[][] = [];
    for (const text of [undefined, KEYSTROKE_POD_40]) {
      const pausedContext = await browser.newContext();
      paused.push(await keystrokeLatencies(await pausedContext.newPage(), Math.max(20, runs * 4), text, READER_PAUSE_MS));
      await pausedContext.close();
    }
    const heapContext = await browser.newContext();
    const heaps: number[] = [];
    for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) heaps.push(await budgetHeapMb(await heapContext.newPage()));
    await heapContext.close();
    const panContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const pan = await measurePan(browser, await panContext.newPage(), BASE, Math.max(2, runs));
    await panContext.close();
    return {
      'web.firstTimelineMs': round(median(firsts), 0),
      'web.firstTimelineOverBlank': round(median(ratios)),
      'web.keystrokeToTimelineP50Ms': round(percentile(latencies, 50), 1),
      'web.keystrokeToTimelineP95Ms': round(percentile(latencies, 95), 1),
      'web.keystrokeToTimelineP95Ms40': round(percentile(latencies40, 95), 1),
      'web.keystrokeToTimelineP95MsCrashLoop40': round(percentile(latenciesCrashLoop, 95), 1),
      'web.keystrokeAfterPauseP95Ms': round(percentile(paused[0]!, 95), 1),
      'web.keystrokeAfterPauseP95Ms40': round(percentile(paused[1]!, 95), 1),
      'web.budgetHeapMb': round(median(heaps), 1),
      ...pan,
      'web.initialJsGzipKb': round(sizes.initial / 1000, 1),
      'web.allJsGzipKb': round(sizes.all / 1000, 1),
    };
  } finally {
    await browser.close();
    stopPreview(server);
  }
}
