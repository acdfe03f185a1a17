// Downloads: the drawn timeline as SVG or PNG (drawn by the page), the trace as JSON.

import { exportMeta } from '../exportMeta';
import type { Command } from './types';
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
