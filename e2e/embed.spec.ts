// The embedded view (?embed): the timeline without the editor, a play button, and a link back
// to the full app on the same scenario. It never touches the visitor's saved work.

import { axeBuilder } from './support/a11y';
import { expect, test } from './support/test';
import { cursorTime, lanes, openApp, replaceEditorText, screenshot } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { galleryText, gotoFresh, linkTo, savedText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const TEXT = galleryText('05-termination-order.yaml');

test('?embed shows the timeline read-only, hides the editor, plays, and links back', async ({ page }) => {
  await openApp(page);
  const mine = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: my-own-pod');
  await replaceEditorText(page, mine);
  await expect.poll(() => savedText(page)).toBe(mine);

  const link = linkTo({ text: TEXT, cursor: 41 });
  await gotoFresh(page, `/?embed${link.slice(1)}`);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('lane').first()).toBeAttached();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(page.getByTestId('share')).toHaveCount(0);
  await expect(page.getByTestId('gallery-button')).toHaveCount(0);
  expect((await lanes(page)).map(([name]) => name)).toContain('istio-proxy');
  await expect.poll(() => cursorTime(page)).toBe(41);

  const open = page.getByTestId('open-in-lab');
  await expect(open).toHaveText(/Open in Sidecar Lab/);
  await expect(open).toHaveAttribute('target', '_blank');
  const href = await open.getAttribute('href');
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\./);
  expect(href).not.toContain('embed');
  expect((await axeBuilder(page).include('.embed-header').analyze()).violations.map((v) => v.id)).toEqual([]);

  // Play runs the cursor forward from where it is.
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('cursor-time')).toHaveText('0');
  await page.getByTestId('embed-play').click();
  await expect(page.getByTestId('embed-play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => cursorTime(page)).toBeGreaterThan(0.5);
  await page.getByTestId('embed-play').click();
  await expect(page.getByTestId('embed-play')).toHaveAttribute('aria-pressed', 'false');

  // Read-only: the injected deletion is drawn, but there is no handle to select, drag or delete it.
  await expect(page.locator('[data-testid="lane"][data-kind="pod"]')).toBeAttached();
  await expect(page.getByTestId('fault')).toHaveCount(0);
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Delete');
  expect(await page.evaluate(() => window.__sidecarLabStore!.getState().text)).toBe(TEXT);

  // The embed never wrote over the visitor's saved work.
  expect(await savedText(page)).toBe(mine);

  // The link back opens the same scenario in the full app.
  const [full] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
  await full.waitForLoadState();
  await expect(full.locator('[data-testid="editor"][data-ready="true"]')).toBeVisible();
  // Opening it over the visitor's own work asks first.
  await expect(full.getByTestId('open-dialog')).toBeVisible();
  await full.getByTestId('open-shared').click();
  await expect.poll(() => full.evaluate(() => window.__sidecarLab?.getText())).toBe(TEXT);
  // The full app offers the injected deletion as a handle the embed did not.
  await expect(full.getByTestId('fault')).toHaveCount(1);
  await full.close();
});

test('an embed without a link shows the default scenario, not the visitor\'s saved work', async ({ page }) => {
  await openApp(page);
  const mine = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: my-own-pod');
  await replaceEditorText(page, mine);
  await expect.poll(() => savedText(page)).toBe(mine);
  await gotoFresh(page, '/?embed');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.locator('[data-testid="lane"][data-container="myapp-pod"]')).toBeAttached();
  await expect(page.locator('[data-testid="lane"][data-container="my-own-pod"]')).toHaveCount(0);
  expect(await savedText(page)).toBe(mine);
});

test('a bad link in an embed says so and still draws a timeline', async ({ page }) => {
  await gotoFresh(page, '/?embed#v1.BwAAAA');
  await expect(page.getByTestId('share-banner')).toContainText('damaged');
  await expect(page.getByTestId('lane').first()).toBeAttached();
  await expect(page.getByTestId('editor')).toHaveCount(0);
});

test('the share panel\'s iframe snippet embeds the timeline in another page', async ({ page, browser }) => {
  await openApp(page);
  await page.getByTestId('share').click();
  const snippet = await page.getByTestId('share-embed').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/#v1\.[A-Za-z0-9_-]+" title="Sidecar Lab: myapp-pod" width="100%" height="\d+" style="border:0" loading="lazy"><\/iframe>$/);

  const other = await browser.newContext();
  const host = await other.newPage();
  await host.setContent(`<!doctype html><title>A blog post</title><h1>Native sidecars</h1>${snippet}`);
  // loading="lazy": the frame loads once it is scrolled to.
  await host.locator('iframe').scrollIntoViewIfNeeded();
  const frame = host.frameLocator('iframe');
  await expect(frame.getByTestId('embed')).toBeVisible();
  await expect(frame.locator('[data-testid="lane"][data-container="istio-proxy"]')).toBeAttached();
  await expect(frame.getByTestId('editor')).toHaveCount(0);
  await expect(frame.getByTestId('open-in-lab')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/#v1\./);
  await host.screenshot({ path: 'e2e/screenshots/the-iframe-snippet-in-a-host-page.png' });
  await other.close();
});
