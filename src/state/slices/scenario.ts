// What the user is editing: the scenario text and the Kubernetes version picked in the header.

import { NEWEST_VERSION, type KubeVersion } from '../../engine/version';
import type { SliceCreator } from './types';

export interface ScenarioSlice {
  text: string;
  kubernetesVersion: KubeVersion;
  setText(text: string): void;
  setVersion(version: KubeVersion): void;
}

export const createScenarioSlice = (initialText: string): SliceCreator<ScenarioSlice> => (set) => ({
  text: initialText,
  kubernetesVersion: NEWEST_VERSION,
  setText: (text) => set({ text }),
  setVersion: (kubernetesVersion) => set({ kubernetesVersion }),
});
