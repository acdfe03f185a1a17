import { SPEEDS } from '../slices/playback';
import type { AppStore } from '../store';
import type { Command } from './types';

function shift(store: AppStore, by: number) {
  const s = store.getState();
  const i = SPEEDS.indexOf(s.speed);
  s.setSpeed(SPEEDS[Math.min(Math.max(i + by, 0), SPEEDS.length - 1)]!);
}

export const faster: Command = {
  id: 'faster', label: 'Faster playback', group: 'Playback', keys: [']'],
  run: ({ store }) => shift(store, 1),
};

export const slower: Command = {
  id: 'slower', label: 'Slower playback', group: 'Playback', keys: ['['],
  run: ({ store }) => shift(store, -1),
};
