// The first load draws the timeline once, at its real width (src/ui/timeline/useWidth.ts): the
// width is read before the first paint and nothing is drawn at a guess (it used to draw the lanes
// at 800 px, paint them, then draw them all again at the real width).

import { openApp } from './support/app';
import { expect, test } from './support/test';

test('the first drawing of the lanes is at the timeline\'s real width', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstDraw?: { drawn: number; box: number } };
    const obs = new MutationObserver(() => {
      const plot = document.querySelector<SVGSVGElement>('svg.timeline-svg');
      const box = document.querySelector<HTMLElement>('[data-testid="timeline"]');
      if (w.__firstDraw || !plot || !box || !document.querySelector('[data-testid="lane"]')) return;
      w.__firstDraw = { drawn: Number(plot.getAttribute('width')), box: box.clientWidth };
      obs.disconnect();
    });
    obs.observe(document, { subtree: true, childList: true });
  });
  await openApp(page);
  await expect(page.getByTestId('lane').first()).toBeAttached();
  const first = await page.evaluate(() => (window as unknown as { __firstDraw?: { drawn: number; box: number } }).__firstDraw);
  expect(first).toBeDefined();
  expect(first!.box).toBeGreaterThan(0);
  expect(first!.box).not.toBe(800);
  expect(first!.drawn).toBe(first!.box);
});
