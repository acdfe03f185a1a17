// Breaking things on purpose: the buttons add events at the cursor to the Simulation document
// (as text in the editor), the engine re-simulates, the view stays, and injected events can be
// moved and removed on the timeline.

import { expect, test } from '@playwright/test';
import { editorText, openApp, screenshot } from './support/app';
import { laneBars, setCursor, setTheme, visibleWindow } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('crashing the sidecar adds a restart to its lane and the event to the editor text', async ({ page }, info) => {
  await openApp(page);
  // The default sidecar is pulled from 10 s and starts at 12.2 s; crash it while it runs.
  await setCursor(page, 20);
  await page.getByTestId('zoom-out').click();
  const view = await visibleWindow(page);
  expect((await laneBars(page, 'istio-proxy')).some((b) => (b.attempt ?? 0) > 0)).toBe(false);

  await page.locator('[data-testid="inject"][data-action="crash"][data-container="istio-proxy"]').click();

  await expect.poll(() => editorText(page)).toContain('- { at: 20s, container: istio-proxy, do: crash, exitCode: 1 }');
  await expect.poll(async () => (await laneBars(page, 'istio-proxy')).some((b) => b.attempt === 1)).toBe(true);
  const bars = await laneBars(page, 'istio-proxy');
  expect(bars.find((b) => b.tone === 'exited-error')).toMatchObject({ start: 20, label: 'Error (1)' });
  await expect(page.locator('[data-testid="lane"][data-container="istio-proxy"]')).toHaveAttribute('data-restarts', '1');
  // The view and the cursor survived the re-simulation.
  expect(await visibleWindow(page)).toEqual(view);
  await expect(page.getByTestId('cursor-time')).toHaveText('20');
  await expect(page.getByTestId('fault')).toHaveCount(1);
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('kubectl-restarts')).toHaveText(/^1 \(/);
  await screenshot(page, info, 'light');
  await setTheme(page, 'dark');
  await screenshot(page, info, 'dark');
});

test('deleting the pod stops the main container before the sidecar', async ({ page }) => {
  await openApp(page);
  await setCursor(page, 20);
  await page.getByTestId('inject-grace').fill('5');
  await page.locator('[data-testid="inject"][data-action="deletePod"]').click();
  await expect.poll(() => editorText(page)).toContain('- { at: 20s, do: deletePod, gracePeriodSeconds: 5 }');
  await expect.poll(async () => (await laneBars(page, 'myapp-container')).some((b) => b.tone.startsWith('exited'))).toBe(true);
  await page.getByTestId('fit').click();
  const exitOf = async (name: string) => (await laneBars(page, name)).find((b) => b.tone.startsWith('exited'))!.start;
  const app = await exitOf('myapp-container');
  const proxy = await exitOf('istio-proxy');
  expect(app).toBeLessThan(proxy);
  expect((await laneBars(page, 'myapp-container')).some((b) => b.tone === 'terminating')).toBe(true);
  await expect(page.locator('.fault-handle.mark-deleted')).toHaveCount(1);
});

test('an injected event can be dragged to another time and removed', async ({ page }) => {
  await openApp(page);
  await setCursor(page, 20);
  await page.locator('[data-testid="inject"][data-action="exit"][data-container="myapp-container"]').click();
  await expect.poll(() => editorText(page)).toContain('{ at: 20s, container: myapp-container, do: exit }');
  await page.getByTestId('fit').click();
  const handle = page.locator('[data-testid="fault"] [role="button"]').first();
  await expect(handle).toBeVisible();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => editorText(page)).not.toContain('at: 20s, container: myapp-container');
  const moved = /at: ([\d.]+)s, container: myapp-container, do: exit/.exec(await editorText(page));
  expect(Number(moved?.[1])).toBeLessThan(20);
  expect(Number(moved?.[1])).toBeGreaterThan(14);

  await page.locator('[data-testid="fault"] [role="button"]').first().click();
  await expect(page.getByTestId('remove-fault')).toBeVisible();
  await page.getByTestId('remove-fault').click();
  await expect.poll(() => editorText(page)).not.toContain('do: exit');
  await expect(page.getByTestId('fault')).toHaveCount(0);

  // Undo in the editor brings it back: the edit went through the editor like typing.
  await page.locator('[data-testid="editor"] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toContain('container: myapp-container, do: exit');
});

test('the Delete key removes the selected injected event', async ({ page }) => {
  await openApp(page);
  await setCursor(page, 16);
  await page.locator('[data-testid="inject"][data-action="oomKill"][data-container="myapp-container"]').click();
  await expect(page.getByTestId('fault')).toHaveCount(1);
  const handle = page.locator('[data-testid="fault"] [role="button"]').first();
  await handle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selection')).toContainText('fault');
  await page.keyboard.press('Delete');
  await expect.poll(() => editorText(page)).not.toContain('oomKill');
});
