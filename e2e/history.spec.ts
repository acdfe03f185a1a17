// The history of the user's own texts: every scenario of theirs that a link, a gallery entry or
// another tab replaced is kept (named, dated) and comes back with one click, at any time.

import { axeBuilder } from './support/a11y';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { editorText, openApp, replaceEditorText, screenshot, showPane } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { addressText, galleryText, gotoFresh, linkTo, savedText, waitForEditor } from './support/share';
import { setTheme } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const MY_WORK = DEFAULT_SCENARIO.replace('sleep 3600', 'sleep 25').replace('name: myapp-pod', 'name: my-own-pod');
const SHARED = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: shared-pod');

async function withMyWork(page: Page, text = MY_WORK): Promise<void> {
  await openApp(page);
  await replaceEditorText(page, text);
  await expect.poll(() => savedText(page)).toBe(text);
}

async function openLinkOverMyWork(page: Page, text: string): Promise<void> {
  await gotoFresh(page, linkTo({ text }));
  await waitForEditor(page);
  await page.getByTestId('open-shared').click();
  await showPane(page, 'editor'); // on a phone Monaco (and the text hook) loads when its tab shows
  await expect.poll(() => editorText(page)).toBe(text);
  await showPane(page, 'timeline');
}

async function openHistory(page: Page) {
  await page.getByTestId('history').click();
  const panel = page.getByTestId('history-panel');
  await expect(panel).toBeVisible();
  return panel;
}

async function openGalleryEntry(page: Page, id: string): Promise<void> {
  await page.getByTestId('gallery-button').click();
  await page.locator(`[data-testid="gallery-entry"][data-entry="${id}"]`).click();
}

test('own work, a link, the banner dismissed and the page reloaded: the work is in History and comes back with one click', async ({ page }, info) => {
  await withMyWork(page);
  await openLinkOverMyWork(page, SHARED);
  await page.getByTestId('share-banner').getByRole('button', { name: 'Dismiss this message' }).click();
  await page.reload();
  await waitForEditor(page);
  expect(await editorText(page)).toBe(SHARED);

  const panel = await openHistory(page);
  const entry = panel.getByTestId('history-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Pod my-own-pod');
  await expect(entry).toContainText('just now');
  await expect(entry).toContainText('replaced by the shared scenario');
  await screenshot(page, info, 'panel');
  await entry.click();
  await expect(panel).not.toBeVisible();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  await expect(page.getByTestId('share-banner')).toContainText('Restored “Pod my-own-pod”');
});

test('own work, a gallery entry, then another: the second opens at once, and "Restore mine" still brings the work back', async ({ page }) => {
  await withMyWork(page);
  await openGalleryEntry(page, '05-termination-order');
  await page.getByTestId('open-shared').click();
  await expect.poll(() => editorText(page)).toBe(galleryText('05-termination-order.yaml'));
  await openGalleryEntry(page, '02-app-before-proxy');
  await expect(page.getByTestId('open-dialog')).not.toBeVisible();
  await expect.poll(() => editorText(page)).toBe(galleryText('02-app-before-proxy-no-gate.yaml'));
  await page.getByTestId('restore-previous').click();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
});

test('an opened scenario, edited, then another link: both own texts are kept, neither overwritten', async ({ page }) => {
  await withMyWork(page);
  await openLinkOverMyWork(page, SHARED);
  const edited = SHARED.replace('sleep 3600', 'sleep 42');
  await replaceEditorText(page, edited);
  await expect.poll(() => savedText(page)).toBe(edited);
  await openLinkOverMyWork(page, DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: third-pod'));

  const panel = await openHistory(page);
  const entries = panel.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Pod shared-pod');
  await expect(entries.nth(1)).toContainText('Pod my-own-pod');
  await entries.nth(1).click();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  // The third scenario was opened from a link, not written: it is not the user's and not kept.
  await openHistory(page);
  await expect(entries).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history')).toBeFocused();
});

test('the same text kept twice is one entry, moved up', async ({ page }) => {
  test.setTimeout(60_000); // three page loads
  await withMyWork(page);
  await openLinkOverMyWork(page, SHARED);
  await page.getByTestId('restore-previous').click();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  // The address follows the restored text (400 ms later); a reload before that is this tab's own
  // address racing its last write (tabText.ts), not a link opened again. Waiting for the address
  // merely to change is not enough: the shared text's own write (with its view) may come first.
  await expect.poll(() => addressText(page)).toBe(MY_WORK);
  await openLinkOverMyWork(page, SHARED);
  const panel = await openHistory(page);
  await expect(panel.getByTestId('history-entry')).toHaveCount(1);
});

// One page for the panel's axe passes (both themes) and its fit at a phone's and a laptop's width.
test('the history panel: axe finds no violation (light, dark), and it fits at 390 and 1280 px', async ({ page }) => {
  test.setTimeout(30_000 * 4); // the four tests it replaces had 30 s each
  await page.setViewportSize({ width: 390, height: 844 });
  await withMyWork(page);
  await openLinkOverMyWork(page, SHARED);
  await openGalleryEntry(page, '02-app-before-proxy');
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
    await test.step(`the history panel at ${size.width} px`, async () => {
      await page.setViewportSize(size);
      await openHistory(page);
      const entry = page.getByTestId('history-entry').first();
      const box = await entry.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
      await page.screenshot({ path: `/tmp/history-${size.width}.png` });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('history-panel')).not.toBeVisible();
    });
  }
  for (const theme of ['light', 'dark'] as const) {
    await test.step(`axe finds no violation in the history panel (${theme})`, async () => {
      await setTheme(page, theme);
      await openHistory(page);
      const results = await axeBuilder(page).include('[data-testid="history-panel"]').analyze();
      expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);
      const header = await axeBuilder(page).include('.app-header').analyze();
      expect(header.violations.map((v) => v.id)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('history-panel')).not.toBeVisible();
    });
  }
});

/** Every localStorage write throws, as a full quota does. */
async function fullStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      real.call(this, key, value);
    };
  });
}

// One page for the storage notice's axe passes (both themes) and its fit at 390 and 1280 px.
test('the storage notice: axe finds no violation (light, dark), and it and the header fit at 390 and 1280 px', async ({ page }) => {
  test.setTimeout(30_000 * 4); // the four tests it replaces had 30 s each
  await page.setViewportSize({ width: 390, height: 844 });
  await fullStorage(page);
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toBeVisible();
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
    await test.step(`the storage notice and the header at ${size.width} px`, async () => {
      await page.setViewportSize(size);
      await expect(notice).toBeVisible();
      // The notice wraps to fit a phone's width (the page's own panels may be wider: not this spec's).
      const box = await notice.boundingBox();
      expect(box && box.width <= size.width).toBe(true);
      await expect(page.getByTestId('history')).toBeVisible();
      await page.screenshot({ path: `/tmp/storage-${size.width}.png` });
    });
  }
  for (const theme of ['light', 'dark'] as const) {
    await test.step(`axe finds no violation in the storage notice (${theme})`, async () => {
      await setTheme(page, theme);
      await expect(notice).toBeVisible();
      const results = await axeBuilder(page).include('[data-testid="storage-notice"]').analyze();
      expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);
    });
  }
});
