// Share links: copy, open in a fresh browser, old formats, hostile links, never losing work.

import { expect, test } from '@playwright/test';
import { cursorTime, editorText, lanes, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { withFeatureGate } from '../src/ui/editor/simulationSettings';
import { fixtures, gotoFresh, linkTo, savedText, SCENARIO_KEY, versionPicked, waitForEditor } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const MY_WORK = DEFAULT_SCENARIO.replace('sleep 3600', 'sleep 25').replace('name: myapp-pod', 'name: my-own-pod');

test('a copied link opens in a fresh browser with the same text, version and cursor', async ({ page, browser, context }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await page.getByTestId('k8s-version').selectOption('1.33');
  await expect(page.locator('[data-testid="lane"][data-container="my-own-pod"]')).toBeAttached();
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const t = await cursorTime(page);
  expect(t).toBeGreaterThan(0);
  const text = await editorText(page);

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\.[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-link')).toHaveValue(link);
  await expect(page.getByTestId('share-embed')).toHaveValue(/<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/#v1\./);
  await screenshot(page, info, 'copied');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await waitForApp(other);
  expect(await editorText(other)).toBe(text);
  expect(await versionPicked(other)).toBe('1.33');
  await expect(other.getByTestId('cursor-time')).toHaveText(String(t));
  expect(await lanes(other)).toEqual(await lanes(page));
  await expect(other.getByTestId('share-banner')).toHaveCount(0);
  await screenshot(other, info, 'opened');
  await fresh.close();
});

test('when the clipboard is refused the link is shown selected in a text field', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await openApp(page);
  await page.getByTestId('share').click();
  const field = page.getByTestId('share-link');
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(/#v1\./);
  await expect(page.getByTestId('share-status')).toHaveText('');
  await expect(page.getByText('Copy this link to share the scenario:')).toBeVisible();
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, (await field.inputValue()).length]);
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
});

test('the address bar follows the scenario, and that address reopens it', async ({ page, browser }) => {
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect.poll(() => page.url()).toMatch(/#v1\./);
  const first = page.url();
  await page.getByTestId('k8s-version').selectOption('1.30');
  await expect.poll(() => page.url()).not.toBe(first);
  const text = await editorText(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await waitForApp(other);
  expect(await editorText(other)).toBe(text);
  expect(await versionPicked(other)).toBe('1.30');
  await fresh.close();
});

for (const fx of fixtures(1)) {
  test(`link format 1 keeps opening: ${fx.name}`, async ({ page }) => {
    await gotoFresh(page, `/${fx.link}`);
    await waitForEditor(page);
    // Gates a link carries beside its text are written into the text's Simulation document.
    const expected = Object.entries(fx.state.featureGates ?? {}).reduce((t, [name, on]) => withFeatureGate(t, name, on) ?? t, fx.state.text);
    await expect.poll(() => editorText(page)).toBe(expected);
    if (fx.state.featureGates?.SidecarContainers) {
      // …and they apply: on 1.28 with the gate on, istio-proxy runs as a sidecar.
      await expect(page.locator('[data-testid="lane"][data-container="istio-proxy"]')).toHaveAttribute('data-kind', 'sidecar');
    }
    const own = /^kubernetesVersion:\s*"?(1\.\d+)/m.exec(fx.state.text)?.[1];
    expect(await versionPicked(page)).toBe(fx.state.kubernetesVersion ?? own ?? '1.36');
    await expect(page.getByTestId('share-banner')).toHaveCount(0);
    if (fx.state.view) await expect(page.getByTestId('compare-side')).toHaveCount(fx.state.view.sides.length + 1);
    if (fx.state.cursor !== undefined && fx.state.text.includes('kind: Pod') && !fx.state.text.includes('café')) {
      await expect(page.getByTestId('lane').first()).toBeAttached();
      await expect.poll(() => cursorTime(page)).toBeCloseTo(fx.state.cursor, 3);
    }
  });
}

// Hostile links (corrupt, truncated, oversized, decompression bombs…): hostile.spec.ts.

test('a link never overwrites the user\'s own work without asking, and theirs comes back', async ({ page }, info) => {
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  const shared = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: shared-pod');
  const link = linkTo({ text: shared, kubernetesVersion: '1.31', cursor: 5 });

  // Keep mine: nothing changes, and the address now follows the user's scenario.
  await gotoFresh(page, link);
  await waitForEditor(page);
  const dialog = page.getByTestId('open-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Open the shared scenario' })).toBeFocused();
  await screenshot(page, info, 'asked');
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).not.toBeVisible();
  expect(await editorText(page)).toBe(MY_WORK);
  expect(await savedText(page)).toBe(MY_WORK);
  await expect.poll(() => page.url()).not.toContain(link.slice(2));

  // Open it: the shared scenario comes in, the user's is kept and comes back with one click.
  await gotoFresh(page, link);
  await waitForEditor(page);
  await page.getByTestId('open-shared').click();
  await expect.poll(() => editorText(page)).toBe(shared);
  expect(await versionPicked(page)).toBe('1.31');
  await expect(page.getByTestId('share-banner')).toContainText('your own scenario was kept');
  await expect.poll(() => savedText(page)).toBe(shared);
  await page.getByTestId('restore-previous').click();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  // And Ctrl+Z in the editor goes back to the shared one, as an ordinary edit.
  await page.locator('[data-testid="editor"] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(shared);
});

test('a link pasted into the address bar of an open page opens too', async ({ page }) => {
  await openApp(page);
  const text = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: pasted-pod');
  await page.evaluate((h) => { location.hash = h; }, linkTo({ text, cursor: 3 }).slice(1));
  await expect.poll(() => editorText(page)).toBe(text);
  await expect(page.locator('[data-testid="lane"][data-container="pasted-pod"]')).toBeAttached();
  await expect(page.getByTestId('cursor-time')).toHaveText('3');
  expect(await savedText(page)).not.toBe(null);
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.36');
  expect(SCENARIO_KEY).toBe('sidecar-lab:scenario');
});
