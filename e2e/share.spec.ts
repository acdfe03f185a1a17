// Share links: copy, open in a fresh browser, old formats, hostile links, never losing work.

import { expect, test } from './support/test';
import { cursorTime, editorText, lanes, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { decodeFragment } from '../src/share';
import { DEFAULT_SCENARIO } from './support/scenario';
import { focusEditor } from './support/editor';
import { isSupportedVersion } from '../src/engine/version';
import { withFeatureGate, withVersionBeside } from '../src/state/simulationDoc';
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
    // The version and gates a link carries beside its text are written into the text's Simulation
    // document (the version only when the text names none and it is not the newest).
    const asked = fx.state.kubernetesVersion;
    const versioned = asked !== undefined && isSupportedVersion(asked) ? withVersionBeside(fx.state.text, asked) ?? fx.state.text : fx.state.text;
    const expected = Object.entries(fx.state.featureGates ?? {}).reduce((t, [name, on]) => withFeatureGate(t, name, on) ?? t, versioned);
    await expect.poll(() => editorText(page)).toBe(expected);
    if (fx.state.featureGates?.SidecarContainers) {
      // …and they apply: on 1.28 with the gate on, istio-proxy runs as a sidecar.
      await expect(page.locator('[data-testid="lane"][data-container="istio-proxy"]')).toHaveAttribute('data-kind', 'sidecar');
    }
    const own = /^kubernetesVersion:\s*"?(1\.\d+)/m.exec(fx.state.text)?.[1];
    expect(await versionPicked(page)).toBe(fx.state.kubernetesVersion ?? own ?? '1.37');
    await expect(page.getByTestId('share-banner')).toHaveCount(0);
    if (fx.state.view) await expect(page.getByTestId('compare-side')).toHaveCount(fx.state.view.sides.length + 1);
    if (fx.state.cursor !== undefined && fx.state.text.includes('kind: Pod') && !fx.state.text.includes('café')) {
      await expect(page.getByTestId('lane').first()).toBeAttached();
      await expect.poll(() => cursorTime(page)).toBeCloseTo(fx.state.cursor, 3);
    }
  });
}

// Hostile links (corrupt, truncated, oversized, decompression bombs…): hostile-links.spec.ts.

test('a link never overwrites the user\'s own work without asking, and theirs comes back', async ({ page }, info) => {
  test.setTimeout(60_000); // three page loads
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  const shared = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: shared-pod');
  const link = linkTo({ text: shared, kubernetesVersion: '1.31', cursor: 5 });
  // The link's version, beside a text that names none, is written into its Simulation document.
  const opened = withVersionBeside(shared, '1.31')!;

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
  await expect.poll(() => editorText(page)).toBe(opened);
  expect(await versionPicked(page)).toBe('1.31');
  await expect(page.getByTestId('share-banner')).toContainText('your own scenario was kept');
  await expect.poll(() => savedText(page)).toBe(opened);
  await page.getByTestId('restore-previous').click();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  // And Ctrl+Z in the editor goes back to the shared one, as an ordinary edit (the banner that
  // goes away moves the editor: a first click could miss it under load).
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(opened);
});

test('a link pasted into the address bar of an open page opens too', async ({ page }) => {
  await openApp(page);
  const text = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: pasted-pod');
  await page.evaluate((h) => { location.hash = h; }, linkTo({ text, cursor: 3 }).slice(1));
  await expect.poll(() => editorText(page)).toBe(text);
  await expect(page.locator('[data-testid="lane"][data-container="pasted-pod"]')).toBeAttached();
  await expect(page.getByTestId('cursor-time')).toHaveText('3');
  // Saved once its answer is painted (state/afterAnswer.ts), not at the instant the lanes attach.
  await expect.poll(() => savedText(page)).toBe(text);
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.37');
  expect(SCENARIO_KEY).toBe('sidecar-lab:scenario');
});

