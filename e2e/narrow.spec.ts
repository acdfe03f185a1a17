// Narrow screens (issue 15): below 1,280 px the least-used tools wait behind "More" (the
// toolbar's downloads, on a phone its view tools too; the header's theme and shortcuts behind ⋯),
// so each row stays one row and the page never scrolls sideways; compare mode's side heads wrap
// on a phone instead of being cut off. One page, resized step by step.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/a11y';
import { openApp, screenshot } from './support/app';
import { revealTool } from './support/more';

const WIDTHS = [[360, 740], [390, 844], [800, 600], [1024, 768], [1280, 720]] as const;

async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: innerWidth }));
  expect(scroll, `no horizontal overflow at ${width} px`).toBeLessThanOrEqual(inner);
}

/** The rows a container's direct children sit on (their tops, rounded). */
async function rowsOf(page: Page, selector: string): Promise<number> {
  const tops = await page.locator(`${selector} > *:visible`).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  return new Set(tops).size;
}

test('below 1280 px a More menu keeps the toolbar to one row, with no sideways scroll from 360 to 1280 px', async ({ page }, info) => {
  test.setTimeout(30_000 * 4);
  await openApp(page);

  await test.step('one toolbar row and no horizontal overflow at 360, 390, 800, 1024 and 1280 px', async () => {
    for (const [width, height] of WIDTHS) {
      await page.setViewportSize({ width, height });
      await expect(page.getByTestId('toolbar-more')).toHaveCount(width < 1280 ? 1 : 0);
      await noSidewaysScroll(page, width);
      expect(await rowsOf(page, '.toolbar'), `toolbar rows at ${width} px`).toBe(1);
      await expect(page.getByTestId('play')).toBeVisible();
      // The kubectl strip wraps rather than cutting the cursor's time off.
      const strip = (await page.locator('.status-strip').boundingBox())!;
      const time = (await page.getByTestId('cursor-time').boundingBox())!;
      expect(time.x + time.width, `cursor time inside the strip at ${width} px`).toBeLessThanOrEqual(strip.x + strip.width);
    }
  });

  await test.step('at 1024×768 More opens with the keyboard, shows the downloads, and Esc closes it and returns the focus', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const more = page.getByTestId('toolbar-more');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('export-svg')).toBeHidden();
    await expect(page.getByTestId('zoom-in')).toBeVisible();
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    for (const id of ['export-svg', 'export-png', 'export-json', 'kubectl-watch']) await expect(page.getByTestId(id)).toBeInViewport();
    await screenshot(page, info, '1024 open');
    await expectNoAxeViolations(page, 'light', 'the toolbar\'s More open at 1024 px', { editor: false });
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('export-svg')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(page.getByTestId('export-svg')).toBeHidden();
  });

  await test.step('a dialog opened from the menu keeps it open behind, and its Esc returns to the tool', async () => {
    const watch = await revealTool(page, 'kubectl-watch');
    await watch.click();
    await expect(page.getByTestId('kubectl-watch-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('kubectl-watch-dialog')).toBeHidden();
    await expect(watch).toBeFocused();
    // A press elsewhere closes the menu.
    await page.getByTestId('cursor-time').click();
    await expect(page.getByTestId('toolbar-more')).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('the header keeps the theme and shortcuts behind ⋯ below 1280 px, which works the same', async () => {
    const more = page.getByTestId('header-more');
    await expect(page.getByTestId('theme')).toBeHidden();
    const theme = await revealTool(page, 'theme');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await theme.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await screenshot(page, info, '1024 header open dark');
    await expectNoAxeViolations(page, 'dark', 'the header\'s ⋯ open at 1024 px', { editor: false });
    await theme.click();
    await page.keyboard.press('Escape');
    await expect(more).toBeFocused();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('at 390×844 the phone row holds playback and More; the view tools are inside', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('zoom-in')).toBeHidden();
    await expect(page.getByTestId('play')).toBeVisible();
    const zoom = await revealTool(page, 'zoom-in');
    await expect(page.getByTestId('fit')).toBeInViewport();
    await expect(page.getByTestId('export-png')).toBeInViewport();
    await noSidewaysScroll(page, 390);
    await screenshot(page, info, '390 open');
    await zoom.click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('toolbar-more')).toHaveAttribute('aria-expanded', 'false');
    await screenshot(page, info, '390');
  });

  await test.step('compare mode at 390 px: every side\'s head and first difference wrap inside the side, nothing cut off', async () => {
    await page.getByTestId('gallery-button').click();
    await page.locator('[data-testid="gallery-compare"][data-entry="09-restartpolicy-versions"]').click();
    const compare = page.getByTestId('compare');
    await expect(compare.getByTestId('compare-side')).toHaveCount(5);
    for (const side of await compare.getByTestId('compare-end-phase').all()) await expect(side).not.toHaveText('simulating…');
    const cut = await compare.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      const parts = [...el.querySelectorAll('.compare-side-head > *, [data-testid="compare-first-difference"]')];
      return parts.filter((p) => p.getBoundingClientRect().right > right + 0.5 || p.scrollWidth > p.clientWidth + 1).map((p) => p.textContent);
    });
    expect(cut).toEqual([]);
    await expect(compare.getByTestId('compare-side').nth(1).locator('strong').first()).toHaveText('1.28, SidecarContainers off');
    await noSidewaysScroll(page, 390);
    await compare.screenshot({ path: 'e2e/screenshots/narrow-compare-390.png' });
  });
});
