// The hostile-input suite, storage and tabs: a storage that refuses to save, and two tabs on one
// scenario; the user's work is never lost without a word.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { editorText, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { MY_WORK, stillResponsive, watchForExecution } from './support/hostile';
import { savedText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

// Storage that refuses and tabs that race: the user's work is never lost without a word.
test.describe('nothing lost: a full storage, two tabs', () => {
  /** Makes every localStorage write throw, as a full quota does, from the page's first script on. */
  async function fillStorage(page: Page) {
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (this === window.localStorage && (window as unknown as { __storageFull?: boolean }).__storageFull !== false) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        real.call(this, key, value);
      };
    });
  }

  test('a storage that refuses to save says so where everyone hears it, and exports the work as a .yaml file', async ({ page }, info) => {
    const nothingExecuted = await watchForExecution(page);
    await fillStorage(page);
    await openApp(page);
    await replaceEditorText(page, MY_WORK);
    const notice = page.getByTestId('storage-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('Your work is not being saved');
    await screenshot(page, info, 'notice');
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Export pod-my-own-pod.yaml' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('pod-my-own-pod.yaml');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(await file.path(), 'utf8')).toBe(MY_WORK);
    await stillResponsive(page);

    // Room again: the next save works and the notice goes.
    await page.evaluate(() => { (window as unknown as { __storageFull?: boolean }).__storageFull = false; });
    await replaceEditorText(page, MY_WORK.replace('sleep 25', 'sleep 26'));
    await expect(notice).toHaveCount(0);
    await nothingExecuted();
  });

  test('two tabs on one scenario: the other tab\'s save is said, and both versions end up in History', async ({ page, context }) => {
    await openApp(page);
    await replaceEditorText(page, MY_WORK);
    await expect.poll(() => savedText(page)).toBe(MY_WORK);
    await expect.poll(() => page.url()).toMatch(/#v1\./);
    const other = await context.newPage();
    await other.goto(page.url());
    await waitForApp(other);
    const theirs = MY_WORK.replace('name: my-own-pod', 'name: other-tab-pod');
    await replaceEditorText(other, theirs);
    await expect.poll(() => savedText(other)).toBe(theirs);

    // The first tab hears of it, keeps its own text, and keeps both.
    await expect(page.getByTestId('share-banner')).toContainText('changed in another tab');
    expect(await editorText(page)).toBe(MY_WORK);
    await page.getByTestId('history').click();
    const entries = page.getByTestId('history-entry');
    await expect(entries.filter({ hasText: 'Pod my-own-pod' })).toHaveCount(1);
    await page.keyboard.press('Escape');

    // Reloading the first tab brings its own text back, without asking about "the shared scenario".
    await expect.poll(() => page.url()).toMatch(/#v1\./);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('open-dialog')).not.toBeVisible();
    await expect.poll(() => editorText(page)).toBe(MY_WORK);
    await page.getByTestId('history').click();
    await expect(entries.filter({ hasText: 'Pod other-tab-pod' })).toHaveCount(1);
    await other.close();
  });
});
