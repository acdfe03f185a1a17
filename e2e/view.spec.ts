// Reading the timeline on every screen (issue 15): the opening view holds the cursor, labels of
// bars that start off-screen stay readable, links and gallery lessons carry the view, the
// toolbar fits one row at 1280 and 1400, a phone shows Timeline | Editor tabs, touch pans and
// pinches, and the embed fits its frame. Screenshots go to e2e/screenshots/ (view-*.png).

import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { BASE_URL } from '../playwright.config';
import { expectNoAxeViolations } from './support/a11y';
import { cursorTime, guardNetwork, openApp, waitForApp } from './support/app';
import { galleryText, gotoFresh, linkTo } from './support/share';
import { setTheme, visibleWindow } from './support/timeline';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/view-${name}.png` });
}

async function setView(page: Page, t0: number, t1: number): Promise<void> {
  await page.evaluate(([a, b]) => window.__sidecarLabStore?.getState().setView({ t0: a!, t1: b! }), [t0, t1]);
  await expect.poll(() => visibleWindow(page)).toEqual({ t0, t1 });
}

async function traceEnd(page: Page): Promise<number> {
  return page.evaluate(() => window.__sidecarLabStore?.getState().trace?.end ?? -1);
}

/** Every element's box lies on one row: the same top, give or take a pixel. */
async function tops(items: Locator): Promise<number[]> {
  return items.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
}

async function toolbarFits(page: Page, width: number): Promise<void> {
  const rowTops = await tops(page.locator('.toolbar .tool-group'));
  expect(Math.max(...rowTops) - Math.min(...rowTops), `toolbar in one row at ${width} px`).toBeLessThanOrEqual(1);
  const box = await page.locator('.toolbar').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  for (const id of ['export-svg', 'export-png', 'export-json', 'kubectl-watch', 'share', 'k8s-version', 'present', 'history', 'theme', 'help']) {
    await expect(page.getByTestId(id), `${id} at ${width} px`).toBeInViewport();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('the opening view, pinned labels, the toolbar at 1280 and 1400, and links and lessons that carry the view', async ({ page }) => {
  test.setTimeout(90_000); // one test for many states: fewer page loads, and two whole-page axe runs
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const end = await traceEnd(page);

  await test.step('the opening view is the whole run, and the cursor (at the end) is inside it', async () => {
    expect(await visibleWindow(page)).toEqual({ t0: 0, t1: end });
    expect(await cursorTime(page)).toBe(end);
    await expect(page.locator('.timeline-overlay g.cursor')).not.toHaveAttribute('data-off-view', /.+/);
    await shot(page, 'opening-1280');
  });

  await test.step('the toolbar fits one row at 1280 and 1400 px, every handle in view', async () => {
    await toolbarFits(page, 1280);
    await page.setViewportSize({ width: 1400, height: 860 });
    await toolbarFits(page, 1400);
  });

  await test.step('a bar that starts left of the view keeps its label at the view\'s left edge', async () => {
    await setView(page, 20, 30);
    const label = page.locator('.timeline-pinned text.bar-label[data-pinned="true"][data-container="myapp-container"]');
    await expect(label).toHaveText('Ready');
    const plot = (await page.locator('.timeline-plot').boundingBox())!;
    const box = (await label.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(plot.x);
    expect(box.x).toBeLessThan(plot.x + 20);
    // Panning back to where the bar starts puts the label at the bar's own start again.
    await setView(page, 0, 30);
    await expect(label).toHaveCount(0);
  });

  await test.step('the address carries the view; the link opens on it; an old link opens unchanged', async () => {
    await setView(page, 20, 30);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v1\.[^&]+&view=20-30$/);
    const link = await page.evaluate(() => location.href);
    await gotoFresh(page, link);
    await waitForApp(page);
    await expect.poll(() => visibleWindow(page)).toEqual({ t0: 20, t1: 30 });
    // A link made before the view was carried: the cursor where it said, the whole run shown.
    await gotoFresh(page, linkTo({ text: galleryText('05-termination-order.yaml'), cursor: 33 }));
    await waitForApp(page);
    await expect.poll(() => cursorTime(page)).toBe(33);
    await expect.poll(() => traceEnd(page)).toBe(120);
    await expect.poll(() => visibleWindow(page)).toEqual({ t0: 0, t1: 120 });
    expect(await page.evaluate(() => location.hash)).not.toContain('view=');
  });

  await test.step('a gallery lesson opens zoomed on its moment', async () => {
    await page.getByTestId('gallery-button').click();
    const entry = page.locator('[data-testid="gallery-entry"][data-entry="11-vault-before-mesh"]');
    await expect(entry).toHaveAttribute('href', /&view=35-50$/);
    await entry.click();
    await expect.poll(() => visibleWindow(page)).toEqual({ t0: 35, t1: 50 });
    await expect.poll(() => cursorTime(page)).toBe(45);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'lesson-1920');
  });

  await test.step('axe is clean in both themes at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await setTheme(page, 'dark');
    await shot(page, 'lesson-1280-dark');
    await expectNoAxeViolations(page, 'dark', 'the header and toolbar at 1280 px');
    await setTheme(page, 'light');
    await expectNoAxeViolations(page, 'light', 'the header and toolbar at 1280 px', { editor: false });
  });

  await test.step('the embed fits a 600×400 frame without scrolling sideways', async () => {
    await page.setContent(`<iframe id="embed" title="Sidecar Lab" src="${BASE_URL}embed/" width="600" height="400"></iframe>`);
    const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
    await expect(page.frameLocator('#embed').getByTestId('lane').first()).toBeAttached();
    const [scroll, client] = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client!);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('tabs, touch pan and pinch, a vertical swipe that scrolls the page, and the embed at 390 px', async ({ page }) => {
    test.setTimeout(90_000);
    await guardNetwork(page);
    await page.goto(linkTo({ text: galleryText('05-termination-order.yaml'), cursor: 41 }));
    await expect(page.getByTestId('lane').first()).toBeAttached();
    const timeline = page.getByTestId('timeline');

    await test.step('a shared link opens on the timeline; the editor is the other tab, and Monaco loads when it first shows', async () => {
      await expect(page.getByTestId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
      await expect(timeline).toBeVisible();
      await expect(page.getByTestId('kubectl-status')).toBeInViewport();
      await expect(page.getByTestId('editor')).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, 'phone-timeline');
      // LazyEditor: a phone that never opens the Editor tab never loads Monaco (its chunks, its workers).
      await expect(page.locator('.editor-placeholder')).toHaveCount(1);
      expect(page.workers().map((w) => w.url()).filter((u) => /editor\.worker|yaml\.worker/.test(u))).toEqual([]);
      await page.getByTestId('tab-editor').click();
      await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeVisible();
      await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('apiVersion');
      await expect(timeline).toBeHidden();
      await shot(page, 'phone-editor');
      await page.getByTestId('tab-timeline').click();
      await expect(timeline).toBeVisible();
    });

    const cdp = await page.context().newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) => {
      await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
    };
    const plot = async () => (await page.locator('.timeline-plot').boundingBox())!;

    await test.step('two fingers moving apart zoom in about their midpoint', async () => {
      const before = await visibleWindow(page);
      const box = await plot();
      const y = box.y + 130;
      const mid = box.x + box.width / 2;
      await touch('touchStart', [{ x: mid - 20, y }, { x: mid + 20, y }]);
      for (const d of [35, 50, 70]) await touch('touchMove', [{ x: mid - d, y }, { x: mid + d, y }]);
      await touch('touchEnd', []);
      const after = await visibleWindow(page);
      expect(after.t1 - after.t0).toBeLessThan((before.t1 - before.t0) / 2.5);
      const midTime = before.t0 + ((mid - box.x) / box.width) * (before.t1 - before.t0);
      expect(after.t0).toBeLessThan(midTime + 2);
      expect(after.t1).toBeGreaterThan(midTime - 2);
    });

    await test.step('one finger dragged sideways pans', async () => {
      const before = await visibleWindow(page);
      const box = await plot();
      const y = box.y + 130;
      await touch('touchStart', [{ x: box.x + 40, y }]);
      for (const x of [60, 90, 120]) await touch('touchMove', [{ x: box.x + x, y }]);
      await touch('touchEnd', []);
      const after = await visibleWindow(page);
      expect(after.t1 - after.t0).toBeCloseTo(before.t1 - before.t0, 3);
      expect(after.t0).toBeLessThan(before.t0);
      await shot(page, 'phone-pinched');
    });

    await test.step('a vertical swipe on the timeline scrolls the page and leaves the view', async () => {
      const before = await visibleWindow(page);
      const box = await plot();
      const x = box.x + box.width / 2;
      const scrolled = await page.evaluate(() => window.scrollY);
      await touch('touchStart', [{ x, y: box.y + 300 }]);
      for (const dy of [20, 60, 120, 180]) await touch('touchMove', [{ x, y: box.y + 300 - dy }]);
      await touch('touchEnd', []);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 50);
      expect(await visibleWindow(page)).toEqual(before);
    });

    await test.step('axe is clean on the phone in both themes', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await setTheme(page, 'dark');
      await shot(page, 'phone-dark');
      await expectNoAxeViolations(page, 'dark', 'the phone layout');
      await setTheme(page, 'light');
      await expectNoAxeViolations(page, 'light', 'the phone layout', { editor: false });
    });

    await test.step('the embed fits 390 px', async () => {
      await gotoFresh(page, '/embed/');
      await expect(page.getByTestId('lane').first()).toBeAttached();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, 'phone-embed');
    });
  });
});
