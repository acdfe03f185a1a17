// Downloads: the drawn timeline as SVG, PNG or an animated WebM or GIF of playback (drawn by the
// page), the trace as JSON.

import { exportMeta } from '../exportMeta';
import type { AppStore } from '../store';
import type { Command, CommandContext, PlaybackFrames } from './types';
import { hasTrace } from './viewHelpers';

/** A download that could not be made is said in the page's live region, not swallowed. */
export function sayWhyNot(store: AppStore, file: string): (reason: unknown) => void {
  return (reason) => store.getState().announce(`No ${file} was downloaded: ${reason instanceof Error ? reason.message : String(reason)}.`);
}

export const exportSvg: Command = {
  id: 'exportSvg', label: 'Download the timeline as SVG', group: 'Export', keys: [], enabled: hasTrace,
  run({ store, exporter }) {
    void exporter?.svg(exportMeta(store.getState())).catch(sayWhyNot(store, 'SVG'));
  },
};

export const exportPng: Command = {
  id: 'exportPng', label: 'Download the timeline as PNG', group: 'Export', keys: [], enabled: hasTrace,
  run({ store, exporter }) {
    void exporter?.png(exportMeta(store.getState())).catch(sayWhyNot(store, 'PNG'));
  },
};

export const exportJson: Command = {
  id: 'exportJson', label: 'Download the trace as JSON', group: 'Export', keys: [], enabled: hasTrace,
  run({ store, download }) {
    const { trace, podName } = store.getState();
    if (trace && download) download(`${podName || 'pod'}-trace.json`, 'application/json', `${JSON.stringify(trace, null, 2)}\n`);
  },
};

/** A progress report: `done` frames of `total`. */
export type ExportProgress = (done: number, total: number) => void;

/** The frames of an animated export: the cursor walks the window; afterwards it comes back where it was. */
function playbackFrames({ store }: CommandContext, onProgress?: ExportProgress, signal?: AbortSignal): PlaybackFrames | null {
  const s = store.getState();
  if (!s.trace) return null;
  const before = s.cursorTime;
  const end = s.trace.end;
  return {
    end,
    at(t) {
      store.getState().setCursorTime(t);
      return exportMeta(store.getState());
    },
    restore: () => store.getState().setCursorTime(before ?? end),
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  };
}

/** Records the cursor moving over the drawn window as a WebM. */
export function runWebmExport(ctx: CommandContext, onProgress?: ExportProgress, signal?: AbortSignal): Promise<void> {
  const frames = playbackFrames(ctx, onProgress, signal);
  return frames && ctx.exporter?.webm ? ctx.exporter.webm(frames) : Promise.resolve();
}

/** The same frames as an animated GIF. */
export function runGifExport(ctx: CommandContext, onProgress?: ExportProgress, signal?: AbortSignal): Promise<void> {
  const frames = playbackFrames(ctx, onProgress, signal);
  return frames && ctx.exporter?.gif ? ctx.exporter.gif(frames) : Promise.resolve();
}

export const exportWebm: Command = {
  id: 'exportWebm', label: 'Download playback as a WebM video', group: 'Export', keys: [], enabled: hasTrace,
  run: (ctx) => void runWebmExport(ctx),
};

export const exportGif: Command = {
  id: 'exportGif', label: 'Download playback as an animated GIF', group: 'Export', keys: [], enabled: hasTrace,
  run: (ctx) => void runGifExport(ctx),
};
