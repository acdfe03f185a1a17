// Store selectors the editor reads besides the text: the containers the schema offers, and
// whether the engine has answered. (The version and gates the text sets: state/simulationDoc.)
// Each returns a value that is stable while what it reads is unchanged.

import type { AppState } from '../../state/store';

/** The container names of the last valid scenario, one per line ('' before the first trace). */
export const selectContainerNames = (s: AppState): string =>
  s.trace ? [...new Set(s.trace.containers.map((c) => c.name))].join('\n') : '';

/** The engine has answered at least once (with a result or an error). */
export const selectEngineAnswered = (s: AppState): boolean => s.result !== null || s.engineError !== null;
