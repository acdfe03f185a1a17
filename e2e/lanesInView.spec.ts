// Issue 16: an edit of a 40-container pod redraws the lanes on screen at once and the others in
// idle time (src/ui/timeline/lanesInView.ts). What the user sees must not change, only when:
// the lanes in view are never stale when the timeline first changes, the others are drawn soon
// after, and then every lane's bars are exactly those a fresh load of the same text draws.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { uniformPodText } from '../bench/engine';
import { openApp, replaceEditorText, screenshot } from './support/app';
import { expect, test } from './support/test';
import { everyLaneDrawn } from './support/timeline';

const POD = `${uniformPodText(40)}containers:\n  c0:\n    exitAfter: 4s\n`;

/** Every lane's bars as the DOM has them, lane by lane. */
async function allBars(page: Page): Promise<Record<string, string[]>> {
  return page.locator('[data-testid="lane"]').evaluateAll((lanes) => Object.fromEntries(lanes.map((lane) => [
    `${lane.getAttribute('data-kind')}/${lane.getAttribute('data-container')}`,
    [...lane.querySelectorAll('rect.bar')].map((r) => ['class', 'data-start', 'data-end', 'data-label', 'x', 'y', 'width'].map((a) => r.getAttribute(a)).join(' ')),
  ])));
}

/** How many bars the lanes hold in the DOM. */
const barCount = (page: Page) => page.locator('[data-testid="lane"] rect.bar').count();

test('an edit draws the lanes in view at once and every other lane in idle time, as a fresh load draws them', async ({ page }, info) => {
  test.setTimeout(90_000);
  await openApp(page);
  await replaceEditorText(page, POD);
  await expect(page.getByTestId('lane')).toHaveCount(41);
  await everyLaneDrawn(page);

  await test.step('at the first change of the timeline, the lanes on screen are drawn and some off screen wait', async () => {
    const first = await page.evaluate(() => new Promise<{ stale: number; staleInView: string[] }>((resolve) => {
      const timeline = document.querySelector('[data-testid="timeline"]')!;
      const store = (window as unknown as { __sidecarLabStore: { getState(): { text: string; trace: unknown; setText(t: string): void } } }).__sidecarLabStore;
      const before = store.getState().trace;
      const obs = new MutationObserver(() => {
        // Idle work of the drawing before the edit may still change the timeline while the engine
        // runs: only the first change that draws the edit's trace counts.
        if (store.getState().trace === before) return;
        obs.disconnect();
        // What shows of the timeline: the screen, cut by every ancestor that clips (the pane scrolls).
        let top = Math.max(0, timeline.getBoundingClientRect().top);
        let bottom = Math.min(innerHeight, timeline.getBoundingClientRect().bottom);
        for (let el = timeline.parentElement; el; el = el.parentElement) {
          if (!/auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowY)) continue;
          const r = el.getBoundingClientRect();
          top = Math.max(top, r.top);
          bottom = Math.min(bottom, r.bottom);
        }
        const stale = [...document.querySelectorAll('[data-testid="lane"][data-stale]')];
        // A lane is in view when its name (the fixed layer's label) is.
        const label = (name: string) => [...document.querySelectorAll('.lane-frame text.lane-label')].find((t) => t.textContent === name);
        const staleInView = stale.map((l) => l.getAttribute('data-container')!).filter((name) => {
          const r = label(name)?.getBoundingClientRect();
          return r !== undefined && r.bottom > top && r.top < bottom;
        });
        resolve({ stale: stale.length, staleInView });
      });
      obs.observe(timeline, { subtree: true, childList: true, attributes: true, characterData: true });
      store.getState().setText(store.getState().text.replace('exitAfter: 4s', 'exitAfter: 6s'));
    }));
    expect(first.staleInView).toEqual([]);
    expect(first.stale).toBeGreaterThan(0);
  });

  const edited = await test.step('then every lane is drawn', async () => {
    await everyLaneDrawn(page);
    await screenshot(page, info, 'after the edit');
    return allBars(page);
  });

  await test.step('exactly as a fresh load of the same text draws them', async () => {
    await page.reload();
    await expect(page.getByTestId('lane')).toHaveCount(41);
    await everyLaneDrawn(page);
    await expect.poll(() => allBars(page)).toEqual(edited);
  });

  await test.step('an SVG export at the first change, with lanes still waiting for idle time, holds every lane', async () => {
    const download = page.waitForEvent('download');
    const staleAtClick = await page.evaluate(() => new Promise<number>((resolve) => {
      const timeline = document.querySelector('[data-testid="timeline"]')!;
      const store = (window as unknown as { __sidecarLabStore: { getState(): { text: string; trace: unknown; setText(t: string): void } } }).__sidecarLabStore;
      const before = store.getState().trace;
      const obs = new MutationObserver(() => {
        if (store.getState().trace === before) return; // not the edit's drawing yet (see above)
        obs.disconnect();
        const stale = document.querySelectorAll('[data-testid="lane"][data-stale]').length;
        (document.querySelector('[data-testid="export-svg"]') as HTMLButtonElement).click();
        resolve(stale);
      });
      obs.observe(timeline, { subtree: true, childList: true, attributes: true, characterData: true });
      store.getState().setText(store.getState().text.replace('exitAfter: 6s', 'exitAfter: 5s'));
    }));
    expect(staleAtClick).toBeGreaterThan(0);
    const barsOf = (svg: string) => svg.match(/<rect[^>]*class="bar[ "][^>]*>/g) ?? [];
    const atFirstChange = barsOf(readFileSync((await (await download).path())!, 'utf8'));
    await everyLaneDrawn(page);
    const [later] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const whenDrawn = barsOf(readFileSync((await later.path())!, 'utf8'));
    expect(whenDrawn.length).toBeGreaterThanOrEqual(await barCount(page));
    expect(atFirstChange).toEqual(whenDrawn);
  });
});
