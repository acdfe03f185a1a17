// A button that exports playback as an animation (WebmExportButton, GifExportButton): while it
// runs it says how far it is, and a Cancel button beside it stops it (the cursor comes back, no
// file is saved); the other export's button waits, disabled, saying why. The run lives in playbackExportRuns.ts, not here, so it survives the button
// moving between the toolbar and the More panel when the window crosses 1,280 px.

import { useCallback, useSyncExternalStore } from 'react';
import { useAppStore } from '../../state/appStore';
import type { ExportProgress } from '../../state/commands/exportCommands';
import type { Command, CommandContext } from '../../state/commands/types';
import { commandContext } from './commandContext';
import { cancelExportRun, exportRunProgress, otherExportRunning, startExportRun, subscribeExportRuns } from './playbackExportRuns';
import './playbackExport.css';

export interface PlaybackExportProps {
  command: Command;
  /** The button's word, e.g. "GIF"; while running, followed by the percentage. */
  word: string;
  testId: string;
  /** Why it is disabled when this browser cannot make it; undefined when it can. */
  unsupported?: string | undefined;
  run(ctx: CommandContext, onProgress: ExportProgress, signal: AbortSignal): Promise<void>;
}

export function PlaybackExportButton({ command, word, testId, unsupported, run }: PlaybackExportProps) {
  const hasTrace = useAppStore((s) => (command.enabled ? command.enabled(s) : true));
  const progress = useSyncExternalStore(subscribeExportRuns, useCallback(() => exportRunProgress(testId), [testId]));
  const waiting = useSyncExternalStore(subscribeExportRuns, useCallback(() => otherExportRunning(testId), [testId]));
  const why = unsupported ?? (waiting ? 'Another export is under way: one at a time, as each one moves the cursor' : command.label);
  const start = () => {
    void startExportRun(testId, (onProgress, signal) => run(commandContext, onProgress, signal));
  };
  return (
    <>
      <button type="button" className="tool-button anim-export" data-testid={testId} data-command={command.id}
        aria-label={`${word}: ${why}`} title={why} disabled={!hasTrace || unsupported !== undefined || waiting} aria-busy={progress ? true : undefined} onClick={start}>
        {progress ? `${word} ${Math.round((100 * progress.done) / progress.total)}%` : word}
      </button>
      {progress && (
        <button type="button" className="tool-button anim-export" data-testid={`${testId}-cancel`} aria-label={`Cancel the ${word} export`}
          onClick={() => cancelExportRun(testId)}>
          Cancel
        </button>
      )}
    </>
  );
}
