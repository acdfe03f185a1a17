// Helpers for the timeline specs: the cursor, the visible window, bars of a lane, the CLI's trace.

import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import type { Trace } from '../../src/engine/trace';

/** The trace the `sim` command prints for a scenario file (contract section 2). */
export function cliTrace(file: string): Trace {
  const out = execFileSync('npm', ['run', '--silent', 'sim', '--', 'run', file, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as Trace;
}

/** Puts the cursor at t the way a link does: `?t=`. */
export async function openAt(page: Page, t: number): Promise<void> {
  await page.goto(`/?t=${t}`);
  await expect(page.getByTestId('cursor-time')).toHaveText(String(t));
}

export async function setCursor(page: Page, t: number): Promise<void> {
  await page.evaluate((x) => window.__sidecarLabStore?.getState().setCursorTime(x), t);
  await expect(page.getByTestId('cursor-time')).toHaveText(String(t));
}

export async function visibleWindow(page: Page): Promise<{ t0: number; t1: number }> {
  const tl = page.getByTestId('timeline');
  return { t0: Number(await tl.getAttribute('data-t0')), t1: Number(await tl.getAttribute('data-t1')) };
}

export interface BarView { start: number; end: number; label: string; attempt: number | null; tone: string }

/**
 * Waits until every lane is drawn for the shown trace: a redraw draws the lanes on screen at once
 * and marks the others `data-stale` until idle time draws them too (lanesInView.ts, issue 16).
 */
export async function everyLaneDrawn(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="lane"][data-stale]')).toHaveCount(0);
}

/** The drawn bars of a container lane (its own row, not the pod's sub-rows), once every lane is drawn. */
export async function laneBars(page: Page, container: string): Promise<BarView[]> {
  await everyLaneDrawn(page);
  return page.locator(`[data-testid="lane"][data-container="${container}"] > g.bars rect.bar`).evaluateAll((els) => els.map((el) => ({
    start: Number(el.getAttribute('data-start')),
    end: Number(el.getAttribute('data-end')),
    label: el.getAttribute('data-label') ?? '',
    attempt: el.hasAttribute('data-attempt') ? Number(el.getAttribute('data-attempt')) : null,
    tone: [...el.classList].find((c) => c.startsWith('tone-'))?.slice(5) ?? '',
  })));
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => window.__sidecarLabStore?.getState().setTheme(t), theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** The middle of the part of an element that the timeline's plot shows (bars may run past it). */
export async function visibleCenter(page: Page, el: import('@playwright/test').Locator): Promise<{ x: number; y: number }> {
  const box = await el.boundingBox();
  const plot = await page.locator('.timeline-plot').boundingBox();
  if (!box || !plot) throw new Error('not drawn');
  const left = Math.max(box.x, plot.x);
  const right = Math.min(box.x + box.width, plot.x + plot.width);
  return { x: (left + right) / 2, y: box.y + box.height / 2 };
}
