// Every command with a shortcut, in the order the help overlay lists them, and the lookup the
// keyboard handler uses.

import { exportGif, exportJson, exportPng, exportSvg, exportWebm } from './exportCommands';
import { fit } from './fit';
import { panLeft } from './panLeft';
import { panRight } from './panRight';
import { clearSelection, removeSelected } from './selection';
import { showAll } from './showAll';
import { faster, slower } from './speed';
import { stepNext, stepPrev, toEnd, toStart } from './step';
import { toggleHelp } from './toggleHelp';
import { togglePlay } from './togglePlay';
import { toggleTheme } from './toggleTheme';
import type { Command } from './types';
import { zoomIn } from './zoomIn';
import { zoomOut } from './zoomOut';

export const COMMANDS: readonly Command[] = [
  togglePlay, stepPrev, stepNext, toStart, toEnd, slower, faster,
  zoomIn, zoomOut, panLeft, panRight, fit, showAll,
  clearSelection, removeSelected,
  exportSvg, exportPng, exportWebm, exportGif, exportJson,
  toggleTheme, toggleHelp,
];

/** The command a key runs, if any. `inTimeline`: the key was pressed with the timeline focused. */
export function commandForKey(key: string, inTimeline: boolean): Command | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return COMMANDS.find((c) => c.keys.includes(k) && (!c.timelineOnly || inTimeline));
}
