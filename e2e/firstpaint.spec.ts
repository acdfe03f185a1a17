// The first timeline in a blink (issue 16): a fresh page on the default scenario draws its lanes
// from the answer the build computed (no worker needed), before the editor, the panels under the
// timeline and the header's lazy parts arrive; the live run that follows agrees with it, so the
// timeline is not redrawn.

import { expect, test } from './support/test';
import { openApp } from './support/app';

test('a fresh page draws the default scenario\'s lanes from the build\'s answer, then the live run confirms it', async ({ page }) => {
  await page.addInitScript(() => {
    // Record what exists when the first lane is attached.
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="lane"]')) return;
      observer.disconnect();
      (window as unknown as { __atFirstLane: unknown }).__atFirstLane = {
        lanes: document.querySelectorAll('[data-testid="lane"]').length,
        editor: document.querySelector('[data-testid="editor"]') !== null,
        eventsPanel: document.querySelector('.events-panel') !== null,
        worker: performance.getEntriesByType('resource').some((r) => r.name.includes('engine.worker')),
      };
    }).observe(document, { subtree: true, childList: true });
  });
  const outside = await openApp(page);
  expect(outside).toEqual([]);

  await test.step('the first lanes needed neither the worker nor the editor', async () => {
    const first = await page.evaluate(() => (window as unknown as { __atFirstLane: Record<string, unknown> }).__atFirstLane);
    expect(first).toEqual({ lanes: expect.any(Number), editor: false, eventsPanel: false, worker: false });
    expect(first.lanes).toBeGreaterThan(1);
  });

  await test.step('the live run in the worker gave the same answer: the timeline was kept as drawn', async () => {
    const lanesBefore = await page.getByTestId('lane').count();
    await expect.poll(() => page.evaluate(() => window.__sidecarLabPrebuilt)).toBe('confirmed');
    expect(await page.getByTestId('lane').count()).toBe(lanesBefore);
    await expect(page.locator('.events-panel')).toBeVisible();
  });
});
