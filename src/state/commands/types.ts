// Commands as objects (excalidraw's actions): one file per command, used alike by buttons,
// keyboard shortcuts and the help overlay. A command reads and writes the store; what needs the
// page (downloads of the drawn timeline) comes in through the context.

import type { ExportMeta } from '../exportMeta';
import type { AppState, AppStore } from '../store';

/** What the page lends commands that need the DOM. */
export interface TimelineExporter {
  /**
   * `meta`: the title, version and cursor caption drawn around the lanes. Settles once the file is
   * handed to the browser; rejects, saying why in words, when none could be made.
   */
  svg(meta: ExportMeta): Promise<void>;
  png(meta: ExportMeta): Promise<void>;
  /** The animated export (WebM), absent where the browser cannot record a canvas. */
  webm?(frames: PlaybackFrames): Promise<void>;
  /** The animated export as a GIF, made in the page (any browser with a canvas). */
  gif?(frames: PlaybackFrames): Promise<void>;
}

/** What an animated export plays: the cursor moved to `t` gives that frame's caption; `restore` puts the cursor back. */
export interface PlaybackFrames {
  end: number;
  at(t: number): ExportMeta;
  restore(): void;
  onProgress?(done: number, total: number): void;
  /** Aborted: stop drawing, put the cursor back and download nothing. */
  signal?: AbortSignal;
}

export interface CommandContext {
  store: AppStore;
  exporter?: TimelineExporter | undefined;
  /** A file download (the JSON trace); the page provides it. */
  download?: ((name: string, type: string, data: string | Blob) => void) | undefined;
}

export type CommandGroup = 'Playback' | 'View' | 'Selection' | 'Export' | 'Page';

export interface Command {
  id: string;
  label: string;
  group: CommandGroup;
  /** KeyboardEvent.key values that run it (letters lower-case); the first few are shown. */
  keys: readonly string[];
  /** Keys that only act while the timeline has focus (arrows, Home, End would scroll otherwise). */
  timelineOnly?: boolean;
  enabled?(s: AppState): boolean;
  run(ctx: CommandContext): void;
}

/** A key as the help overlay prints it. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Delete: 'Delete', Backspace: 'Backspace',
  };
  return names[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}
