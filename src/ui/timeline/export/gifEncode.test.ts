import { describe, expect, it } from 'vitest';
import { gifWriter } from './gifEncode';
import { GIF_FRAME_MS, GIF_FRAMES, GIF_LAST_FRAME_MS, GIF_MAX_WIDTH, gifDelay, gifSize } from './gifPlan';
import { composeFrames, readGif } from './gifStructure.testkit';

type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [29, 35, 44];
const CURSOR: Rgb = [200, 40, 40];

/** Ink that LZW cannot pack much (a fixed pseudo-random pattern), like text and bars are to it. */
const INKED = (() => {
  let seed = 7;
  return Array.from({ length: 120 * 40 }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 31 === 1;
  });
})();

/** A picture like a frame of the export: a white page with text-like ink, and a red cursor line at `cursorX`. */
function frame(width: number, height: number, cursorX: number): Rgb[] {
  return Array.from({ length: width * height }, (_, i) => {
    const x = i % width;
    const y = Math.floor(i / width);
    if (x === cursorX) return CURSOR;
    return INKED[y * 120 + x] ? INK : WHITE;
  });
}

const rgba = (pixels: Rgb[]) => Uint8ClampedArray.from(pixels.flatMap(([r, g, b]) => [r, g, b, 255]));

function encode(width: number, height: number, cursors: number[]): Uint8Array {
  const writer = gifWriter(width, height);
  cursors.forEach((x, i) => writer.add(rgba(frame(width, height, x)), gifDelay(i, cursors.length)));
  return writer.finish();
}

describe('gifWriter: the animated GIF of playback (gifenc, one palette, unchanged pixels transparent)', () => {
  const cursors = [3, 6, 9, 12, 15];
  const bytes = encode(120, 40, cursors);
  const gif = readGif(bytes);

  it('writes a GIF89a that loops forever, one image per frame, at 10 frames a second with the last held', () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('GIF89a');
    expect(gif).toMatchObject({ signature: 'GIF89a', width: 120, height: 40, loops: 0 });
    expect(gif.images).toHaveLength(cursors.length);
    expect(gif.images.map((im) => im.delayMs)).toEqual([GIF_FRAME_MS, GIF_FRAME_MS, GIF_FRAME_MS, GIF_FRAME_MS, GIF_LAST_FRAME_MS]);
    expect(gif.images.every((im) => im.width === 120 && im.height === 40 && !im.localPalette)).toBe(true);
    expect(bytes.at(-1)).toBe(0x3b);
  });

  it('shows every frame as it went in', () => {
    const shown = composeFrames(gif);
    cursors.forEach((x, i) => expect(shown[i], `frame ${i}`).toEqual(frame(120, 40, x)));
  });

  it('writes later frames as changes over the one before (transparent, left in place), much smaller than the first', () => {
    const [first, ...rest] = gif.images;
    expect(first!.transparentIndex).toBeNull();
    for (const im of rest) {
      expect(im.disposal).toBe(1);
      expect(im.transparentIndex).toBe(3); // one past the three colours
      expect(im.data.length).toBeLessThan(first!.data.length / 4);
    }
  });

  it('refuses a frame of the wrong size', () => {
    expect(() => gifWriter(4, 4).add(new Uint8ClampedArray(10), 100)).toThrow(/4×4 frame has 64 bytes/);
  });
});

describe('gifPlan: the clip\'s shape', () => {
  it('plays 10 s at 10 frames a second, holding the last', () => {
    expect(GIF_FRAMES * GIF_FRAME_MS).toBe(10_000);
    expect(gifDelay(0, GIF_FRAMES)).toBe(100);
    expect(gifDelay(GIF_FRAMES - 1, GIF_FRAMES)).toBe(GIF_LAST_FRAME_MS);
  });
  it(`downscales to at most ${GIF_MAX_WIDTH} px wide, keeping the proportions, and never enlarges`, () => {
    expect(gifSize(1920, 600)).toEqual({ width: 960, height: 300, scale: 0.5 });
    expect(gifSize(1250, 613)).toMatchObject({ width: 960, height: 471 });
    expect(gifSize(800, 400)).toEqual({ width: 800, height: 400, scale: 1 });
  });
});
