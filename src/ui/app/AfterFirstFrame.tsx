// Children that the first frame does not need (issue 16): the panels under the timeline (the
// selection, the containers table, the events) mount once the first frame, with its lanes, is
// painted, so that frame styles and lays out about 40 % fewer elements. They sit below the
// timeline, so nothing above them moves when they come.

import type { ReactNode } from 'react';
import { useFirstFrameDrawn } from './firstFrame';

export function AfterFirstFrame({ children }: { children: ReactNode }) {
  return useFirstFrameDrawn() ? children : null;
}
