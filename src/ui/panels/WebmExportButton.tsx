// The animated export beside SVG/PNG: records playback of the drawn window as a WebM video
// (state/commands/exportCommands.ts runWebmExport, ui/timeline/export/webm.ts), saying how far it
// is, with Cancel. Where the browser cannot record WebM it says so and points to GIF.

import { exportWebm, runWebmExport } from '../../state/commands/exportCommands';
import { commandContext } from './commandContext';
import { PlaybackExportButton } from './PlaybackExportButton';

export function WebmExportButton() {
  const supported = commandContext.exporter?.webm !== undefined;
  return (
    <PlaybackExportButton command={exportWebm} word="WebM" testId="export-webm" run={runWebmExport}
      unsupported={supported ? undefined : 'This browser cannot record a video of the canvas (no MediaRecorder with WebM): export a GIF instead.'} />
  );
}
