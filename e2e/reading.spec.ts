// Reading the timeline: hovering shows what happened and why; a click selects an event and
// shows what caused it and what it caused. One page, a step for each.

import { expect, test } from './support/test';
import { openApp, screenshot } from './support/app';
import { setTheme, visibleCenter } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

function barOf(page: import('@playwright/test').Page, container: string, label: string) {
  return page.locator(`[data-testid="lane"][data-container="${container}"] > g.bars rect.bar[data-label^="${label}"]`).first();
}

async function pointAtBar(page: import('@playwright/test').Page, container: string, label: string) {
  return visibleCenter(page, barOf(page, container, label));
}

test('reading the timeline: a hover shows what happened and why, a click its causes and effects', async ({ page }, info) => {
  test.setTimeout(30_000 * 2); // the two tests it replaces had 30 s each
  await openApp(page);

  await test.step('hovering a bar shows what happened and its why', async () => {
    const p = await pointAtBar(page, 'istio-proxy', 'Ready');
    await page.mouse.move(p.x, p.y);
    const tip = page.getByTestId('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('istio-proxy');
    await expect(page.getByTestId('tooltip-why')).toHaveText(/\[\d+(\.\d+)?\]/);
    await screenshot(page, info, 'light');
    await setTheme(page, 'dark');
    await page.mouse.move(p.x + 1, p.y);
    await expect(tip).toBeVisible();
    await screenshot(page, info, 'dark');
    await setTheme(page, 'light');
    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();
  });

  await test.step('clicking an event shows its causes and effects', async () => {
    // init-myservice's exit (the end of its Started bar) lets init-mydb start [2.1].
    const p = await pointAtBar(page, 'init-myservice', 'Completed');
    const box = (await barOf(page, 'init-myservice', 'Completed').boundingBox())!;
    await page.mouse.click(box.x + 2, p.y);
    const sel = page.getByTestId('selection');
    await expect(sel).toContainText('container.exit');
    await expect(sel).toContainText('Led to');
    await expect(sel.locator('.effects')).toContainText('init-mydb');
    await expect(page.locator('.causality .causal-effect')).not.toHaveCount(0);
    await sel.locator('.effects button', { hasText: 'init-mydb' }).first().click();
    await expect(sel).toContainText('Caused by');
    await expect(sel.locator('.causes')).toContainText('init-myservice');
  });
});
