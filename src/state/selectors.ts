// Named selectors: the only way components read the store. Each returns a value that is stable
// while the state it reads is unchanged (zustand compares with Object.is).

import type { AppState } from './store';
import { kubectlAt } from './kubectlAt';

export const selectText = (s: AppState) => s.text;
export const selectVersion = (s: AppState) => s.kubernetesVersion;
export const selectProblems = (s: AppState) => s.problems;
export const selectTrace = (s: AppState) => s.trace;
export const selectPodName = (s: AppState) => s.podName;
export const selectEngineError = (s: AppState) => s.engineError;
export const selectRunning = (s: AppState) => s.running;
export const selectRevealRequest = (s: AppState) => s.revealRequest;

/** The timeline shows an older trace: the current text has errors. */
export const selectShowingLastGood = (s: AppState) => s.trace !== null && s.result !== null && !s.result.ok;

export const selectCursorTime = (s: AppState): number => {
  const end = s.trace?.end ?? 0;
  return s.cursorTime === null ? end : Math.min(s.cursorTime, end);
};

export const selectKubectlAtCursor = (s: AppState) => (s.trace ? kubectlAt(s.trace, selectCursorTime(s)) : undefined);

// Actions are created once with the store, so these never cause a re-render.
export const selectSetText = (s: AppState) => s.setText;
export const selectSetVersion = (s: AppState) => s.setVersion;
export const selectSetCursorTime = (s: AppState) => s.setCursorTime;
export const selectCursorToStart = (s: AppState) => s.cursorToStart;
export const selectCursorToEnd = (s: AppState) => s.cursorToEnd;
export const selectRequestReveal = (s: AppState) => s.requestReveal;
