// A timeline of the first load (issue 16): what happens between the navigation and the first
// drawn lane, from a Chromium performance trace and the page's own resource timings. For
// `web.firstTimelineOverBlank` work: which script is fetched, compiled and run when, on which
// thread (the page or the engine worker), when React commits the first lanes, and when the load
// event (where the bench's page.goto returns) came.
// Usage: npx tsx bench/firstPaintProfile.ts [--runs 3] [--dist DIR] (BENCH_PORT as bench/web.ts)

import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startPreview, stopPreview } from './preview';
import { collectTrace } from './cdpTrace';
import { median, round } from './stats';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = process.env.BENCH_PORT ?? '4173';
const BASE = `http://127.0.0.1:${PORT}/`;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 3;
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : `${root}dist/`;

const CATEGORIES = ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8'].join(',');

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: Record<string, unknown>; name?: string; fileName?: string } & Record<string, unknown> }

/** The page records when the first lane is attached, on its own clock. */
const FIRST_LANE_SCRIPT = `(() => {
  const obs = new MutationObserver(() => {
    if (document.querySelector('[data-testid="lane"]')) { performance.mark('first-lane'); obs.disconnect(); }
  });
  obs.observe(document, { subtree: true, childList: true });
})();`;


const short = (url: unknown) => String(url ?? '').replace(BASE, '/').replace(/-[\w-]{8}\.(js|css)$/, '.$1');

/**
 * The CPU time (the threads' own clocks, so another process's load on the machine hardly counts)
 * spent from the navigation until the task that attaches the first lane has ended: by the page's main thread (its top-level tasks)
 * and by the threads that parse scripts in the background (ms).
 */
function cpuToFirstLane(events: TraceEvent[]): { main: number; parse: number } {
  const nav = events.find((e) => e.name === 'navigationStart' && (e.args?.data as { isLoadingMainFrame?: boolean } | undefined)?.isLoadingMainFrame)
    ?? events.find((e) => e.name === 'navigationStart');
  const lane = events.find((e) => e.name === 'first-lane');
  if (!nav || !lane) return { main: -1, parse: -1 };
  const mainTid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === lane.pid && e.args?.name === 'CrRendererMain')?.tid ?? lane.tid;
  // A task that started before the lane counts whole: the lane is attached inside it and can be
  // seen only once it ends.
  const within = (e: TraceEvent) => e.pid === lane.pid && e.ts >= nav.ts && e.ts <= lane.ts;
  const sum = (list: TraceEvent[]) => round(list.reduce((acc, e) => acc + (e.tdur ?? 0), 0) / 1000, 1);
  return {
    main: sum(events.filter((e) => e.tid === mainTid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && within(e))),
    parse: sum(events.filter((e) => e.name === 'v8.parseOnBackground' && within(e))),
  };
}

/** One line per interesting slice, in time order, relative to the navigation's start (ms). */
function summarize(events: TraceEvent[]): string[] {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const nav = events.find((e) => e.name === 'navigationStart' && (e.args?.data as { isLoadingMainFrame?: boolean } | undefined)?.isLoadingMainFrame)
    ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav?.ts ?? 0;
  const pid = nav?.pid;
  const lines: { ts: number; text: string }[] = [];
  const at = (e: TraceEvent) => round((e.ts - t0) / 1000, 1);
  const thread = (e: TraceEvent) => (threads.get(`${e.pid}:${e.tid}`) ?? String(e.tid)).replace('CrRendererMain', 'main').replace('DedicatedWorker thread', 'worker');
  const interesting = new Set(['v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'ResourceSendRequest', 'ResourceFinish', 'firstContentfulPaint', 'first-lane', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.produceModuleCache', 'v8.deserializeModuleCache', 'HandlePostMessage', 'FireIdleCallback', 'v8.parseOnBackground', 'ParseAuthorStyleSheet', 'ScheduleStyleRecalculation']);
  for (const e of events) {
    if (e.ts < t0 || e.pid !== pid || !interesting.has(e.name)) continue;
    const d = e.args?.data ?? {};
    const dur = e.dur !== undefined ? round(e.dur / 1000, 1) : 0;
    if (e.name.startsWith('Resource') || e.name === 'ScheduleStyleRecalculation') continue;
    if ((e.name === 'FunctionCall' || e.name === 'RunMicrotasks' || e.name === 'UpdateLayoutTree' || e.name === 'Layout' || e.name === 'Paint' || e.name === 'TimerFire' || e.name === 'v8.compileModule') && dur < 1) continue;
    const what = d.url ?? d.fileName ?? (d as { stackTrace?: { url: string }[] }).stackTrace?.[0]?.url ?? e.args?.fileName ?? '';
    lines.push({ ts: e.ts, text: `${String(at(e)).padStart(7)} ms ${String(dur).padStart(6)} ms  ${thread(e).padEnd(8)} ${e.name} ${short(what)}` });
  }
  return lines.sort((a, b) => a.ts - b.ts).map((l) => l.text);
}

async function main(): Promise<void> {
  const server = await startPreview(root, PORT, dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const firsts: number[] = [];
  const mains: number[] = [];
  const parses: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${BASE}blank.html`);
      await page.evaluate(() => localStorage.clear());
      await page.addInitScript(FIRST_LANE_SCRIPT);
      const cdp = await context.newCDPSession(page);
      let wall = 0;
      const events = await collectTrace<TraceEvent>(cdp, CATEGORIES, async () => {
        const start = performance.now();
        await page.goto(BASE);
        await page.waitForSelector('[data-testid="lane"]', { state: 'attached' });
        wall = performance.now() - start; // Playwright's backoff (below); bench/web.ts asks at every frame instead
        await page.waitForTimeout(300);
      });
      const lane = await page.evaluate(() => performance.getEntriesByName('first-lane')[0]?.startTime ?? -1);
      // page.goto resolves at the load event; a waitForSelector that finds nothing then polls
      // again after 20, 50, 100, 100 and 500 ms (Playwright's backoff), so web.firstTimelineMs
      // sees a lane attached after the load event only at the next of those polls.
      const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventStart ?? -1);
      const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => {
        const t = r as PerformanceResourceTiming;
        return { name: t.name, start: t.startTime, end: t.responseEnd, size: t.encodedBodySize };
      }));
      firsts.push(lane);
      const cpu = cpuToFirstLane(events);
      mains.push(cpu.main);
      parses.push(cpu.parse);
      console.log(`\n== run ${i + 1}: first lane at ${round(lane, 0)} ms (page clock; the load event at ${round(load, 0)} ms), ${round(wall, 0)} ms by the driver; CPU until then: main thread ${cpu.main} ms, background parse ${cpu.parse} ms`);
      for (const r of resources) console.log(`   fetch ${String(round(r.start, 0)).padStart(5)}–${String(round(r.end, 0)).padEnd(5)} ${String(r.size).padStart(8)} B  ${short(r.name)}`);
      if (i === runs - 1 || args.includes('--all')) for (const l of summarize(events)) console.log(l);
      await context.close();
    }
    console.log(`\nfirst lane, median of ${runs}: ${round(median(firsts), 0)} ms; CPU until then (medians): main thread ${round(median(mains), 1)} ms, background parse ${round(median(parses), 1)} ms`);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

void main();
