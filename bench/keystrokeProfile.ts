// A timeline of one keystroke on the 40-container pod (issue 16, `web.keystrokeToTimelineP95Ms40`):
// where the time between the keydown and the timeline's first change goes, on the page's main
// thread and in the engine worker, from a Chromium performance trace with the V8 sampling
// profiler: the top-level tasks of each thread in time order, then the functions with the most
// self time per thread.
// Usage: npx tsx bench/keystrokeProfile.ts [--keys 20] [--traced 3] [--dist DIR] [--default] [--brief]
// (BENCH_PORT as bench/web.ts; --default types into the default scenario instead; --brief prints only the
// summaries; KEYS_TRACE_OUT=FILE keeps the last raw trace as JSON)

import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, startPreview, stopPreview } from './preview';
import { collectTrace } from './cdpTrace';
import { median, percentile, round } from './stats';
import { timedKeystroke } from './keystroke';
import { KEYSTROKE_POD_40 } from './web';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = process.env.BENCH_PORT ?? '4173';
const BASE = `http://127.0.0.1:${PORT}/`;
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const keys = flag('--keys', 20);
const traced = flag('--traced', 3);
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : `${root}dist/`;

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'].join(',');

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; id?: string; args?: Record<string, unknown> }


/** Types one digit into the first `exitAfter:` line and resolves with keydown → first timeline mutation (ms, page clock) and the keydown's time. */
async function oneKeystroke(page: Page, digit: string): Promise<{ latency: number; down: number }> {
  const { latency, down } = await timedKeystroke(page, digit, 60_000);
  await page.waitForTimeout(400); // the rest of the work the keystroke started (idle draws, panels)
  return { latency, down };
}

const summaries: string[] = [];

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; parent?: number }

/** Self time per function of one thread's sampling profile, within [from, to] (trace µs). */
function selfTimes(events: TraceEvent[], pid: number, tid: number, from: number, to: number, inclusive = false): Map<string, number> {
  const nodes = new Map<number, Node>();
  const out = new Map<string, number>();
  let profileId: string | undefined;
  let startTime = 0;
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.name === 'Profile') { profileId = e.id; startTime = Number((e.args?.data as { startTime: number }).startTime); }
  }
  let clock = startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profileId) continue;
    const data = (e.args?.data ?? {}) as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const delta = deltas[i] ?? 0;
      clock += delta;
      if (clock < from || clock > to) continue;
      const ms = (deltas[i + 1] ?? delta) / 1000;
      const seen = new Set<string>();
      for (let n = nodes.get(samples[i]!), self = true; n; n = n.parent === undefined ? undefined : nodes.get(n.parent), self = false) {
        const f = n.callFrame;
        const name = `${f.functionName || '(anonymous)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber + 1}`;
        const key = inclusive ? name : self ? name : '';
        if (!key || seen.has(key)) continue;
        seen.add(key);
        out.set(key, (out.get(key) ?? 0) + ms);
        if (!inclusive) break;
      }
    }
  }
  return out;
}

