// Store selectors for what the scenario text's Simulation document sets (the version in effect
// is state/selectors.ts selectVersion). Derived from the text, memoised by text in read.ts.

import type { AppState } from '../store';
import { readSimulationSettings, type SimulationSettings } from './read';

/** The kubernetesVersion as written, supported or not. */
export const selectWrittenVersion = (s: AppState): string | undefined => readSimulationSettings(s.text).version;

/** What the Simulation document sets. */
export const selectSimulationSettings = (s: AppState): SimulationSettings => readSimulationSettings(s.text);
