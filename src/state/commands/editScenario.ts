// The one way commands change the scenario text: the same store action typing uses (setText),
// which the editor follows as an undoable edit and persistence saves.

import type { AppStore } from '../store';

export function editScenario(store: AppStore, edit: (text: string) => string | null, done: string): boolean {
  const s = store.getState();
  const next = edit(s.text);
  if (next === null) {
    s.announce('The scenario text has YAML errors or an unusual shape here: fix it first, or edit events: by hand.');
    return false;
  }
  s.setText(next);
  s.announce(done);
  return true;
}
