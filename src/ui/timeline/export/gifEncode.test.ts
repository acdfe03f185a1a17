import { describe, expect, it } from 'vitest';
import { gifPalette, gifWriter } from './gifEncode';
import { GIF_FRAME_MS, GIF_FRAMES, GIF_LAST_FRAME_MS, GIF_MAX_WIDTH, GIF_PALETTE_FRAMES, gifDelay, gifPaletteFrames, gifSize } from './gifPlan';
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

/** Encodes the frames as gif.ts does: one palette from the frames gifPaletteFrames picks. */
function encodeFrames(width: number, height: number, pictures: Rgb[][]): Uint8Array {
  const pixels = pictures.map(rgba);
  const writer = gifWriter(width, height, gifPalette(gifPaletteFrames(pixels.length).map((i) => pixels[i]!)));
  pixels.forEach((p, i) => writer.add(p, gifDelay(i, pixels.length)));
  return writer.finish();
}

function encode(width: number, height: number, cursors: number[]): Uint8Array {
  return encodeFrames(width, height, cursors.map((x) => frame(width, height, x)));
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
    expect(() => gifWriter(4, 4, [[0, 0, 0]]).add(new Uint8ClampedArray(10), 100)).toThrow(/4×4 frame has 64 bytes/);
  });
});

describe('gifPalette: one palette from frames spread over the clip, so late colours come out right', () => {
  const CRASH: Rgb = [214, 39, 40];
  const READY: Rgb = [44, 160, 44];
  /** Frame i of n: the page with its cursor, and from the middle on a caption in the crash's red, at the end a green bar too. */
  function clipFrame(i: number, n: number): Rgb[] {
    return frame(120, 40, 3 + i).map((px, p) => {
      const x = p % 120;
      const y = Math.floor(p / 120);
      if (i >= n / 2 && y >= 30 && x >= 60 && x < 100) return CRASH;
      if (i === n - 1 && y < 4 && x >= 20 && x < 50) return READY;
      return px;
    });
  }

  it('shows every frame as it went in, the red that appears mid-clip and the green of the last frame included', () => {
    const n = 12;
    const pictures = Array.from({ length: n }, (_, i) => clipFrame(i, n));
    const shown = composeFrames(readGif(encodeFrames(120, 40, pictures)));
    pictures.forEach((p, i) => expect(shown[i], `frame ${i}`).toEqual(p));
  });

  it('has a slot for each colour of every sample, not only the first frame\'s', () => {
    const pictures = [frame(120, 40, 3), clipFrame(11, 12)].map(rgba);
    const fromFirst = gifPalette([pictures[0]!]);
    const fromBoth = gifPalette(pictures);
    const has = (palette: number[][], c: Rgb) => palette.some((q) => q[0] === c[0] && q[1] === c[1] && q[2] === c[2]);
    expect(has(fromFirst, CRASH)).toBe(false);
    expect(has(fromBoth, CRASH)).toBe(true);
    expect(has(fromBoth, READY)).toBe(true);
    expect([WHITE, INK, CURSOR].every((c) => has(fromBoth, c))).toBe(true);
  });

  it('reads the samples it is given, whatever their buffers (never a view past their ends)', () => {
    const backing = new Uint8ClampedArray(8 * 4);
    backing.set([255, 0, 0, 255], 0);
    backing.set([0, 0, 255, 255], 4 * 4);
    const palette = gifPalette([backing.subarray(4 * 4, 8 * 4)]);
    expect(palette.some((q) => q[0] === 0 && q[2] === 255)).toBe(true);
    expect(palette.some((q) => q[0] === 255 && q[2] === 0)).toBe(false);
  });
});

describe('gifPlan: the clip\'s shape', () => {
  it(`makes the palette from ${GIF_PALETTE_FRAMES} frames: the first, the last and evenly between`, () => {
    expect(gifPaletteFrames(GIF_FRAMES)).toEqual([0, 25, 50, 74, 99]);
    expect(gifPaletteFrames(3)).toEqual([0, 1, 2]);
    expect(gifPaletteFrames(1)).toEqual([0]);
    expect(gifPaletteFrames(0)).toEqual([]);
    expect(gifPaletteFrames(10, 2)).toEqual([0, 9]);
  });
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
