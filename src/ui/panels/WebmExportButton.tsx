// The animated export beside SVG/PNG: records playback of the drawn window as a WebM video
// (state/commands/exportCommands.ts runWebmExport, ui/timeline/export/webm.ts), saying how far it is.

import { useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { exportWebm, runWebmExport } from '../../state/commands/exportCommands';
import { commandContext } from './commandContext';

export function WebmExportButton() {
  const hasTrace = useAppStore((s) => (exportWebm.enabled ? exportWebm.enabled(s) : true));
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const supported = commandContext.exporter?.webm !== undefined;
  const why = supported ? exportWebm.label : 'This browser cannot record a video of the canvas (no MediaRecorder with WebM).';
  const record = () => {
    if (progress) return;
    setProgress([0, 1]);
    void runWebmExport(commandContext, (done, total) => setProgress([done, total])).finally(() => setProgress(null));
  };
  return (
    <button type="button" className="tool-button" data-testid="export-webm" data-command={exportWebm.id}
      aria-label={`WebM: ${why}`} title={why} disabled={!hasTrace || !supported} aria-busy={progress ? true : undefined} onClick={record}>
      {progress ? `WebM ${Math.round((100 * progress[0]) / progress[1])}%` : 'WebM'}
    </button>
  );
}
