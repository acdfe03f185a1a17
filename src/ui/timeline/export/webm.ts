// The animated export: the cursor moves across the drawn window and each frame (the standalone
// SVG of standaloneSvg.ts: title, version, cursor caption, legend) is painted on a canvas that a
// MediaRecorder records as WebM, made entirely in the browser. Frames are held for a fixed wall
// time, so the video plays at a steady pace whatever each frame took to draw.

import type { PlaybackFrames } from '../../../state/commands/types';
import type { DrawnTimeline } from './exporter';
import { standaloneSvg } from './standaloneSvg';
import { webmType } from './webmType';

const FRAMES = 48;
const FRAME_MS = 125; // 8 frames a second: a 6 s clip

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function loadImage(svgText: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the frame could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}

/** The times of the frames: the drawn window, clipped to the run, evenly. */
export function frameTimes(t0: number, t1: number, end: number, count = FRAMES): number[] {
  const from = Math.max(0, t0);
  const to = Math.max(from, Math.min(end, t1));
  return Array.from({ length: count }, (_, i) => Math.round((from + ((to - from) * i) / (count - 1)) * 1000) / 1000);
}

/** Records the frames; resolves with the video once the recorder has flushed it. */
export async function recordWebm(timeline: () => DrawnTimeline | null, frames: PlaybackFrames): Promise<Blob | null> {
  const type = webmType();
  const first = timeline();
  if (!type || !first) return null;
  const times = frameTimes(first.scale.t0, first.scale.t1, frames.end);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const chunks: Blob[] = [];
  let recorder: MediaRecorder | null = null;
  try {
    for (let i = 0; i < times.length; i++) {
      const started = performance.now();
      const meta = frames.at(times[i]!);
      await nextPaint();
      const t = timeline();
      if (!t) break;
      const svg = standaloneSvg(t, meta);
      const img = await loadImage(svg.text);
      if (!recorder) {
        // Even sizes: video encoders want them.
        canvas.width = Math.ceil(svg.width / 2) * 2;
        canvas.height = Math.ceil(svg.height / 2) * 2;
      }
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0);
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
  await sleep(FRAME_MS); // the last frame is held too
  await new Promise<void>((resolve) => {
    rec.onstop = () => resolve();
    rec.stop();
  });
  return new Blob(chunks, { type: 'video/webm' });
}
