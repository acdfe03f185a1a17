import { zoomWindow } from '../view/window';
import type { Command } from './types';
import { hasTrace, shownWindow, zoomAnchor } from './viewHelpers';

export const zoomOut: Command = {
  id: 'zoomOut',
  label: 'Zoom out',
  group: 'View',
  keys: ['s'],
  enabled: hasTrace,
  run({ store }) {
    const end = store.getState().trace?.end ?? 0;
    store.getState().setView(zoomWindow(shownWindow(store), 1 / 0.6, zoomAnchor(store), end));
  },
};
