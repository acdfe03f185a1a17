// A button that exports playback as an animation (WebmExportButton, GifExportButton): while it
// runs it says how far it is, and a Cancel button beside it stops it (the cursor comes back, no
// file is saved).

import { useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import type { ExportProgress } from '../../state/commands/exportCommands';
import type { Command, CommandContext } from '../../state/commands/types';
import { commandContext } from './commandContext';
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
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const running = useRef<AbortController | null>(null);
  const why = unsupported ?? command.label;
  const start = () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress([0, 1]);
    void run(commandContext, (done, total) => setProgress([done, total]), controller.signal).finally(() => {
      running.current = null;
      setProgress(null);
    });
  };
  return (
    <>
      <button type="button" className="tool-button anim-export" data-testid={testId} data-command={command.id}
        aria-label={`${word}: ${why}`} title={why} disabled={!hasTrace || unsupported !== undefined} aria-busy={progress ? true : undefined} onClick={start}>
        {progress ? `${word} ${Math.round((100 * progress[0]) / progress[1])}%` : word}
      </button>
      {progress && (
        <button type="button" className="tool-button anim-export" data-testid={`${testId}-cancel`} aria-label={`Cancel the ${word} export`}
          onClick={() => running.current?.abort()}>
          Cancel
        </button>
      )}
    </>
  );
}
