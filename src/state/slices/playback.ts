// Playback of the cursor through simulated time: playing or not, and how many simulated seconds
// pass per wall-clock second.

import type { SliceCreator } from './types';

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
}

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set) => ({
  playing: false,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
});
