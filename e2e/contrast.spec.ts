// The contrast of the timeline's SVG text, which axe cannot judge (text in SVG over SVG rects,
// under an overlay SVG): every visible bar label, kubectl STATUS label, lane name, sub-row name,
// axis tick and group header has at least 4.5:1 (WCAG 2 AA, normal text) against the colour
// painted behind it, both colours of a hatch included (support/contrast.ts says how), in the
// light and the dark theme, over scenarios that between them show every labelled bar tone and
// status colour. Each scenario is checked at its fitted view, then zoomed onto a bar of each
// tone whose label the fitted view had no room for.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import type { Trace } from '../src/engine/trace';
import { runScenario } from '../src/engine/run';
import { clampWindow, type TimeWindow } from '../src/state/view/window';
import { openApp, replaceEditorText, screenshot } from './support/app';
import { formatContrast, lowestPerTone, measureTimelineContrast, type TextContrast } from './support/contrast';
import { DEFAULT_SCENARIO, FLAKY_JOB } from './support/scenario';
import { galleryText } from './support/share';
import { everyLaneDrawn, setTheme } from './support/timeline';

/** WCAG 2 AA for normal text: the labels are 10–12.5 px. */
const MIN_RATIO = 4.5;

/** Every tone that carries a label: container states, pod phases, kubectl STATUS colours. */
const LABELLED_TONES = [
  'waiting', 'backoff', 'running', 'started', 'ready', 'awaiting-turn', 'terminating', 'exited-ok', 'exited-error',
  'phase-pending', 'phase-running', 'phase-succeeded', 'phase-failed',
  'status-good', 'status-bad', 'status-pending',
];

const SCENARIOS: { name: string; text: string }[] = [
  // Pending/Running phases, init containers' Completed (0), PodInitializing, Running/Started/Ready.
  // At 1.35: from 1.36 the on-demand relist ([0.8]) reports a start at once, so no Running bar
  // (started, not yet reported) is wide enough for its label.
  { name: 'default', text: DEFAULT_SCENARIO.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: "1.35"\n') },
  // A crash-looping container: Error (1), back-off 10s…300s, CrashLoopBackOff in STATUS.
  { name: 'crash loop', text: galleryText('10-crashloopbackoff-timing.yaml') },
  // A pod deletion: Terminating bars, preStop hooks, phase Succeeded.
  { name: 'pod deletion', text: galleryText('05-termination-order.yaml') },
  // A failing Job: phase Failed, STATUS Error, one lane group per pod.
  { name: 'failing job', text: FLAKY_JOB },
  // Gallery: sidecars ending with 143 and 137 in a Job that Succeeds.
  { name: 'gallery exit codes', text: galleryText('07-exit-codes-137-143.yaml') },
  // Gallery: a sidecar crash-looping under restartPolicy Never.
  { name: 'gallery sidecar crash', text: galleryText('08-sidecar-crash-under-never.yaml') },
];

function simulate(text: string): Trace {
  const { trace } = runScenario(text);
  if (!trace) throw new Error('the scenario does not simulate');
  return trace;
}

/** The container lanes' names as the timeline writes them (a Job's pods prefix theirs). */
function containerLanes(trace: Trace): string[] {
  const several = (trace.pods?.length ?? 0) > 1;
  return trace.containers.map((c) => (several ? `${c.pod}/${c.name}` : c.name));
}

/** Two frames after a change, and the lanes off screen drawn too (they are drawn in idle time). */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await everyLaneDrawn(page);
}

async function showWindow(page: Page, view: TimeWindow | null, end: number): Promise<void> {
  await page.evaluate((v) => window.__sidecarLabStore?.getState().setView(v), view);
  if (view) {
    const w = clampWindow(view, end);
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-t0', String(w.t0));
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-t1', String(w.t1));
  }
  await nextFrames(page);
}

interface DrawnBar { tone: string; start: number; end: number }

