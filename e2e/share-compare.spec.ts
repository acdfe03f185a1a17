// Compare mode: two scenarios on one time axis, the first moment they differ, how each ends;
// a compare view is a link too.

import { axeBuilder } from './support/a11y';
import { expect, test } from './support/test';
import { runScenario } from '../src/engine/run';
import { decodeFragment, encodeFragment } from '../src/share';
import { firstDifference } from '../src/ui/share/compare/traceDiff';
import { editorText, openApp, screenshot, waitForApp } from './support/app';
import { galleryText, waitForEditor } from './support/share';
import { setTheme } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('the gallery\'s Job pair side by side: where they part, and how each ends', async ({ page, browser, context }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const legacy = galleryText('01-job-never-finishes-legacy.yaml');
  const native = galleryText('01-job-never-finishes-native.yaml');
  const expected = firstDifference(runScenario(legacy).trace!, runScenario(native).trace!)!;

  await openApp(page);
  await page.getByTestId('gallery-button').click();
  await page.locator('[data-testid="gallery-compare"][data-entry="01-job-never-finishes"]').click();
  await expect.poll(() => editorText(page)).toBe(legacy);

  const compare = page.getByTestId('compare');
  await expect(compare).toBeVisible();
  const sides = compare.getByTestId('compare-side');
  await expect(sides).toHaveCount(2);
  await expect(sides.nth(0)).toHaveAttribute('data-label', 'sidecar as a regular container');
  await expect(sides.nth(1)).toHaveAttribute('data-label', 'native sidecar');
  await expect(sides.nth(0).getByTestId('compare-end-phase')).toHaveAttribute('data-phase', 'Running');
  await expect(sides.nth(1).getByTestId('compare-end-phase')).toHaveAttribute('data-phase', 'Succeeded');
  const diff = compare.getByTestId('compare-first-difference');
  await expect(diff).toHaveAttribute('data-t', String(expected.t));
  await expect(diff).toContainText('First difference at');
  await screenshot(page, info, 'compare');

  // The compare view is a link: it opens the same way elsewhere.
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const decoded = decodeFragment(new URL(link).hash);
  expect(decoded?.ok && decoded.state.view?.sides.map((s) => s.label)).toEqual(['native sidecar']);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await waitForApp(other);
  await expect(other.getByTestId('compare-side')).toHaveCount(2);
  await expect(other.getByTestId('compare-first-difference')).toHaveAttribute('data-t', String(expected.t));
  await fresh.close();

  // Closing it drops the view from the address too.
  await page.keyboard.press('Escape');
  await page.getByTestId('compare-close').click();
  await expect(compare).toHaveCount(0);
  await expect.poll(() => {
    const r = decodeFragment(new URL(page.url()).hash);
    return r?.ok ? (r.state.view === undefined ? 'single' : 'compare') : 'none';
  }).toBe('single');
});

// One page: the five-version compare, then the axe passes (both themes) over the gallery, a
// compare view, its banner and the share panel.
test('five versions of one spec side by side; axe finds no violation in the gallery, share panel, banner and compare view (light, dark)', async ({ page }) => {
  test.setTimeout(30_000 * 3); // the three tests it replaces had 30 s each
  await openApp(page);
  await test.step('five versions of one spec side by side, the rejected one included', async () => {
    await page.getByTestId('gallery-button').click();
    await page.locator('[data-testid="gallery-compare"][data-entry="09-restartpolicy-versions"]').click();
    const sides = page.getByTestId('compare-side');
    await expect(sides).toHaveCount(5);
    // Shown by version ascending (issue 15): 1.27 first, the editor's 1.28 second.
    await expect(sides.nth(0)).toHaveAttribute('data-label', '1.27');
    await expect(sides.nth(0).getByTestId('compare-end-phase')).toContainText('does not simulate');
    await expect(sides.nth(3).getByTestId('compare-end-phase')).toHaveAttribute('data-phase', 'Running');
    await expect(page.getByTestId('compare-first-difference')).toHaveCount(4);
    await page.getByTestId('compare-close').click();
    await expect(sides).toHaveCount(0);
  });

  const check = async (selector: string) => {
    const results = await axeBuilder(page).include(selector).analyze();
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  };
  for (const theme of ['light', 'dark'] as const) {
    await test.step(`axe finds no violation in the gallery, share panel, banner and compare view (${theme})`, async () => {
      await setTheme(page, theme);
      await page.getByTestId('gallery-button').click();
      await expect(page.getByTestId('gallery')).toBeVisible();
      expect(await check('[data-testid="gallery"]')).toEqual([]);
      await page.locator('[data-testid="gallery-compare"][data-entry="02-app-before-proxy"]').click();
      await expect(page.getByTestId('compare-side')).toHaveCount(2);
      await expect(page.getByTestId('compare-first-difference')).toContainText('First difference');
      expect(await check('[data-testid="compare"]')).toEqual([]);
      expect(await check('[data-testid="share-banner"]')).toEqual([]);
      await page.getByTestId('share').click();
      await expect(page.getByTestId('share-link')).toBeVisible();
      expect(await check('.share')).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('share-link')).toBeHidden();
      await page.getByTestId('compare-close').click();
      await expect(page.getByTestId('compare-side')).toHaveCount(0);
    });
  }
});

test('a compare whose first side does not simulate blames that side, with its reason, not the other', async ({ page }) => {
  const good = galleryText('01-job-never-finishes-native.yaml');
  const bad = good.replace(/^kind: Job$/m, 'kind: Jobb');
  expect(bad).not.toBe(good);
  await page.goto(`/#${encodeFragment({ text: bad, label: 'broken', view: { kind: 'compare', sides: [{ text: good, label: 'fine' }] } })}`);
  await waitForEditor(page);
  const diff = page.getByTestId('compare-first-difference');
  await expect(diff).toContainText(/^broken: does not simulate \(.+\)$/);
  await expect(diff).not.toContainText('fine:');
  const sides = page.getByTestId('compare-side');
  await expect(sides.nth(0).getByTestId('compare-end-phase')).toContainText(/does not simulate: .+/);
  await expect(sides.nth(1).getByTestId('compare-end-phase')).toHaveAttribute('data-phase', 'Succeeded');
});
