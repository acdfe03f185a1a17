// What the user is editing: the scenario text. The Kubernetes version, feature gates and events
// are in the text's Simulation document and derived from it (state/simulationDoc), never kept
// beside it.

import type { SliceCreator } from './types';

export interface ScenarioSlice {
  text: string;
  setText(text: string): void;
}

export const createScenarioSlice = (initialText: string): SliceCreator<ScenarioSlice> => (set) => ({
  text: initialText,
  setText: (text) => set({ text }),
});
