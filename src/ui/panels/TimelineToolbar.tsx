// The row above the timeline: playback (play/pause, speed, steps), view (zoom, pan, fit) and
// downloads, in one row at 1280 px and wider (the page's theme and shortcut buttons are in the
// header: PageTools); narrower, the downloads wait behind "More" (MoreMenu), on a phone the view
// tools too, so the row stays one row. Every button is a command (state/commands).

import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../state/appStore';
import { exportJson, exportPng, exportSvg } from '../../state/commands/exportCommands';
import { fit } from '../../state/commands/fit';
import { panLeft } from '../../state/commands/panLeft';
import { panRight } from '../../state/commands/panRight';
import { stepNext, stepPrev } from '../../state/commands/step';
import { togglePlay } from '../../state/commands/togglePlay';
import { zoomIn } from '../../state/commands/zoomIn';
import { zoomOut } from '../../state/commands/zoomOut';
import { SPEEDS, type Speed } from '../../state/slices/playback';
import { selectPlaying, selectSetSpeed, selectSpeed } from '../../state/selectors';
import { MoreMenu } from '../app/MoreMenu';
import { PHONE } from '../app/PhoneTabs';
import { useMediaQuery } from '../app/useMediaQuery';
import { CommandButton } from './CommandButton';
import { GifExportButton } from './GifExportButton';
import { KubectlWatchButton } from './KubectlWatchButton';
import { anyExportRunning, subscribeExportRuns } from './playbackExportRuns';
import { WebmExportButton } from './WebmExportButton';

/** Zoom, pan and fit: in the row, or on a phone behind "More" (pinch and drag do the same there). */
function ViewTools() {
  return (
    <div className="tool-group" aria-label="View" role="group">
      <CommandButton command={zoomIn} testId="zoom-in">+</CommandButton>
      <CommandButton command={zoomOut} testId="zoom-out">−</CommandButton>
      <CommandButton command={panLeft}>◀</CommandButton>
      <CommandButton command={panRight}>▶</CommandButton>
      <CommandButton command={fit} testId="fit">Fit</CommandButton>
    </div>
  );
}

export function TimelineToolbar() {
  const phone = useMediaQuery(PHONE);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const setSpeed = useAppStore(selectSetSpeed);
  // A WebM or GIF export goes on when the window narrows and its button moves behind More: say so there.
  const exporting = useSyncExternalStore(subscribeExportRuns, anyExportRunning);
  return (
    <div className="toolbar" role="toolbar" aria-label="Timeline controls">
      <div className="tool-group" aria-label="Playback" role="group">
        <CommandButton command={stepPrev} testId="step-prev">‹ Prev</CommandButton>
        <CommandButton command={togglePlay} pressed={playing} testId="play">{playing ? '❚❚ Pause' : '▶ Play'}</CommandButton>
        <CommandButton command={stepNext} testId="step-next">Next ›</CommandButton>
        <label className="tool-select">
          <span className="tool-select-word">speed</span>
          <select data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
      </div>
      {!phone && <ViewTools />}
      <MoreMenu label={phone ? 'More timeline tools: view, downloads and kubectl -w' : 'More timeline tools: downloads and kubectl -w'} testId="toolbar-more"
        busy={exporting ? 'an export is running' : undefined}>
      {phone && <ViewTools />}
      <div className="tool-group" aria-label="Download" role="group">
        <CommandButton command={exportSvg} testId="export-svg">SVG</CommandButton>
        <CommandButton command={exportPng} testId="export-png">PNG</CommandButton>
        <WebmExportButton />
        <GifExportButton />
        <CommandButton command={exportJson} testId="export-json">JSON</CommandButton>
        <KubectlWatchButton />
      </div>
      </MoreMenu>
    </div>
  );
}
