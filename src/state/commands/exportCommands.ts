// Downloads: the drawn timeline as SVG, PNG or an animated WebM of playback (drawn by the page),
// the trace as JSON.

import { exportMeta } from '../exportMeta';
import type { Command, CommandContext } from './types';
import { hasTrace } from './viewHelpers';

export const exportSvg: Command = {
  id: 'exportSvg', label: 'Download the timeline as SVG', group: 'Export', keys: [], enabled: hasTrace,
  run: ({ store, exporter }) => exporter?.svg(exportMeta(store.getState())),
};

export const exportPng: Command = {
  id: 'exportPng', label: 'Download the timeline as PNG', group: 'Export', keys: [], enabled: hasTrace,
  run: ({ store, exporter }) => exporter?.png(exportMeta(store.getState())),
};

export const exportJson: Command = {
  id: 'exportJson', label: 'Download the trace as JSON', group: 'Export', keys: [], enabled: hasTrace,
  run({ store, download }) {
    const { trace, podName } = store.getState();
    if (trace && download) download(`${podName || 'pod'}-trace.json`, 'application/json', `${JSON.stringify(trace, null, 2)}\n`);
  },
};

/** Records the cursor moving over the drawn window as a WebM; the cursor comes back where it was. */
export function runWebmExport({ store, exporter }: CommandContext, onProgress?: (done: number, total: number) => void): Promise<void> {
  const s = store.getState();
  if (!s.trace || !exporter?.webm) return Promise.resolve();
  const before = s.cursorTime;
  const end = s.trace.end;
  return exporter.webm({
    end,
    at(t) {
      store.getState().setCursorTime(t);
      return exportMeta(store.getState());
    },
    restore: () => store.getState().setCursorTime(before ?? end),
    ...(onProgress ? { onProgress } : {}),
  });
}

export const exportWebm: Command = {
  id: 'exportWebm', label: 'Download playback as a WebM video', group: 'Export', keys: [], enabled: hasTrace,
  run: (ctx) => void runWebmExport(ctx),
};
