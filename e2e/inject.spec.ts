// Breaking things on purpose: the buttons add events at the cursor to the Simulation document
// (as text in the editor), the engine re-simulates, the view stays, and injected events can be
// moved and removed on the timeline.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/a11y';
import { editorText, openApp, replaceEditorText, screenshot } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { laneBars, setCursor, setTheme, visibleWindow } from './support/timeline';
import { focusEditor } from './support/editor';

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

/** Back to the default scenario, no injected event: where each step below starts. */
async function resetText(page: Page): Promise<void> {
  await replaceEditorText(page, DEFAULT_SCENARIO);
  await expect(page.getByTestId('fault')).toHaveCount(0);
}

// One page for three injections, each a step from the default scenario (named as its own test was).
test('injected events: the Delete key, a pod deletion, a drag and a removal', async ({ page }) => {
  test.setTimeout(30_000 * 4); // the three tests it replaces had 30 s each, and the eviction's step
  await openApp(page);

  await test.step('the Delete key removes the selected injected event', async () => {
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

  await test.step('deleting the pod stops the main container before the sidecar', async () => {
    await resetText(page);
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

  await test.step('evicting the pod and shutting the node down are pod-wide buttons too', async () => {
    await resetText(page);
    await setCursor(page, 20);
    await page.locator('[data-testid="inject"][data-action="evictPod"]').click();
    await expect.poll(() => editorText(page)).toContain('- { at: 20s, do: evictPod }');
    // [8.15] a hard eviction from 1.31: 1 s, so the app is SIGKILLed at the 2 s floor and the pod is not deleted
    await expect.poll(async () => (await laneBars(page, 'myapp-container')).some((b) => b.tone.startsWith('exited'))).toBe(true);
    await expect(page.locator('.fault-handle')).toHaveCount(1);
    await expect(page.locator('.fault-handle.mark-deleted')).toHaveCount(0);
    await resetText(page);
    await setCursor(page, 20);
    await page.locator('[data-testid="inject"][data-action="shutdownNode"]').click();
    await expect.poll(() => editorText(page)).toContain('- { at: 20s, do: shutdownNode }');
    await expect(page.locator('.fault-handle')).toHaveCount(1);
  });

  await test.step('an injected event can be dragged to another time and removed', async () => {
    await resetText(page);
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
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => editorText(page)).toContain('container: myapp-container, do: exit');
  });
});

test('buttons that cannot act on a container are disabled and say why; a written event that cannot act is a warning', async ({ page }, info) => {
  test.setTimeout(60_000);
  await openApp(page);
  await setCursor(page, 20);
  const button = (action: string, container: string) => page.locator(`[data-testid="inject"][data-action="${action}"][data-container="${container}"]`);
  // The default scenario defines no probes; the init containers have exited by 20 s.
  const liveness = button('failLiveness', 'myapp-container');
  await expect(liveness).toHaveAttribute('aria-disabled', 'true');
  await expect(liveness).toHaveAccessibleDescription('myapp-container has no livenessProbe, so there is nothing to fail.');
  await expect(button('failReadiness', 'init-mydb')).toHaveAccessibleDescription(/regular init container: it runs no probes/);
  await expect(button('crash', 'init-mydb')).toHaveAccessibleDescription(/not running at the cursor \(terminated\)/);
  await expect(button('failPull', 'istio-proxy')).toHaveAttribute('title', /already running at the cursor/);
  await expect(button('crash', 'istio-proxy')).not.toHaveAttribute('aria-disabled', 'true');
  const before = await editorText(page);
  await liveness.click({ force: true });
  expect(await editorText(page)).toBe(before);
  await screenshot(page, info, 'disabled');

  // At 1 s the app has not started: crash is off; once the app runs, it is on.
  await setCursor(page, 1);
  await expect(button('crash', 'myapp-container')).toHaveAccessibleDescription(/not running at the cursor \(waiting\)/);
  await expect(button('failPull', 'istio-proxy')).not.toHaveAttribute('aria-disabled', 'true');

  // The same event written by hand is a warning at its line.
  const text = `${before.trimEnd()}\nevents:\n  - { at: 20s, container: myapp-container, do: failLiveness, for: 5s }\n  - { at: 1s, container: myapp-container, do: crash }\n`;
  await replaceEditorText(page, text);
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('failLiveness on myapp-container has no effect: it has no livenessProbe');
  await expect(problems).toContainText('crash of myapp-container at 1s has no effect: myapp-container is not running then');
  await expectNoAxeViolations(page, 'light', 'disabled inject buttons');
});
