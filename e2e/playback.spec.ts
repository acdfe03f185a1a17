// Moving in time: playback moves the cursor, W/S zoom and A/D pan the visible range, F fits,
// `?` lists the shortcuts. One page, a step for each.

import { expect, test } from './support/test';
import { cursorTime, openApp, screenshot } from './support/app';
import { setTheme, visibleWindow } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

/** Resolves after `n` animation frames: long enough for a playing cursor to have moved. */
async function frames(page: import('@playwright/test').Page, n: number): Promise<void> {
  await page.evaluate((count) => new Promise<void>((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

test('moving in time: playback, keyboard zoom and pan, the shortcuts overlay', async ({ page }, info) => {
  test.setTimeout(30_000 * 3); // the three tests it replaces had 30 s each
  await openApp(page);

  await test.step('? shows the shortcuts, Escape closes them', async () => {
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('?');
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Zoom in');
    await expect(help).toContainText('Play / pause');
    await expect(help.locator('kbd', { hasText: /^W$/ })).toHaveCount(1);
    await screenshot(page, info, 'open');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });

  await test.step('keyboard zoom and pan change the visible range; F fits again', async () => {
    const timeline = page.getByTestId('timeline');
    await timeline.focus();
    const fitted = await visibleWindow(page);
    // The default view is the whole run, so the cursor (at the end until moved) is inside it.
    expect(fitted).toEqual({ t0: 0, t1: 40 });
    await page.keyboard.press('Home'); // zooms centre on the cursor: at the start, there is room to pan right

    await page.keyboard.press('w');
    const zoomed = await visibleWindow(page);
    expect(zoomed.t1 - zoomed.t0).toBeLessThan(fitted.t1 - fitted.t0);
    await page.keyboard.press('d');
    const panned = await visibleWindow(page);
    expect(panned.t0).toBeGreaterThan(zoomed.t0);
    expect(panned.t1 - panned.t0).toBeCloseTo(zoomed.t1 - zoomed.t0, 6);
    await page.keyboard.press('a');
    expect((await visibleWindow(page)).t0).toBeLessThan(panned.t0);
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    const out = await visibleWindow(page);
    expect(out).toEqual(fitted); // zooming out stops at the whole run
    await page.keyboard.press('f');
    expect(await visibleWindow(page)).toEqual(fitted);

    // The wheel zooms about the pointer.
    const box = (await page.locator('.timeline-overlay').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + 120);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => { const w = await visibleWindow(page); return w.t1 - w.t0; }).toBeLessThan(fitted.t1 - fitted.t0);
    await setTheme(page, 'dark');
    await screenshot(page, info, 'dark');
    await setTheme(page, 'light');
  });

  await test.step('playback moves the cursor and pauses', async () => {
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('Home');
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play').click();
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => cursorTime(page)).toBeGreaterThan(1);
    await page.getByTestId('play').click();
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    const paused = await cursorTime(page);
    // Paused: the cursor stays through frames in which playback would have moved it.
    await frames(page, 10);
    expect(await cursorTime(page)).toBe(paused);
    expect(paused).toBeLessThan(40);
  });
});
