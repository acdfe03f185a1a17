// The animated export as a GIF, for browsers that cannot record WebM (Safari: no MediaRecorder
// with WebM) and for slide tools that embed GIFs: the same framed pictures as the WebM
// (frameSource.ts), downscaled to gifPlan.ts's size and encoded in the page (gifEncode.ts,
// loaded with this file at the click). No wall-clock pacing: each frame carries its delay.
// The few frames the palette is made from (gifPaletteFrames: first, last and between) are drawn
// first and kept until their turn, so every frame is still drawn once. Cancelling
// (frames.signal) gives nothing.

import type { PlaybackFrames } from '../../../state/commands/types';
import type { DrawnTimeline } from './exporter';
import { gifPalette, gifWriter } from './gifEncode';
import { GIF_FRAMES, gifDelay, gifPaletteFrames, gifSize } from './gifPlan';
import { fitPicture, framePicture, frameTimes } from './frameSource';

/** Draws and encodes the frames; resolves with the file, or null when cancelled or the timeline went away. */
export async function recordGif(timeline: () => DrawnTimeline | null, frames: PlaybackFrames): Promise<Blob | null> {
  const first = timeline();
  if (!first) return null;
  const times = frameTimes(first.scale.t0, first.scale.t1, frames.end, GIF_FRAMES);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  // The GIF's size, from the first picture drawn; every later one is drawn at its scale (smaller
  // if the window was resized meanwhile: fitPicture).
  const gif = { width: 0, height: 0, scale: 1 };
  let drawn = 0;
  /** Frame i's pixels at the GIF's size; null when cancelled or the timeline went away. */
  const pixels = async (i: number): Promise<Uint8ClampedArray | null> => {
    if (frames.signal?.aborted) return null;
    const picture = await framePicture(timeline, frames.at(times[i]!));
    if (!picture) return null;
    if (drawn === 0) {
      Object.assign(gif, gifSize(picture.width, picture.height));
      canvas.width = gif.width;
      canvas.height = gif.height;
      ctx.imageSmoothingQuality = 'high';
    }
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const fit = fitPicture(picture.width, picture.height, gif.width, gif.height, gif.scale);
    ctx.drawImage(picture.img, 0, 0, fit.width, fit.height);
    frames.onProgress?.(++drawn, times.length);
    return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  try {
    const sampled = new Map<number, Uint8ClampedArray>();
    for (const i of gifPaletteFrames(times.length)) {
      const data = await pixels(i);
      if (!data) return null;
      sampled.set(i, data);
    }
    const writer = gifWriter(gif.width, gif.height, gifPalette([...sampled.values()]));
    for (let i = 0; i < times.length; i++) {
      const data = sampled.get(i) ?? (await pixels(i));
      if (!data) return null;
      sampled.delete(i);
      writer.add(data, gifDelay(i, times.length));
    }
    if (frames.signal?.aborted) return null;
    return new Blob([writer.finish()], { type: 'image/gif' });
  } finally {
    frames.restore();
  }
}
