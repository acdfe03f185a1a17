// The timeline of the default scenario: its lanes in order, the cursor moved by keys and clicks
// with the kubectl columns following, a renamed container's lane, `?t=` on load. One test, a
// step per check, the address's cursor last (a second page load).

import { expect, test } from './support/test';
import { cursorTime, kubectl, lanes, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { galleryText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('the timeline: lanes in order, the cursor and the kubectl columns, a renamed lane, ?t= on load', async ({ page }) => {
  test.setTimeout(30_000 * 5); // the four tests it replaces had 30 s each, and a step for the sandbox mark
  await openApp(page);

  await test.step('the default scenario draws the pod lane and four container lanes in order', async () => {
    await expect.poll(() => lanes(page)).toEqual([
      ['myapp-pod', 'pod'],
      ['init-myservice', 'init'],
      ['init-mydb', 'init'],
      ['istio-proxy', 'sidecar'],
      ['myapp-container', 'main'],
    ]);
    await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
    await expect(page.locator('.lane[data-container="istio-proxy"] .bar')).not.toHaveCount(0);
    await expect(page.locator('[data-testid="lane"][data-kind="pod"] .subrow')).toHaveCount(5);
    await expect(page.locator('.group-header text')).toHaveText(['POD', 'INIT CONTAINERS', 'SIDECAR CONTAINERS', 'CONTAINERS']);
    expect(await kubectl(page)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  await test.step('keys and clicks move the cursor and the kubectl columns follow it', async () => {
    const timeline = page.getByTestId('timeline');
    const end = await cursorTime(page);
    expect(end).toBeGreaterThan(0);

    await timeline.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('cursor-time')).toHaveText('0');
    const atStart = await kubectl(page);
    expect(atStart.status).not.toBe('Running');

    await page.keyboard.press('ArrowRight');
    const first = await cursorTime(page);
    expect(first).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    expect(await cursorTime(page)).toBeGreaterThan(first);
    await page.keyboard.press('ArrowLeft');
    expect(await cursorTime(page)).toBe(first);

    await page.keyboard.press('End');
    await expect(page.getByTestId('cursor-time')).toHaveText(String(end));
    expect((await kubectl(page)).status).toBe('Running');

    const svg = page.locator('.timeline-overlay');
    const box = await svg.boundingBox();
    if (!box) throw new Error('no timeline svg');
    await page.mouse.click(box.x + 200, box.y + box.height / 2);
    const clicked = await cursorTime(page);
    expect(clicked).toBeGreaterThanOrEqual(0);
    expect(clicked).toBeLessThan(end / 4);
  });

  await test.step('a dead sandbox draws its own mark on the pod lane, and only then does the legend explain it', async () => {
    await expect(page.locator('.legend-mark.mark-sandbox')).toHaveCount(0);
    // Gallery 15's second side: the sandbox dies at 20 s, SandboxChanged ([2.11]) follows at the next sync.
    await replaceEditorText(page, galleryText('15-crash-vs-dead-sandbox-sandbox.yaml'));
    await expect(page.locator('.legend-mark.mark-sandbox')).toHaveText('sandbox re-created');
    await screenshot(page, test.info(), 'sandbox-mark');
  });

  await test.step('renaming a container in the editor renames its lane', async () => {
    await replaceEditorText(page, DEFAULT_SCENARIO.replaceAll('myapp-container', 'web-frontend'));
    await expect(page.locator('[data-testid="lane"][data-container="web-frontend"]')).toHaveAttribute('data-kind', 'main');
    await expect(page.locator('[data-testid="lane"][data-container="myapp-container"]')).toHaveCount(0);
    expect((await lanes(page)).map(([name]) => name)).toEqual(['myapp-pod', 'init-myservice', 'init-mydb', 'istio-proxy', 'web-frontend']);
  });

  await test.step('?t= in the address puts the cursor there on load', async () => {
    // A fresh context's page would open the default scenario: so does this one, its work cleared.
    await page.evaluate(() => localStorage.clear());
    await page.goto('/?t=8.5'); // init-mydb runs from 6.2 s to 9.2 s ([0.8]: from 1.36 the pod is Running by 12.5 s)
    await waitForApp(page);
    await expect(page.getByTestId('cursor-time')).toHaveText('8.5');
    expect((await kubectl(page)).status).toMatch(/^Init:/);
  });
});