function report(events: TraceEvent[], down: number, latency: number, quiet = false): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string }).name));
  const mark = events.find((e) => e.name === 'keydown' && e.ph !== 'M');
  if (!mark) { console.log('no keydown mark in the trace'); return; }
  const t0 = mark.ts;
  const end = t0 + latency * 1000 + 400_000;
  const name = (e: TraceEvent) => (threads.get(`${e.pid}:${e.tid}`) ?? String(e.tid)).replace('CrRendererMain', 'main').replace('DedicatedWorker thread', 'worker');
  const pageThreads = [...threads.entries()].filter(([, n]) => n === 'CrRendererMain' || n === 'DedicatedWorker thread').map(([k]) => k);
  const inScope = (e: TraceEvent) => pageThreads.includes(`${e.pid}:${e.tid}`) && e.ts >= t0 - 5000 && e.ts <= end;
  const interesting = /^(EventDispatch|FunctionCall|TimerFire|FireAnimationFrame|RunMicrotasks|HandlePostMessage|UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|Commit|FireIdleCallback|RunTask|v8.run|ParseHTML|MajorGC|MinorGC|V8.GC_SCAVENGER|BlinkGC.AtomicPhase|keydown|timeline-changed|MessageEvent)/;
  const log = quiet ? () => {} : console.log;
  log(`keystroke: ${round(latency, 1)} ms (down at ${round(down, 1)} ms on the page clock)`);
  let openEnd = new Map<string, number>();
  for (const e of events.filter(inScope).sort((a, b) => a.ts - b.ts)) {
    if (!interesting.test(e.name)) continue;
    const dur = (e.dur ?? 0) / 1000;
    const key = `${e.pid}:${e.tid}`;
    const nested = e.ts < (openEnd.get(key) ?? -Infinity);
    if (dur < 0.5 && e.ph === 'X') continue;
    if (!nested) openEnd.set(key, e.ts + (e.dur ?? 0));
    const data = (e.args?.data ?? {}) as { type?: string; url?: string; functionName?: string };
    const what = [data.type, data.functionName, data.url?.replace(/^.*\//, '')].filter(Boolean).join(' ');
    log(`${String(round((e.ts - t0) / 1000, 1)).padStart(8)} ms ${String(round(dur, 1)).padStart(6)} ms (cpu ${String(round((e.tdur ?? 0) / 1000, 1)).padStart(5)}) ${name(e).padEnd(7)} ${nested ? '  ' : ''}${e.name} ${what}`);
  }
  openEnd = new Map();
  const changed = events.find((e) => e.name === 'timeline-changed' && e.ph !== 'M');
  const mainKey = pageThreads.find((k) => threads.get(k) === 'CrRendererMain');
  const task = changed && events.find((e) => e.name === 'RunTask' && `${e.pid}:${e.tid}` === mainKey && e.ts <= changed.ts && e.ts + (e.dur ?? 0) >= changed.ts);
  const engine = events.find((e) => e.name === 'FunctionCall' && e.ts >= t0 && e.ts <= end && /engine\.worker/.test(String((e.args?.data as { url?: string } | undefined)?.url ?? '')));
  // Tracing inflates the worker: the sampling profiler stops V8 by interrupts to take its samples
  // (48-200 ms of a traced keystroke on the 40-container pod), and the traced run took 190-230 ms
  // of CPU where /proc counts ~80 ms a keystroke untraced (2026-12-05). The summary says how much
  // of the run the interrupts were; compare untraced figures for the rest.
  const interrupts = engine ? events.filter((e) => e.name === 'V8.InvokeApiInterruptCallbacks' && e.pid === engine.pid && e.tid === engine.tid
    && e.ts >= engine.ts && e.ts <= engine.ts + (engine.dur ?? 0)).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) : 0;
  const line = `SUMMARY main task that drew: ${round((task?.dur ?? 0) / 1000, 1)} ms wall, ${round((task?.tdur ?? 0) / 1000, 1)} ms cpu; engine worker run: ${round((engine?.dur ?? 0) / 1000, 1)} ms wall, ${round((engine?.tdur ?? 0) / 1000, 1)} ms cpu, of which the profiler's interrupts ${round(interrupts / 1000, 1)} ms`;
  summaries.push(line);
  console.log(line);
  for (const key of pageThreads) {
    const [pid, tid] = key.split(':').map(Number) as [number, number];
    const self = [...selfTimes(events, pid, tid, t0, t0 + latency * 1000)].sort((a, b) => b[1] - a[1]).slice(0, 25);
    const total = [...selfTimes(events, pid, tid, t0, t0 + latency * 1000).values()].reduce((a, b) => a + b, 0);
    log(`\n-- ${threads.get(key)}: self time until the timeline changed (${round(total, 1)} ms sampled)`);
    for (const [fn, ms] of self) log(`${String(round(ms, 1)).padStart(8)} ms  ${fn}`);
    if (total === 0) continue;
    log(`-- ${threads.get(key)}: inclusive time`);
    const incl = [...selfTimes(events, pid, tid, t0, t0 + latency * 1000, true)].filter(([fn]) => !fn.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, 200);
    for (const [fn, ms] of incl) log(`${String(round(ms, 1)).padStart(8)} ms  ${fn}`);
  }
}

async function main(): Promise<void> {
  const server = await startPreview(root, PORT, dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}blank.html`);
    await page.evaluate((t) => { localStorage.clear(); if (t !== null) localStorage.setItem('sidecar-lab:scenario', t); }, args.includes('--default') ? null : KEYSTROKE_POD_40);
    await page.goto(BASE);
    await page.waitForSelector('[data-testid="editor"][data-ready="true"]');
    await page.waitForSelector('[data-testid="lane"]');
    await page.waitForTimeout(1000);
    const latencies: number[] = [];
    for (let i = 0; i < keys; i++) latencies.push((await oneKeystroke(page, String(3 + (i % 5)))).latency);
    console.log(`untraced: p50 ${round(percentile(latencies, 50), 1)} ms, p95 ${round(percentile(latencies, 95), 1)} ms, median ${round(median(latencies), 1)} ms over ${keys}: ${latencies.map((l) => round(l, 0)).join(' ')}`);
    const cdp = await context.newCDPSession(page);
    for (let i = 0; i < traced; i++) {
      let result = { latency: 0, down: 0 };
      // The digits go on from the untraced ones: typing the digit already there would change nothing.
      const collected: TraceEvent[] = [];
      (globalThis as { lastTrace?: TraceEvent[] }).lastTrace = collected;
      const events = await collectTrace(cdp, CATEGORIES, async () => { result = await oneKeystroke(page, String(3 + ((keys + i) % 5))); }, collected);
      if (!args.includes('--brief')) console.log(`\n== traced keystroke ${i + 1}`);
      report(events, result.down, result.latency, args.includes('--brief'));
    }
    for (const l of summaries) console.log(l);
    if (process.env.KEYS_TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.KEYS_TRACE_OUT, JSON.stringify((globalThis as { lastTrace?: TraceEvent[] }).lastTrace ?? []));
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

void main();
