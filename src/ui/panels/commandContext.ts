// What commands run with on this page: the store, the drawn timeline's exporter, downloads.

import { appStore } from '../../state/appStore';
import type { Command, CommandContext } from '../../state/commands/types';
import { saveFile, timelineExporter } from '../timeline/export/exporter';

export const commandContext: CommandContext = { store: appStore, exporter: timelineExporter, download: saveFile };

export function runCommand(command: Command): void {
  if (command.enabled && !command.enabled(appStore.getState())) return;
  command.run(commandContext);
}
