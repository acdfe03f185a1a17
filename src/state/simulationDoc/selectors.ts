// Store selectors for what the scenario text's Simulation document sets, the version in effect
// included. Derived from the text, memoised by text in read.ts. They read YAML, so the page's
// first bundle does not import them (issue 16): the picker and the panels that use them load later.

import type { AppState } from '../store';
import type { KubeVersion } from '../../engine/version';
import { effectiveVersion, readSimulationSettings, type SimulationSettings } from './read';

/** The Kubernetes version in effect: the one the text's Simulation document names, else the newest. */
export const selectVersion = (s: AppState): KubeVersion => effectiveVersion(s.text);

/** The kubernetesVersion as written, supported or not. */
export const selectWrittenVersion = (s: AppState): string | undefined => readSimulationSettings(s.text).version;

/** What the Simulation document sets. */
export const selectSimulationSettings = (s: AppState): SimulationSettings => readSimulationSettings(s.text);
