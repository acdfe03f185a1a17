// A button that runs a command; its label, shortcut and enabled state come from the command.

import { useAppStore } from '../../state/appStore';
import { keyLabel, type Command } from '../../state/commands/types';
import { runCommand } from './commandContext';

export function CommandButton({ command, children, pressed, testId, className = 'tool-button' }: {
  command: Command; children: string; pressed?: boolean; testId?: string; className?: string;
}) {
  // The accessible name starts with the visible words (WCAG 2.5.3), then says what it does.
  const words = children.replace(/[^\p{L}\p{N} ]/gu, '').trim();
  const name = words ? `${words}: ${command.label}` : command.label;
  const enabled = useAppStore((s) => (command.enabled ? command.enabled(s) : true));
  const keys = command.keys.slice(0, 1).map(keyLabel);
  const title = keys.length ? `${command.label} (${keys.join(', ')})` : command.label;
  return (
    <button
      type="button"
      className={className}
      onClick={() => runCommand(command)}
      disabled={!enabled}
      title={title}
      aria-label={name}
      aria-keyshortcuts={command.keys.length ? command.keys.map((k) => (k === ' ' ? 'Space' : k)).join(' ') : undefined}
      aria-pressed={pressed}
      data-command={command.id}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
