// A gallery lesson in a blink (issue 16): a lesson's link, and a lesson opened from the gallery,
// draw their lanes from the answer the build computed for that lesson (its own chunk, found by
// the text's key), and the live run that follows agrees with it, so the timeline stays as drawn.
// A link of any other text still runs in the worker.

import { expect, test } from './support/test';
import { runScenario } from '../src/engine/run';
import { galleryLinkState } from '../src/share/galleryLink';
import { cursorTime, guardNetwork, lanes, waitForApp } from './support/app';
import { galleryText, linkTo } from './support/share';

const LINKED = '05-termination-order.yaml';
const OPENED = { id: '06-shared-grace-period', fileName: '06-shared-grace-period.yaml' };

/** The lane names and kinds the engine draws for a text. */
function lanesOf(text: string): [string, string][] {
  const { trace } = runScenario(text);
  if (!trace) throw new Error('the lesson does not simulate');
  return trace.containers.map((c) => [c.name, c.kind]);
}

/** The container lanes drawn (the pod's own lane left out). */
const containerLanes = async (page: import('@playwright/test').Page) => (await lanes(page)).filter(([, kind]) => kind !== 'pod');

const prebuilt = (page: import('@playwright/test').Page) => page.evaluate(() => window.__sidecarLabPrebuilt ?? null);

test('a lesson\'s link and a lesson opened from the gallery draw from the build\'s answers, which the live run confirms', async ({ page }) => {
  test.setTimeout(90_000);
  const outside = await guardNetwork(page);
  const text = galleryText(LINKED);
  await page.goto(linkTo(galleryLinkState({ text, cursor: 12 })));

  await test.step('the lesson\'s link: its lanes come from its own prebuilt chunk, then the live run agrees', async () => {
    await expect(page.getByTestId('lane').first()).toBeAttached();
    expect(await containerLanes(page)).toEqual(lanesOf(text));
    await expect.poll(() => prebuilt(page)).toBe('confirmed');
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(fetched.some((url) => url.includes('05-termination-order'))).toBe(true);
    expect(fetched.some((url) => url.includes('06-shared-grace-period'))).toBe(false);
    await expect.poll(() => cursorTime(page)).toBeCloseTo(12, 3);
  });

  await test.step('a lesson opened from the gallery: drawn from its chunk, confirmed by the live run', async () => {
    await waitForApp(page);
    await page.evaluate(() => { window.__sidecarLabPrebuilt = undefined; });
    await page.getByTestId('gallery-button').click();
    await page.locator(`[data-testid="gallery-entry"][data-entry="${OPENED.id}"]`).click();
    await expect.poll(() => containerLanes(page)).toEqual(lanesOf(galleryText(OPENED.fileName)));
    await expect.poll(() => prebuilt(page)).toBe('confirmed');
  });

  expect(outside).toEqual([]);
});

test('a link of another text runs in the worker: no lesson chunk is fetched', async ({ page }) => {
  const text = galleryText(LINKED).replace('terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 31');
  expect(text).not.toBe(galleryText(LINKED));
  await page.goto(linkTo(galleryLinkState({ text })));
  await expect(page.getByTestId('lane').first()).toBeAttached();
  expect(await containerLanes(page)).toEqual(lanesOf(text));
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  expect(fetched.some((url) => url.includes('prebuilt-lessons') || url.includes('05-termination-order'))).toBe(false);
  expect(await prebuilt(page)).toBeNull();
});
