import type { Command } from './types';

export const toggleHelp: Command = {
  id: 'toggleHelp',
  label: 'Show / hide the keyboard shortcuts',
  group: 'Page',
  keys: ['?'],
  run({ store }) {
    const s = store.getState();
    s.setHelpOpen(!s.helpOpen);
  },
};
