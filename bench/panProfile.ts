// Where a pan frame's time goes (issue 16): the pan of web.panFrameP95Ms (webPan.ts) under a
// Chromium performance trace, each frame's main-thread self time split into script, style,
// layout, paint, composite (layerize, commit) and GC, the longest frames listed with their
// biggest slices, and the raster threads' time over the whole pan.
// Usage: npx tsx bench/panProfile.ts [--rounds 3] [--top 12] [--dist DIR] [--css 'rect.bar { stroke: none }']
//   [--tree RANK] [--categories cc,blink] [--save trace.json] (BENCH_PORT as bench/web.ts)

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startPreview, stopPreview } from './preview';
import { percentile, round } from './stats';
import { loadDenseTrace, panGestures } from './webPan';
import { frameBreakdown, type FrameBreakdown } from './panProfileParse';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = process.env.BENCH_PORT ?? '4173';
const BASE = `http://127.0.0.1:${PORT}/`;
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const rounds = Number(arg('--rounds', '3'));
const top = Number(arg('--top', '12'));
const dist = arg('--dist', `${root}dist/`);
/** A stylesheet added before the pan, for experiments (e.g. what a bar outline costs). */
const css = arg('--css', '');
/** A script run in the page before the pan, for experiments. */
const script = arg('--eval', '');
/** Prints the slice tree of the frame at this rank by CPU time (0: the longest; 50: the median of 100 frames...). */
const tree = args.includes('--tree') ? Number(arg('--tree', '0')) : null;
/** More trace categories (e.g. cc,blink) to see inside Commit and Paint. */
const extra = arg('--categories', '');
/** Only frames of this input for --tree: pointer or wheel. */
const inputOnly = arg('--input', '');
/** Writes the raw trace there, to look at in a trace viewer. */
const save = arg('--save', '');

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'disabled-by-default-devtools.timeline', 'v8'];

function describe(f: FrameBreakdown): string {
  const parts = Object.entries(f.byKind).filter(([, ms]) => ms >= 0.05).map(([k, ms]) => `${k} ${round(ms, 1)}`).join(', ');
  const slices = f.biggest.map((s) => `${s.name} ${round(s.ms, 1)}`).join(', ');
  return `#${f.index} cpu ${round(f.cpu, 1)} wall ${round(f.wall, 1)} | ${parts} | ${slices}`;
}

async function main(): Promise<void> {
  const server = await startPreview(root, PORT, dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(BASE);
    await page.waitForSelector('[data-testid="lane"]');
    await page.waitForSelector('[data-testid="editor"][data-ready="true"]');
    await loadDenseTrace(page);
    const box = await page.locator('.timeline-overlay').boundingBox();
    if (!box) throw new Error('no timeline overlay');
    if (css) await page.addStyleTag({ content: css });
    if (script) await page.evaluate(script);
    await page.waitForTimeout(500);
    await browser.startTracing(page, { categories: [...CATEGORIES, ...extra.split(',').filter(Boolean)] });
    await panGestures(page, box, rounds);
    await page.waitForTimeout(100);
    const json = (await browser.stopTracing()).toString('utf8');
    if (save) writeFileSync(save, json);
    const { frames, raster } = frameBreakdown(json);
    const cpu = frames.map((f) => f.cpu);
    console.log(`frames ${frames.length}: cpu p50 ${round(percentile(cpu, 50), 1)} p95 ${round(percentile(cpu, 95), 1)} max ${round(Math.max(...cpu), 1)} ms; raster threads ${round(raster, 1)} ms`);
    const kinds = new Map<string, number[]>();
    for (const f of frames) for (const [k, ms] of Object.entries(f.byKind)) kinds.set(k, [...(kinds.get(k) ?? []), ms]);
    console.log(`per frame p50/p95: ${[...kinds].map(([k, xs]) => `${k} ${round(percentile(xs, 50), 2)}/${round(percentile(xs, 95), 2)}`).join(', ')}`);
    for (const input of ['pointer', 'wheel'] as const) {
      const of = frames.filter((f) => f.input === input);
      const layerized = of.filter((f) => f.slices.some((sl) => sl.name === 'Layerize' && sl.ms > 0.3)).length;
      console.log(`${input}: ${of.length} frames, cpu p50 ${round(percentile(of.map((f) => f.cpu), 50), 1)} p95 ${round(percentile(of.map((f) => f.cpu), 95), 1)}, ${layerized} layerized (>0.3 ms)`);
    }
    console.log(`longest ${top}:`);
    for (const f of [...frames].sort((a, b) => b.cpu - a.cpu).slice(0, top)) console.log(`  ${describe(f)}`);
    if (extra.includes('invalidationTracking')) {
      // What asked for style, layout or paint work during the pan, most frequent first.
      const counts = new Map<string, number>();
      for (const e of (JSON.parse(json) as { traceEvents: { name: string; args?: { data?: Record<string, unknown> } }[] }).traceEvents) {
        if (!/InvalidationTracking|PaintInvalidation/.test(e.name)) continue;
        const d = e.args?.data ?? {};
        const key = `${e.name} ${String(d.reason ?? d.invalidationSet ?? '')} ${String(d.nodeName ?? '')}`.slice(0, 160);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 200)) console.log(`  ${n} ${k}`);
    }
    if (tree !== null) {
      const f = frames.filter((fr) => !inputOnly || fr.input === inputOnly).sort((a, b) => b.cpu - a.cpu)[tree];
      if (f) for (const sl of f.slices) if (sl.ms >= 0.05) console.log(`${'  '.repeat(sl.depth + 1)}${sl.name} ${round(sl.ms, 2)}`);
    }
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
