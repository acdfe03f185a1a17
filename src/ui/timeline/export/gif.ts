// The animated export as a GIF, for browsers that cannot record WebM (Safari: no MediaRecorder
// with WebM) and for slide tools that embed GIFs: the same framed pictures as the WebM
// (frameSource.ts), downscaled to gifPlan.ts's size and encoded in the page (gifEncode.ts,
// loaded with this file at the click). No wall-clock pacing: each frame carries its delay.
// Cancelling (frames.signal) gives nothing.

import type { PlaybackFrames } from '../../../state/commands/types';
import type { DrawnTimeline } from './exporter';
import { gifWriter, type GifWriter } from './gifEncode';
import { GIF_FRAMES, gifDelay, gifSize } from './gifPlan';
import { framePicture, frameTimes } from './frameSource';

/** Draws and encodes the frames; resolves with the file, or null when cancelled or the timeline went away. */
export async function recordGif(timeline: () => DrawnTimeline | null, frames: PlaybackFrames): Promise<Blob | null> {
  const first = timeline();
  if (!first) return null;
  const times = frameTimes(first.scale.t0, first.scale.t1, frames.end, GIF_FRAMES);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  let writer: GifWriter | null = null;
  let scale = 1;
  try {
    for (let i = 0; i < times.length; i++) {
      if (frames.signal?.aborted) return null;
      const picture = await framePicture(timeline, frames.at(times[i]!));
      if (!picture) return null;
      if (!writer) {
        const size = gifSize(picture.width, picture.height);
        canvas.width = size.width;
        canvas.height = size.height;
        scale = size.scale;
        ctx.imageSmoothingQuality = 'high';
        writer = gifWriter(size.width, size.height);
      }
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(picture.img, 0, 0, picture.width * scale, picture.height * scale);
      writer.add(ctx.getImageData(0, 0, canvas.width, canvas.height).data, gifDelay(i, times.length));
      frames.onProgress?.(i + 1, times.length);
    }
  } finally {
    frames.restore();
  }
  if (!writer || frames.signal?.aborted) return null;
  return new Blob([writer.finish()], { type: 'image/gif' });
}
