// Applying an edit of the Simulation document (the version picker, the gate toggles) to the
// store's text, with the reason when it cannot be made. The mounted editor takes the new text
// as one undoable edit.

import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';
import type { AppStore } from '../store';

/** Applies `edit` to the scenario text; returns why it could not, or null. */
export function writeSimulationEdit(store: AppStore, edit: (text: string) => string | null): string | null {
  const text = store.getState().text;
  const next = edit(text);
  if (next === null) {
    return text.length > MAX_TEXT_CHARS
      ? 'The scenario is too large to edit its Simulation document from here.'
      : 'Could not write this into the Simulation document: it has a YAML error or is written in flow style. Fix it in the editor, or change it there by hand.';
  }
  if (next !== text) store.getState().setText(next);
  return null;
}
