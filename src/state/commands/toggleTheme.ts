import { selectResolvedTheme } from '../selectors';
import type { Command } from './types';

export const toggleTheme: Command = {
  id: 'toggleTheme',
  label: 'Light / dark theme',
  group: 'Page',
  keys: ['t'],
  run({ store }) {
    const s = store.getState();
    s.setTheme(selectResolvedTheme(s) === 'dark' ? 'light' : 'dark');
  },
};
