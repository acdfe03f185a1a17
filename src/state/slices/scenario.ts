// What the user is editing: the scenario text. The Kubernetes version, feature gates and events
// are in the text's Simulation document and derived from it (state/simulationDoc), never kept
// beside it.

import type { SliceCreator } from './types';

export interface ScenarioSlice {
  text: string;
  /**
   * Replaces the text. The notice of the last command goes with the old text (Prev/Next's "0.5 s:
   * init-myservice: …" named containers a pasted scenario may not have); a command that edits the
   * text announces what it did after this.
   */
  setText(text: string): void;
}

export const createScenarioSlice = (initialText: string): SliceCreator<ScenarioSlice> => (set, get) => ({
  text: initialText,
  setText: (text) => set(text === get().text ? { text } : { text, notice: '' }),
});
