import type { Command } from './types';
import { hasTrace } from './viewHelpers';

/** Back to the default view: the interesting part of the trace. */
export const fit: Command = {
  id: 'fit',
  label: 'Fit to the interesting part',
  group: 'View',
  keys: ['f'],
  enabled: hasTrace,
  run({ store }) {
    store.getState().setView(null);
  },
};