test('a reload right after typing finds the typed text, without asking about an older one', async ({ page }) => {
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect.poll(() => page.url()).toMatch(/#v1\./);
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# typed');
  await expect.poll(() => editorText(page)).toContain('# typed');
  const typed = await editorText(page);
  // At once: well within the address's 400 ms debounce.
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toBe(typed);
  await expect(page.getByTestId('open-dialog')).not.toBeVisible();
  await expect(page.getByTestId('share-banner')).toHaveCount(0);
});

test('a text with a lone surrogate reloads as it is, without asking to replace it', async ({ page }) => {
  await openApp(page);
  const lone = MY_WORK.replace('name: my-own-pod', 'name: my-own-pod # \uD83D alone');
  await page.evaluate((t) => window.__sidecarLabStore?.getState().setText(t), lone);
  await expect.poll(() => savedText(page)).toBe(lone);
  await expect.poll(() => page.url()).toMatch(/#v1\./);
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await waitForEditor(page);
    await expect(page.locator('[data-testid="lane"][data-container="my-own-pod"]')).toBeAttached();
    await expect(page.getByTestId('open-dialog')).not.toBeVisible();
  }
});

test('link feature gates the version does not take are left out of the text and named in the banner', async ({ page }) => {
  const text = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: gated-pod');
  await gotoFresh(page, linkTo({ text, kubernetesVersion: '1.30', featureGates: { NoSuchGate: true, ContainerStopSignals: true, SidecarContainers: true } }));
  await waitForApp(page);
  const banner = page.getByTestId('share-banner');
  await expect(banner).toContainText('NoSuchGate (unknown)');
  await expect(banner).toContainText('ContainerStopSignals (not in 1.30');
  const opened = await editorText(page);
  expect(opened).toContain('SidecarContainers: true');
  expect(opened).not.toContain('NoSuchGate');
  expect(opened).not.toContain('ContainerStopSignals');
  await expect(page.locator('[data-testid="lane"][data-container="gated-pod"]')).toBeAttached();
  await expect(page.getByTestId('problems').locator('li[data-severity="error"]')).toHaveCount(0);
});

/** 85 KB of letters that do not compress (a certificate, a blob): its link is far too long. */
function noise(n: number): string {
  let x = 12345;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[x >>> 26];
  }
  return out;
}

test('a link too long to open is not copied: Share says what makes it big and offers one without the annotations', async ({ page, context }, info) => {
  test.setTimeout(30_000 * 3); // with the notice at two widths, once tests of their own
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const big = MY_WORK.replace('  name: my-own-pod\n', `  name: my-own-pod\n  annotations:\n    blob: "${noise(85_000)}"\n`);
  await page.evaluate((t) => window.__sidecarLabStore?.getState().setText(t), big);
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await page.getByTestId('share').click();
  const tooLong = page.getByTestId('share-too-long');
  await expect(tooLong).toBeVisible();
  await expect(tooLong).toHaveAttribute('role', 'alert');
  await expect(tooLong).toContainText(/too long to open/);
  await expect(tooLong).toContainText('metadata.annotations make up 85 kB');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('nothing yet');
  await screenshot(page, info, 'too-long');
  await page.getByTestId('share-lighter').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const decoded = decodeFragment(new URL(link).hash);
  expect(decoded?.ok && decoded.state.text).toBe(MY_WORK);

  // The same notice at a phone's and a laptop's width (the big text again, the panel reopened).
  await page.keyboard.press('Escape');
  await page.evaluate((t) => window.__sidecarLabStore?.getState().setText(t), big);
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
    await test.step(`the too-long notice in the share panel at ${size.width} px`, async () => {
      await page.setViewportSize(size);
      if (!(await tooLong.isVisible())) await page.getByTestId('share').click();
      await expect(tooLong).toBeVisible();
      const box = await tooLong.boundingBox();
      expect(box && box.width <= size.width).toBe(true);
      await page.screenshot({ path: `/tmp/too-long-${size.width}.png` });
    });
  }
});
