// Issue 15's panels: the containers table shows the API status (the runtime's truth marked as
// such where it runs ahead), kubectl's quirks are explained where they appear, a share option
// makes a presenter link, the gate notes across versions, compare mode at 1280×720, and an
// animated export of playback (and, cancelled from behind More at 1,200 px, a WebM export that
// crossed 1,280 px). One page load per test; states as steps.

import { readFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/a11y';
import { kubectl, openApp, replaceEditorText, screenshot } from './support/app';
import { revealTool } from './support/more';
import { galleryText } from './support/share';
import { setCursor, setTheme } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const CRASHING_APP = readFileSync(new URL('../src/state/trace/fixtures/crashing-app-deleted.yaml', import.meta.url), 'utf8');

test('the containers table shows the API status, and the kubectl STATUS says why', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await replaceEditorText(page, CRASHING_APP);
  const app = page.locator('[data-testid="containers"] tr[data-container="app"]');
  const note = page.locator('[data-testid="runtime-note"][data-container="app"]');

  await test.step('exited, not yet written: the API still says Running and ready, beside 2/2 Running 0', async () => {
    await setCursor(page, 7.8);
    await expect(app.locator('[data-col="state"]')).toHaveText('Running');
    await expect(app.locator('[data-col="ready"]')).toHaveText('true');
    await expect(app.locator('[data-col="restarts"]')).toHaveText('0');
    await expect(note).toHaveText('runtime exited 1 at 7.7 s, not yet reported');
    expect(await kubectl(page)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
    await page.getByTestId('containers').scrollIntoViewIfNeeded();
    await page.getByTestId('containers').screenshot({ path: 'e2e/screenshots/panels-containers-runtime-ahead.png' });
  });

  await test.step('restarted, not yet written: Terminated with RESTARTS 0, as kubectl says', async () => {
    // the restart at 8.7 s (the 0.5 s registry check of busybox under Always, [15.6]), the status written at 9 s
    await setCursor(page, 8.8);
    await expect(app.locator('[data-col="state"]')).toHaveText('Terminated');
    await expect(app.locator('[data-col="restarts"]')).toHaveText('0');
    await expect(note).toContainText('started at 8.7 s (restart 1), not yet reported');
    expect((await kubectl(page)).restarts).toBe('0');
  });

  await test.step('being killed is the kubelet\'s notion: the API keeps Running', async () => {
    await setCursor(page, 20);
    await expect(page.locator('[data-testid="containers"] tr[data-container="proxy"] [data-col="state"]')).not.toHaveText('Terminating');
  });

  await test.step('Init:Error on a Running pod: the why button names the printer rule', async () => {
    await replaceEditorText(page, galleryText('08-sidecar-crash-under-never.yaml'));
    await expect(page.locator('[data-testid="lane"][data-container="transcode"]').first()).toBeAttached();
    await expect(page.locator('.running-dot')).toHaveCount(0);
    await expect(page.locator('[data-testid="containers"] tr[data-container="transcode"]')).toBeAttached();
    await setCursor(page, 41.1); // on 1.36 the restart at 41.2 s is seen at once ([0.8]), so Init:Error shows from 41 s to 41.2 s
    expect((await kubectl(page)).status).toBe('Init:Error');
    const why = page.getByTestId('kubectl-why');
    await expect(why).toHaveText('iwhy Init:Error?');
    await why.click();
    const text = page.getByTestId('kubectl-why-text');
    await expect(text).toContainText('Init:Error although the pod is initialized and Running');
    await expect(text).toContainText('[14.2]');
    await expect(text).toContainText('RESTARTS sums the sidecars\' and main containers\' restarts');
    await expectNoAxeViolations(page, 'light', 'the kubectl why note');
    await screenshot(page, info, 'why');
    await setTheme(page, 'dark');
    await expect(text).toBeVisible();
    await expectNoAxeViolations(page, 'dark', 'the kubectl why note and the runtime line');
    await setTheme(page, 'light');
    for (const [width, height] of [[390, 844], [1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await expect(text).toBeInViewport();
      // Within the strip's width: the timeline pane scrolls, so what pokes out of it is cut off.
      const strip = (await page.locator('.status-strip').boundingBox())!;
      const note = (await text.boundingBox())!;
      expect(note.x).toBeGreaterThanOrEqual(strip.x);
      expect(note.x + note.width).toBeLessThanOrEqual(strip.x + strip.width + 0.5);
      await page.screenshot({ path: `e2e/screenshots/panels-why-${width}x${height}.png` });
    }
    await page.keyboard.press('Escape');
    await expect(text).toHaveCount(0);
  });
});

test('the share panel makes a presenter link with a title and caption', async ({ page, browser, context }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copied');
  const plain = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('share-present-title').fill('Sidecars stop last');
  await page.getByTestId('share-present-caption').fill('Watch the proxy wait for the app');
  const link = await page.getByTestId('share-present-link').inputValue();
  expect(link).toBe(`${plain.replace(/\/?#.*$/, '/').replace(/\/\/$/, '/')}?present&title=Sidecars+stop+last&caption=Watch+the+proxy+wait+for+the+app#${new URL(plain).hash.slice(1)}`);
  await page.getByTestId('share-present-copy').click();
  await expect(page.getByTestId('share-present-copy')).toHaveText('Presenter link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoAxeViolations(page, 'light', 'the share panel with its presenter link');
  await screenshot(page, info, 'panel');

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('presenter')).toBeVisible();
  await expect(other.locator('.presenter-title')).toHaveText('Sidecars stop last');
  await expect(other.locator('.presenter-caption')).toHaveText('Watch the proxy wait for the app');
  await expect(other.getByTestId('narration')).not.toBeEmpty();
  await other.screenshot({ path: 'e2e/screenshots/panels-presenter-link-opened.png' });
  await fresh.close();
});

test('gate notes across versions, and an animated WebM export of playback', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);

  await test.step('a gate left from 1.28 on 1.36 gets a note at its line', async () => {
    await replaceEditorText(page, CRASHING_APP.replace('kubernetesVersion: "1.33"', 'kubernetesVersion: "1.36"\nfeatureGates:\n  SidecarContainers: true'));
    const problems = page.getByTestId('notes');
    await expect(problems).toContainText('Setting GA feature gate SidecarContainers=true. It will be removed in a future release: in 1.36 the feature is locked on (GA since 1.33), so this line changes nothing');
    await expect(problems).toContainText('featureGates.SidecarContainers');
    await screenshot(page, info, 'gate note');
  });

  await test.step('WebM: a non-empty video/webm blob is downloaded, and the cursor comes back', async () => {
    await setCursor(page, 12);
    await page.evaluate(() => {
      const w = window as unknown as { __blobs: { type: string; size: number }[] };
      w.__blobs = [];
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => {
        if (b instanceof Blob) w.__blobs.push({ type: b.type, size: b.size });
        return make(b);
      };
    });
    const button = page.getByTestId('export-webm');
    await expect(button).toBeEnabled();
    const download = page.waitForEvent('download', { timeout: 45_000 });
    await button.click();
    await expect(button).toHaveText(/^WebM \d+%$/);
    const file = await download;
    expect(file.suggestedFilename()).toBe('timeline.webm');
    const blobs = await page.evaluate(() => (window as unknown as { __blobs: { type: string; size: number }[] }).__blobs);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('video/webm');
    expect(blobs[0]!.size).toBeGreaterThan(1000);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // the EBML (Matroska/WebM) header
    await expect(page.getByTestId('cursor-time')).toHaveText('12');
    await expect(button).toHaveText('WebM');
  });

  // The WebM half of "a WebM or GIF export survives the window crossing 1,280 px" (polish.spec.ts
  // had it as a test of its own; the GIF half is in gif-export.spec.ts).
  await test.step('WebM: started in the toolbar, cancelled from behind More at 1,200 px: nothing downloaded', async () => {
    const resize = (width: number) => page.setViewportSize({ width, height: 800 });
    const more = page.getByTestId('toolbar-more');
    await resize(1300);
    let downloads = 0;
    page.on('download', () => { downloads++; });
    await page.getByTestId('export-webm').click();
    await expect(page.getByTestId('export-webm')).toHaveText(/^WebM [1-9]\d*%$/);
    await resize(1200);
    // The tools move behind More when the page has seen the new width (a media query change, a
    // render later): opening More before that opens nothing, and the tools then move into a closed panel.
    await expect(more).toBeVisible();
    await revealTool(page, 'export-webm-cancel');
    await expect(page.getByTestId('export-webm')).toHaveText(/^WebM \d+%$/);
    await page.getByTestId('export-webm-cancel').click();
    await expect(page.getByTestId('export-webm')).toHaveText('WebM');
    await expect(page.getByTestId('export-webm-cancel')).toHaveCount(0);
    await expect(more).not.toHaveAttribute('data-busy', 'true');
    await resize(1300);
    await expect(page.getByTestId('export-webm')).toHaveText('WebM');
    expect(downloads).toBe(0);
  });
});

test('compare mode reads at 1280×720: legend, round ticks, ordered variants, self-explaining labels', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('gallery-button').click();
  await page.locator('[data-testid="gallery-compare"][data-entry="09-restartpolicy-versions"]').click();
  const compare = page.getByTestId('compare');
  await expect(compare).toBeVisible();
  await expect(compare.getByTestId('compare-side')).toHaveCount(5);
  await expect(compare.getByTestId('compare-end-phase').last()).not.toHaveText('simulating…');
  await expect(compare.getByTestId('compare-end-phase').nth(3)).not.toHaveText('simulating…');

  await test.step('variants by version, labelled with what differs', async () => {
    const differs = await compare.getByTestId('compare-side').evaluateAll((els) => els.map((e) => e.getAttribute('data-differs')));
    expect(differs).toEqual(['1.27', '1.28, SidecarContainers off', '1.28, SidecarContainers on (set)', '1.29, SidecarContainers on', '1.35, SidecarContainers on']);
  });

  await test.step('ticks at round values', async () => {
    const ticks = await compare.getByTestId('compare-ticks').locator('span').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toMatch(/^(0|[125]0*|[1-9]\d*[05]0*) s$/);
    const values = ticks.map((t) => Number(t.replace(' s', '')));
    const step = values[1]! - values[0]!;
    expect(String(step)).toMatch(/^[125]0*$|^0\.[0]*[125]$/);
  });

  await test.step('every colour on the tracks is in the legend', async () => {
    const legend = compare.getByTestId('compare-legend');
    // What paints each mark: its left border (dashed lines), its background (bars, ticks), or its text (◆).
    const colours = (sel: string) => page.locator(sel).evaluateAll((els) => [...new Set(els.map((e) => {
      const cs = getComputedStyle(e);
      if (cs.borderLeftStyle !== 'none' && cs.borderLeftWidth !== '0px') return `border ${cs.borderLeftColor}`;
      if (cs.backgroundColor !== 'rgba(0, 0, 0, 0)') return `fill ${cs.backgroundColor}`;
      return `text ${cs.color}`;
    }))]);
    const onTracks = await colours('[data-testid="compare-side"] .compare-track > span, [data-testid="compare-side"] .compare-overlay > span');
    const inLegend = await colours('[data-testid="compare-legend"] span');
    for (const c of onTracks) expect(inLegend, c).toContain(c);
    await expect(legend).toContainText('first difference');
  });

  await test.step('the whole comparison, with each first difference, is above the fold at 1280×720', async () => {
    await screenshot(page, info, 'fold');
    const box = await compare.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(720);
    await expect(compare.getByTestId('compare-first-difference')).toHaveCount(4);
    await expectNoAxeViolations(page, 'light', 'compare mode');
  });
  for (const [width, height] of [[390, 844], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/screenshots/panels-compare-${width}x${height}.png` });
  }
  await screenshot(page, info, 'view');
});
