// The animated export as a GIF (state/commands/exportCommands.ts runGifExport,
// ui/timeline/export/gif.ts): made in the page, so it works where WebM cannot be recorded, and it
// is what slide tools embed.

import { exportGif, runGifExport } from '../../state/commands/exportCommands';
import { PlaybackExportButton } from './PlaybackExportButton';

export function GifExportButton() {
  return <PlaybackExportButton command={exportGif} word="GIF" testId="export-gif" run={runGifExport} />;
}
