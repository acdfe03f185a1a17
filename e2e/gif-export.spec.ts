// The animated GIF export (issue 15), in a browser made to look like one that cannot record WebM
// (MediaRecorder hidden before the page loads, as in Safari): the WebM button says why it is off
// and points to GIF; GIF downloads a looping GIF89a of 100 frames no wider than 960 px, saying how
// far it is, and the cursor comes back; Cancel stops an export and downloads nothing.

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { readGif } from '../src/ui/timeline/export/gifStructure.testkit';
import { GIF_FRAMES, GIF_MAX_WIDTH } from '../src/ui/timeline/export/gifPlan';
import { openApp, screenshot } from './support/app';
import { setCursor } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('without MediaRecorder, playback exports as an animated GIF, with progress and Cancel', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });

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
  await test.step('GIF: a looping GIF89a of 100 frames, at most 960 px wide, is downloaded, and the cursor comes back', async () => {
    await setCursor(page, 12);
    const started = Date.now();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await button.click();
    await expect(button).toHaveText(/^GIF \d+%$/);
    await expect(page.getByTestId('export-gif-cancel')).toBeVisible();
    const file = await download;
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
