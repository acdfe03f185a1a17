import type { Command } from './types';
import { hasTrace } from './viewHelpers';

/** The whole trace, from 0 to its end. */
export const showAll: Command = {
  id: 'showAll',
  label: 'Show the whole trace',
  group: 'View',
  keys: ['0'],
  enabled: hasTrace,
  run({ store }) {
    const end = store.getState().trace?.end ?? 0;
    store.getState().setView({ t0: 0, t1: end });
  },
};