/** The labelled rows' bars in the DOM: lanes' own bars and the kubectl STATUS row. */
async function drawnBars(page: Page): Promise<DrawnBar[]> {
  return page.locator('[data-testid="lane"] > g.bars rect.bar, [data-testid="lane"] g.subrow[data-row="STATUS"] rect.bar')
    .evaluateAll((els) => els.map((el) => ({
      tone: [...el.classList].find((c) => c.startsWith('tone-'))?.slice(5) ?? '',
      start: Number(el.getAttribute('data-start')),
      end: Number(el.getAttribute('data-end')),
    })));
}

/** Loads a scenario, measures at the fitted view, then zoomed onto each tone the labels missed. */
async function measureScenario(page: Page, text: string): Promise<{ results: TextContrast[]; missing: string[] }> {
  const trace = simulate(text);
  await replaceEditorText(page, text);
  const names = containerLanes(trace);
  for (const name of names) await expect(page.locator(`[data-testid="lane"][data-container="${name}"]:not([data-kind="pod"])`)).toBeAttached();
  await expect(page.getByTestId('lane')).toHaveCount(names.length + (trace.pods?.length ?? 1));
  await showWindow(page, null, trace.end);

  const results = await measureTimelineContrast(page);
  const labelled = (rs: TextContrast[]) => new Set(rs.filter((r) => r.kind === 'bar-label').map((r) => r.labelTone));
  const bars = await drawnBars(page);
  const present = LABELLED_TONES.filter((tone) => bars.some((b) => b.tone === tone && b.end > b.start));
  for (const tone of present) {
    if (labelled(results).has(tone)) continue;
    const widest = bars.filter((b) => b.tone === tone).sort((a, b) => (b.end - b.start) - (a.end - a.start))[0]!;
    const span = Math.max((widest.end - widest.start) / 0.6, 0.5);
    await showWindow(page, { t0: widest.start - span * 0.2, t1: widest.start - span * 0.2 + span }, trace.end);
    results.push(...await measureTimelineContrast(page));
  }
  await showWindow(page, null, trace.end);
  const seen = labelled(results);
  return { results, missing: present.filter((tone) => !seen.has(tone)) };
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`every timeline label has 4.5:1 contrast against what is behind it (${theme})`, async ({ page }, info) => {
      test.setTimeout(240_000);
      await openApp(page);
      await setTheme(page, theme);
      const all: TextContrast[] = [];
      const tones = new Set<string>();
      for (const scenario of SCENARIOS) {
        await test.step(scenario.name, async () => {
          const { results, missing } = await measureScenario(page, scenario.text);
          expect(missing, `${scenario.name}: tones drawn whose labels were never measured`).toEqual([]);
          expect(results.filter((r) => r.kind === 'bar-label').length, `${scenario.name}: bar labels measured`).toBeGreaterThan(0);
          for (const r of results) if (r.kind === 'bar-label') tones.add(r.labelTone);
          all.push(...results.map((r) => ({ ...r, scenario: scenario.name })));
          await screenshot(page, info, scenario.name);
        });
      }

      const report = [`${theme} theme: lowest contrast per tone behind the text (${all.length} text/background pairs)`,
        ...lowestPerTone(all).map(formatContrast)].join('\n');
      console.log(report);
      await info.attach(`contrast-${theme}.txt`, { body: report, contentType: 'text/plain' });

      // The scenarios between them show every labelled tone, and every kind of text.
      expect([...tones].sort()).toEqual([...LABELLED_TONES].sort());
      for (const kind of ['bar-label', 'lane-label', 'subrow-label', 'axis', 'group-header']) {
        expect(all.some((r) => r.kind === kind), `${kind} measured`).toBe(true);
      }
      const failing = lowestPerTone(all.filter((r) => r.ratio < MIN_RATIO));
      expect(failing.map(formatContrast), `labels under ${MIN_RATIO}:1 in the ${theme} theme (lowest per tone)`).toEqual([]);
    });
  });
}
