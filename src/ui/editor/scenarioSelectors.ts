// Store selectors for what the scenario text says about the simulation: its Kubernetes version
// and feature gates (the picker and the gate toggles show them), and the containers the schema
// offers. Each returns a value that is stable while what it reads is unchanged.

import type { AppState } from '../../state/store';
import type { KubeVersion } from '../../engine/version';
import { readSimulationSettings, scenarioVersion, type SimulationSettings } from './simulationSettings';

/**
 * The version in effect: the Simulation document's kubernetesVersion when it names a supported
 * one, else the store's (the newest, unless something set another); the engine decides the same way.
 */
export const selectEffectiveVersion = (s: AppState): KubeVersion => scenarioVersion(s.text) ?? s.kubernetesVersion;

/** What the Simulation document sets (cached per text). */
export const selectSimulationSettings = (s: AppState): SimulationSettings => readSimulationSettings(s.text);

/** The container names of the last valid scenario, one per line ('' before the first trace). */
export const selectContainerNames = (s: AppState): string =>
  s.trace ? [...new Set(s.trace.containers.map((c) => c.name))].join('\n') : '';

/** The engine has answered at least once (with a result or an error). */
export const selectEngineAnswered = (s: AppState): boolean => s.result !== null || s.engineError !== null;
