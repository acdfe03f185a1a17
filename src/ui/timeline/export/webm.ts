// The animated export as a video: the cursor moves across the drawn window and each frame
// (frameSource.ts: the standalone SVG with title, version, cursor caption, legend) is painted on
// a canvas that a MediaRecorder records as WebM, made entirely in the browser. Frames are held
// for a fixed wall time, so the video plays at a steady pace whatever each frame took to draw.
// Cancelling (frames.signal) stops the recorder and gives nothing.

import type { PlaybackFrames } from '../../../state/commands/types';
import type { DrawnTimeline } from './exporter';
import { fitPicture, framePicture, frameTimes } from './frameSource';
import { webmType } from './webmType';

const FRAMES = 48;
const FRAME_MS = 125; // 8 frames a second: a 6 s clip

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Records the frames; resolves with the video once the recorder has flushed it. */
export async function recordWebm(timeline: () => DrawnTimeline | null, frames: PlaybackFrames): Promise<Blob | null> {
  const type = webmType();
  const first = timeline();
  if (!type || !first) return null;
  const times = frameTimes(first.scale.t0, first.scale.t1, frames.end, FRAMES);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const chunks: Blob[] = [];
  let recorder: MediaRecorder | null = null;
  try {
    for (let i = 0; i < times.length; i++) {
      const started = performance.now();
      if (frames.signal?.aborted) break;
      const picture = await framePicture(timeline, frames.at(times[i]!));
      if (!picture) break;
      if (!recorder) {
        // Even sizes: video encoders want them.
        canvas.width = Math.ceil(picture.width / 2) * 2;
        canvas.height = Math.ceil(picture.height / 2) * 2;
      }
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      // A picture larger than the first (the window was resized meanwhile) is shrunk to fit.
      const fit = fitPicture(picture.width, picture.height, canvas.width, canvas.height, 1);
      ctx.drawImage(picture.img, 0, 0, fit.width, fit.height);
      if (!recorder) {
        recorder = new MediaRecorder(canvas.captureStream(1000 / FRAME_MS), { mimeType: type, videoBitsPerSecond: 2_500_000 });
        recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
        recorder.start();
      }
      frames.onProgress?.(i + 1, times.length);
      await sleep(Math.max(0, FRAME_MS - (performance.now() - started)));
    }
  } finally {
    frames.restore();
  }
  if (!recorder) return null;
  const rec = recorder;
  if (!frames.signal?.aborted) await sleep(FRAME_MS); // the last frame is held too
  await new Promise<void>((resolve) => {
    rec.onstop = () => resolve();
    rec.stop();
  });
  return frames.signal?.aborted ? null : new Blob(chunks, { type: 'video/webm' });
}
