import { panWindow } from '../view/window';
import type { Command } from './types';
import { hasTrace, shownWindow } from './viewHelpers';

export const panLeft: Command = {
  id: 'panLeft',
  label: 'Pan left',
  group: 'View',
  keys: ['a'],
  enabled: hasTrace,
  run({ store }) {
    const w = shownWindow(store);
    const end = store.getState().trace?.end ?? 0;
    store.getState().setView(panWindow(w, (w.t1 - w.t0) * -0.2, end));
  },
};
