// Accessibility: axe-core finds no violation on the main view, light and dark; every control
// is reachable by keyboard.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './support/app';
import { setCursor, setTheme } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violation on the main view (${theme})`, async ({ page }) => {
    await openApp(page);
    await setTheme(page, theme);
    await setCursor(page, 20);
    await page.locator('[data-testid="inject"][data-action="crash"][data-container="istio-proxy"]').click();
    await expect(page.getByTestId('fault')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    const brief = results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    expect(brief).toEqual([]);
  });
}

test('the timeline controls are reachable and usable by keyboard', async ({ page }, info) => {
  await openApp(page);
  await page.getByTestId('play').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('step-next')).toBeFocused();
  await page.getByTestId('zoom-in').focus();
  const before = await page.getByTestId('timeline').getAttribute('data-t1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).not.toHaveAttribute('data-t1', before ?? '');
  const crash = page.locator('[data-testid="inject"][data-action="crash"][data-container="myapp-container"]');
  await crash.focus();
  await expect(crash).toBeFocused();
  await expect(crash).toHaveAccessibleName(/Crash myapp-container at/);
  // The panels under the timeline, for a look at them.
  await page.getByTestId('events').scrollIntoViewIfNeeded();
  await screenshot(page, info, 'panels');
  await setTheme(page, 'dark');
  await screenshot(page, info, 'panels-dark');
});
