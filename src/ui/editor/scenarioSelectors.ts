// Store selectors the editor reads besides the text: the containers the schema offers, and
// whether the engine has answered. (The version and gates the text sets: state/simulationDoc.)
// Each returns a value that is stable while what it reads is unchanged.

import type { AppState } from '../../state/store';

let namesOf: { trace: AppState['trace']; names: string } = { trace: null, names: '' };

/**
 * The container names of the last valid scenario, one per line ('' before the first trace). Worked
 * out once per trace: the store calls every selector at each of its changes (a keystroke makes
 * several, playback one a frame).
 */
export const selectContainerNames = (s: AppState): string => {
  if (s.trace !== namesOf.trace) {
    namesOf = { trace: s.trace, names: s.trace ? [...new Set(s.trace.containers.map((c) => c.name))].join('\n') : '' };
  }
  return namesOf.names;
};

/** The engine has answered at least once (with a result or an error). */
export const selectEngineAnswered = (s: AppState): boolean => s.result !== null || s.engineError !== null;
