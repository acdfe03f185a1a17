// Issue 16: after an edit of a 40-container pod, the marks' canvas first draws only the lanes on
// screen (their glyphs are most of a keystroke's drawing) and draws the whole canvas again with
// the lanes left for idle time (src/ui/timeline/useTimelineDraw.ts, lanesInView.ts `rowsInView`).
// The glyphs each drawing of the marks holds are counted at the 2d context (every mark is a fill
// and/or a stroke), drawing by drawing: a drawing is every strip (marksStrips.ts) cleared
// (marksSurface.ts begins each strip with clearRect) in one task, the strips of one redraw.

import { uniformPodText } from '../bench/engine';
import { openApp, replaceEditorText } from './support/app';
import { expect, test } from './support/test';
import { everyLaneDrawn } from './support/timeline';

const POD = `${uniformPodText(40)}containers:\n  c0:\n    exitAfter: 4s\n`;

type Pictures = { __pictures: number[] };

test('an edit draws the marks of the lanes on screen at once, then every mark, as a fresh load draws them', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const w = window as unknown as Pictures;
    w.__pictures = [];
    const proto = OffscreenCanvasRenderingContext2D.prototype;
    const counted = (draw: (...args: unknown[]) => void) => function (this: OffscreenCanvasRenderingContext2D, ...args: unknown[]) {
      if (w.__pictures.length > 0) w.__pictures[w.__pictures.length - 1]! += 1;
      draw.apply(this, args);
    };
    proto.fill = counted(proto.fill as (...args: unknown[]) => void) as typeof proto.fill;
    proto.stroke = counted(proto.stroke as (...args: unknown[]) => void) as typeof proto.stroke;
    const clear = proto.clearRect;
    let drawing = false;
    proto.clearRect = function (this: OffscreenCanvasRenderingContext2D, ...args: Parameters<typeof clear>) {
      if (!drawing) {
        drawing = true;
        w.__pictures.push(0);
        queueMicrotask(() => { drawing = false; });
      }
      return clear.apply(this, args);
    };
  });
  await openApp(page);
  await replaceEditorText(page, POD);
  await expect(page.getByTestId('lane')).toHaveCount(41);
  await everyLaneDrawn(page);
  const pictures = () => page.evaluate(() => (window as unknown as Pictures).__pictures.slice());

  const atFirstChange = await test.step('at the first change of the timeline, the canvas holds fewer glyphs than the whole pod has', async () => {
    const first = await page.evaluate(() => new Promise<{ picture: number; stale: number }>((resolve) => {
      const w = window as unknown as Pictures;
      w.__pictures.length = 0;
      const timeline = document.querySelector('[data-testid="timeline"]')!;
      const store = (window as unknown as { __sidecarLabStore: { getState(): { text: string; trace: unknown; setText(t: string): void } } }).__sidecarLabStore;
      const before = store.getState().trace;
      const obs = new MutationObserver(() => {
        // Idle work of the drawing before the edit (a recentred layer) may still change the
        // timeline while the engine runs: only the first change that draws the edit's trace counts.
        if (store.getState().trace === before) return;
        obs.disconnect();
        resolve({ picture: w.__pictures[w.__pictures.length - 1] ?? -1, stale: document.querySelectorAll('[data-testid="lane"][data-stale]').length });
      });
      obs.observe(timeline, { subtree: true, childList: true, attributes: true, characterData: true });
      store.getState().setText(store.getState().text.replace('exitAfter: 4s', 'exitAfter: 6s'));
    }));
    expect(first.stale).toBeGreaterThan(0);
    expect(first.picture).toBeGreaterThan(0);
    return first.picture;
  });

  const whole = await test.step('once every lane is drawn, the canvas is drawn again with every mark', async () => {
    await everyLaneDrawn(page);
    await expect.poll(async () => (await pictures()).length).toBeGreaterThanOrEqual(2);
    const last = (await pictures()).at(-1)!;
    expect(last).toBeGreaterThan(atFirstChange);
    return last;
  });

  await test.step('exactly as many as a fresh load of the same text draws', async () => {
    await page.reload();
    await expect(page.getByTestId('lane')).toHaveCount(41);
    await everyLaneDrawn(page);
    await expect.poll(async () => (await pictures()).at(-1)).toBe(whole);
  });
});
