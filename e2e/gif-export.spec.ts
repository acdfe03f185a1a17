// The animated GIF export (issue 15), in a browser made to look like one that cannot record WebM
// (MediaRecorder hidden before the page loads, as in Safari): the WebM button says why it is off
// and points to GIF; GIF downloads a looping GIF89a of 100 frames no wider than 960 px, saying how
// far it is, and the cursor comes back; Cancel stops an export and downloads nothing.
// The one GIF the suite builds also crosses 1,280 px while it runs (its button moves into "More"
// and back: the export goes on, the file is still made), and its frames, drawn in another order
// for the palette, play in time order (both were a second GIF build in polish.spec.ts).

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { type Download, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { composeFramesRgb, readGif } from '../src/ui/timeline/export/gifStructure.testkit';
import { GIF_FRAMES, GIF_MAX_WIDTH } from '../src/ui/timeline/export/gifPlan';
import { openApp, screenshot } from './support/app';
import { revealTool } from './support/more';
import { setCursor } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

/** The percentage an export button shows while it runs (null when idle). */
async function percent(page: Page, testId: string): Promise<number | null> {
  const m = /(\d+)%$/.exec((await page.getByTestId(testId).textContent()) ?? '');
  return m ? Number(m[1]) : null;
}

/** Crosses to `width`, keeping the height. */
const resize = (page: Page, width: number) => page.setViewportSize({ width, height: 800 });

/** The column holding the most pixels of the cursor's red (--cursor, timeline.css) in frame k. */
function cursorColumn(gif: ReturnType<typeof readGif>, frames: Uint8Array[], k: number): number {
  const CURSOR = [209, 36, 59];
  const counts = new Array<number>(gif.width).fill(0);
  const rgb = frames[k]!;
  for (let i = 0; i < rgb.length / 3; i++) {
    const [r, g, b] = [rgb[3 * i]!, rgb[3 * i + 1]!, rgb[3 * i + 2]!];
    if (Math.abs(r - CURSOR[0]!) + Math.abs(g - CURSOR[1]!) + Math.abs(b - CURSOR[2]!) < 40) counts[i % gif.width]!++;
  }
  return counts.indexOf(Math.max(...counts));
}

test('without MediaRecorder, playback exports as an animated GIF, with progress and Cancel', async ({ page }, info) => {
  test.setTimeout(120_000);
  await resize(page, 1300);
  const more = page.getByTestId('toolbar-more');

  await test.step('a browser that cannot record WebM: the WebM button is off and says to export a GIF', async () => {
    await page.addInitScript(() => {
      delete (window as { MediaRecorder?: unknown }).MediaRecorder;
    });
    await openApp(page);
    expect(await page.evaluate(() => typeof (window as { MediaRecorder?: unknown }).MediaRecorder)).toBe('undefined');
    await expect(page.getByTestId('export-webm')).toBeDisabled();
    await expect(page.getByTestId('export-webm')).toHaveAttribute('title', /export a GIF instead/);
    await expect(page.getByTestId('export-gif')).toBeEnabled();
  });

  const button = page.getByTestId('export-gif');
  let download: Promise<Download> | undefined;
  let started = 0;
  await test.step('GIF: started in the toolbar, followed behind More at 1,200 px and back', async () => {
    await setCursor(page, 12);
    started = Date.now();
    download = page.waitForEvent('download', { timeout: 100_000 });
    await button.click();
    await expect(button).toHaveText(/^GIF [1-9]\d*%$/);
    await expect(page.getByTestId('export-gif-cancel')).toBeVisible();
    await resize(page, 1200);
    await expect(more).toBeVisible();
    // Closed, the More button says an export goes on inside it.
    await expect(more).toHaveAttribute('data-busy', 'true');
    await expect(more).toHaveAttribute('aria-label', /an export is running/);
    await more.screenshot({ path: 'e2e/screenshots/polish-more-busy.png' });
    const inMore = await revealTool(page, 'export-gif');
    await expect(inMore).toHaveText(/^GIF \d+%$/);
    await expect(page.getByTestId('export-gif-cancel')).toBeVisible();
    // The new copy does not start another run: a click on it while one runs does nothing.
    const before = (await percent(page, 'export-gif'))!;
    await inMore.click();
    await expect.poll(() => percent(page, 'export-gif')).toBeGreaterThan(before);
    await resize(page, 1300);
    await expect(more).toBeHidden();
    await expect(button).toHaveText(/^GIF \d+%$/);
  });

  await test.step('GIF: a looping GIF89a of 100 frames, at most 960 px wide, is downloaded, and the cursor comes back', async () => {
    const file = await download!;
    const took = Date.now() - started;
    expect(file.suggestedFilename()).toBe('timeline.gif');
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const gif = readGif(bytes);
    expect(gif.loops).toBe(0);
    expect(gif.images).toHaveLength(GIF_FRAMES);
    expect(gif.width).toBeLessThanOrEqual(GIF_MAX_WIDTH);
    expect(gif.width).toBeGreaterThan(600);
    info.annotations.push({ type: 'gif', description: `${gif.width}×${gif.height}, ${gif.images.length} frames, ${bytes.length} bytes, ${took} ms` });
    await expect(page.getByTestId('cursor-time')).toHaveText('12');
    await expect(button).toHaveText('GIF');
    await expect(page.getByTestId('export-gif-cancel')).toHaveCount(0);

    await test.step('its frames, drawn in another order for the palette (its samples first), play in time order', async () => {
      // The cursor moves right. Frames drawn at 1,200 px are a narrower picture, so only frames
      // far apart are compared.
      const frames = composeFramesRgb(gif);
      const xs = [2, 20, 40, 60, 80, GIF_FRAMES - 1].map((k) => cursorColumn(gif, frames, k));
      for (let i = 1; i < xs.length; i++) expect(xs[i]!, `${xs.join(' < ')}`).toBeGreaterThan(xs[i - 1]!);
      expect(xs.at(-1)!).toBeGreaterThan(gif.width / 2);
    });

    // The first frame as a PNG, to look at.
    const png = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/gif;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      c.getContext('2d')!.drawImage(img, 0, 0);
      return c.toDataURL('image/png').split(',')[1]!;
    }, bytes.toString('base64'));
    mkdirSync('e2e/screenshots', { recursive: true });
    writeFileSync('e2e/screenshots/exported-timeline-gif.png', Buffer.from(png, 'base64'));
  });

  await test.step('Cancel stops the export: no download, the cursor comes back', async () => {
    let downloads = 0;
    page.on('download', () => { downloads++; });
    await setCursor(page, 20);
    await button.click();
    await expect(button).toHaveText(/^GIF [1-9]\d*%$/);
    await page.getByTestId('export-gif-cancel').click();
    await expect(button).toHaveText('GIF');
    await expect(page.getByTestId('cursor-time')).toHaveText('20');
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
  });
});
