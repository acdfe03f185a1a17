import { zoomWindow } from '../view/window';
import type { Command } from './types';
import { hasTrace, shownWindow, zoomAnchor } from './viewHelpers';

export const zoomIn: Command = {
  id: 'zoomIn',
  label: 'Zoom in',
  group: 'View',
  keys: ['w'],
  enabled: hasTrace,
  run({ store }) {
    const end = store.getState().trace?.end ?? 0;
    store.getState().setView(zoomWindow(shownWindow(store), 0.6, zoomAnchor(store), end));
  },
};
