// The page's keyboard shortcuts: a key runs the command that lists it (state/commands), unless
// the user is typing (inputs, the editor) or the key belongs to a focused control.

import { useEffect } from 'react';
import { commandForKey } from '../../state/commands/registry';
import { runCommand } from '../panels/commandContext';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true;
  return false;
}

/** Keys a focused button or handle handles itself. */
const OWN_KEYS = new Set([' ', 'Enter', 'Delete', 'Backspace']);

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('button, [role="button"], a') && OWN_KEYS.has(e.key)) return;
      if (target?.closest('[role="dialog"]') && e.key !== '?' && e.key !== 'Escape') return;
      const inTimeline = !!target?.closest('[data-testid="timeline"]');
      const command = commandForKey(e.key, inTimeline);
      if (!command) return;
      e.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
