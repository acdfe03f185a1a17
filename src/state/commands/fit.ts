import type { Command } from './types';
import { hasTrace } from './viewHelpers';

/** Back to the default view: the whole run. */
export const fit: Command = {
  id: 'fit',
  label: 'Fit the whole run',
  group: 'View',
  keys: ['f'],
  enabled: hasTrace,
  run({ store }) {
    store.getState().setView(null);
  },
};
