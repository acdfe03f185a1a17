import type { Command } from './types';
import { hasTrace } from './viewHelpers';

export const togglePlay: Command = {
  id: 'togglePlay',
  label: 'Play / pause',
  group: 'Playback',
  keys: [' ', 'k'],
  enabled: hasTrace,
  run({ store }) {
    const s = store.getState();
    s.setPlaying(!s.playing);
  },
};
