// The feature-gates panel on a phone (FeatureGates.css): 440 px wide and anchored at the version
// controls' right edge, it ran off a 390 px screen's left edge. There it spans the screen below
// the controls; on a laptop it still opens under its button, right-aligned.

import { expect, test } from './support/test';
import { openApp, screenshot } from './support/app';

async function openGates(page: import('@playwright/test').Page) {
  const gates = page.getByTestId('feature-gates');
  if (!(await gates.evaluate((d) => (d as HTMLDetailsElement).open))) await gates.locator('summary').click();
  const panel = gates.getByRole('group');
  await expect(panel).toBeVisible();
  const [summary, box] = await Promise.all([gates.locator('summary').boundingBox(), panel.boundingBox()]);
  return { summary: summary!, box: box! };
}

test('the feature-gates panel fits a 390 px phone, below its button, and opens under its button at 1280 px', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);

  await test.step('390 px: the whole panel on the screen, below the button', async () => {
    const { summary, box } = await openGates(page);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y).toBeGreaterThanOrEqual(summary.y + summary.height);
    // Its first gate can be switched where it is.
    await expect(page.getByTestId('feature-gate').first()).toBeInViewport();
    await screenshot(page, info, '390');
  });

  await test.step('1280 px: right-aligned under its button', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const { summary, box } = await openGates(page);
    expect(box.x + box.width).toBeCloseTo(summary.x + summary.width, 0);
    expect(box.y).toBeGreaterThanOrEqual(summary.y + summary.height);
    expect(box.width).toBeCloseTo(440, 0);
    await screenshot(page, info, '1280');
  });
});
