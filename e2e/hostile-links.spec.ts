// The hostile-input suite, links: hostile fragments, and a cursor far along a long run by link
// or by `?t=`. Each case checks the suite's four things (hostile.spec.ts): a clear message, a
// page that still responds, the user's work intact, nothing from the input executed.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { decodeFragment } from '../src/share';
import { editorText, replaceEditorText, screenshot, waitForApp } from './support/app';
import { MY_WORK, PAYLOAD, stillResponsive, watchForExecution } from './support/hostile';
import { myLane, withMyWork } from './support/myWork';
import { bombFragment, gotoFresh, linkTo, savedText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

// Links: the user's saved work is never touched, the page says why, and the app keeps working.
const GOOD = linkTo({ text: MY_WORK.replace('sleep 25', 'sleep 99'), kubernetesVersion: '1.33', cursor: 9 }).slice(2);
const LINKS: { name: string; fragment: string; message: RegExp }[] = [
  { name: 'a link from a newer format', fragment: `v7.${GOOD.slice(3)}`, message: /newer version of Sidecar Lab/ },
  { name: 'a truncated link', fragment: GOOD.slice(0, GOOD.length - 7), message: /incomplete|cut off/ },
  // A deflate block of the reserved type 3, then the rest of a good link.
  { name: 'a corrupt link', fragment: `v1.BwAAAA${GOOD.slice(9)}`, message: /damaged and could not be read/ },
  { name: 'characters a link never has', fragment: `${GOOD.slice(0, 30)}*${GOOD.slice(31)}`, message: /damaged/ },
  { name: 'markup in the fragment', fragment: `v1.${encodeURIComponent(PAYLOAD)}`, message: /damaged/ },
  { name: 'an oversized link', fragment: `v1.${'A'.repeat(70_000)}`, message: /too long/ },
  { name: 'a decompression bomb', fragment: bombFragment(), message: /unpacks to far more/ },
  { name: 'not a Sidecar Lab link', fragment: 'code/N4IgLgpgTgzg9gOwgLhAJhgTQ', message: /does not hold a Sidecar Lab scenario/ },
];

// One test for the eight links: the user's work is typed and saved once; each link is a step
// (named as its own test used to be) that opens it in a fresh page load over that work, and ends
// with the work typed back and saved, as the next link expects to find it.
test('hostile links: each says why, leaves a working app and the saved work, executes nothing', async ({ page }, info) => {
  test.setTimeout(30_000 * LINKS.length);
  const nothingExecuted = await withMyWork(page);
  for (const h of LINKS) {
    await test.step(`${h.name}: says why, leaves a working app and the saved work, executes nothing`, async () => {
      await gotoFresh(page, `/#${h.fragment}`);
      await waitForApp(page);
      const banner = page.getByTestId('share-banner');
      await expect(banner).toBeVisible();
      await expect(banner).toHaveAttribute('role', 'alert');
      await expect(banner).toContainText(h.message);
      expect(await editorText(page)).toBe(MY_WORK);
      expect(await savedText(page)).toBe(MY_WORK);
      await expect(myLane(page)).toBeAttached();
      await expect(page.getByTestId('open-dialog')).not.toBeVisible();
      await stillResponsive(page);
      await nothingExecuted();
      await screenshot(page, info, h.name);

      // Still a working app: an edit simulates and is saved.
      const edited = MY_WORK.replace('name: my-own-pod', 'name: my-edited-pod');
      await replaceEditorText(page, edited);
      await expect(page.locator('[data-testid="lane"][data-container="my-edited-pod"]')).toBeAttached();
      await expect.poll(() => savedText(page)).toBe(edited);
      await banner.getByRole('button', { name: 'Dismiss this message' }).click();
      await expect(banner).toHaveCount(0);

      // The user's work again, saved, for the next link.
      await replaceEditorText(page, MY_WORK);
      await expect(myLane(page)).toBeAttached();
      await expect.poll(() => savedText(page)).toBe(MY_WORK);
    });
  }
});

// A cursor far along a long run, by link or by `?t=`: Share, the address bar and the embed
// snippet write it (the link writer threw "varint out of range" past 24.8 days), and an absurd
// `?t=` is clamped with no exception.
test.describe('a cursor far along a long run', () => {
  const DAYS_100 = 100 * 24 * 3600;
  const LONG_RUN = `apiVersion: v1
kind: Pod
metadata: { name: long-runner }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done']
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 4000h
`;

  const pageErrors = (page: Page) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return errors;
  };

  test('a cursor at 100 days: Share, the address bar and the embed snippet hold it', async ({ page }) => {
    const errors = pageErrors(page);
    const nothingExecuted = await watchForExecution(page);
    await gotoFresh(page, linkTo({ text: LONG_RUN, cursor: DAYS_100 }));
    await waitForApp(page);
    await expect(page.locator('[data-testid="lane"][data-container="app"]')).toBeAttached();
    await expect.poll(() => page.evaluate(() => window.__sidecarLabStore!.getState().cursorTime)).toBe(DAYS_100);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    const shared = decodeFragment(new URL(link).hash);
    expect(shared).toMatchObject({ ok: true, state: { text: LONG_RUN, cursor: DAYS_100 } });
    expect(await page.getByTestId('share-embed').inputValue()).toContain('/embed/#v1.');
    // The address bar follows an edit, cursor and all.
    await replaceEditorText(page, LONG_RUN.replace('long-runner', 'long-runner-2'));
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('v1.');
    await expect.poll(async () => {
      const d = decodeFragment(await page.evaluate(() => location.hash));
      return d?.ok ? d.state.text.includes('long-runner-2') : false;
    }).toBe(true);
    expect(errors).toEqual([]);
    await stillResponsive(page);
    await nothingExecuted();
  });

  for (const t of ['1e308', 'Infinity']) {
    test(`?t=${t} is clamped, with no exception`, async ({ page }) => {
      const errors = pageErrors(page);
      await gotoFresh(page, `/?t=${t}${linkTo({ text: LONG_RUN }).slice(1)}`);
      await waitForApp(page);
      await expect(page.locator('[data-testid="lane"][data-container="app"]')).toBeAttached();
      const cursor = await page.evaluate(() => window.__sidecarLabStore!.getState().cursorTime);
      expect(cursor).toBeLessThanOrEqual(366 * 24 * 3600);
      await expect(page.getByTestId('cursor-time')).toHaveText(/^\d+(\.\d+)?$/);
      await page.getByTestId('share').click();
      expect(decodeFragment(new URL(await page.getByTestId('share-link').inputValue()).hash)).toMatchObject({ ok: true });
      expect(errors).toEqual([]);
      await stillResponsive(page);
    });
  }
});
