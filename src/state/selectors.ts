// Named selectors: the only way components read the store. Each returns a value that is stable
// while the state it reads is unchanged (zustand compares with Object.is).

import type { Trace } from '../engine/trace';
import type { Theme } from './slices/prefs';
import type { AppState } from './store';
import { causalLinks, type CausalLinks } from './trace/causality';
import { kubectlPodAt, kubectlRowAt, podGoneBy } from './trace/kubectlPod';
import { hasErroredProbe, hasSandboxChange } from './trace/rareEvents';

export const selectText = (s: AppState) => s.text;
export const selectProblems = (s: AppState) => s.problems;
export const selectTrace = (s: AppState) => s.trace;
export const selectPodName = (s: AppState) => s.podName;
export const selectEngineError = (s: AppState) => s.engineError;
export const selectRunning = (s: AppState) => s.running;
export const selectProgress = (s: AppState) => s.progress;
/** The shown trace was cut short by the engine's budget. */
export const selectTraceTruncated = (s: AppState) => s.trace?.truncated !== undefined;
/** The shown trace has a pod sandbox killed and re-created ([2.11]). */
export const selectTraceSandboxChanged = (s: AppState) => (s.trace ? hasSandboxChange(s.trace) : false);
export const selectTraceProbeErrored = (s: AppState) => (s.trace ? hasErroredProbe(s.trace) : false);
/** The version the shown trace ran on (the version picker's stand-in shows it while its module loads). */
export const selectTraceVersion = (s: AppState): string => s.trace?.kubernetesVersion ?? '';
export const selectRevealRequest = (s: AppState) => s.revealRequest;

/** The timeline shows an older trace: the current text has errors. */
export const selectShowingLastGood = (s: AppState) => s.trace !== null && s.result !== null && !s.result.ok;

export const selectCursorTime = (s: AppState): number => {
  const end = s.trace?.end ?? 0;
  return s.cursorTime === null ? end : Math.min(s.cursorTime, end);
};

/** The pod the kubectl strip follows: a Job's selected pod, else its newest at the cursor; undefined for a lone pod. */
export const selectKubectlPod = (s: AppState): string | undefined => (s.trace ? kubectlPodAt(s.trace, selectCursorTime(s), s.selected) : undefined);
/** The `kubectl get pod` row at the cursor: for a Job, the followed pod's own line. */
export const selectKubectlAtCursor = (s: AppState) => (s.trace ? kubectlRowAt(s.trace, selectCursorTime(s), s.selected) : undefined);
/** When the strip's pod left the API, if it did by the cursor (kubectl then finds nothing). */
export const selectKubectlGoneAt = (s: AppState): number | undefined => {
  if (!s.trace) return undefined;
  const t = selectCursorTime(s);
  return podGoneBy(s.trace, t, kubectlPodAt(s.trace, t, s.selected));
};

// Actions are created once with the store, so these never cause a re-render.
export const selectSetText = (s: AppState) => s.setText;
export const selectSetCursorTime = (s: AppState) => s.setCursorTime;
export const selectCursorToStart = (s: AppState) => s.cursorToStart;
export const selectCursorToEnd = (s: AppState) => s.cursorToEnd;
export const selectRequestReveal = (s: AppState) => s.requestReveal;

export const selectView = (s: AppState) => s.view;
export const selectSetView = (s: AppState) => s.setView;
export const selectSelected = (s: AppState) => s.selected;
export const selectSelect = (s: AppState) => s.select;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectSetSpeed = (s: AppState) => s.setSpeed;
export const selectTheme = (s: AppState) => s.theme;
/** The theme the page shows: the chosen one, or the system's. */
export const selectResolvedTheme = (s: AppState): Theme => s.theme ?? (s.systemDark ? 'dark' : 'light');
export const selectHelpOpen = (s: AppState) => s.helpOpen;
export const selectSetHelpOpen = (s: AppState) => s.setHelpOpen;
export const selectInjectOptions = (s: AppState) => s.inject;
export const selectSetInjectOptions = (s: AppState) => s.setInjectOptions;
export const selectNotice = (s: AppState) => s.notice;

const causalityCache = new WeakMap<Trace, CausalLinks>();
/** Cause and effect links of the current trace: one object per trace, answering one event at a time (issue 16). */
export const selectCausality = (s: AppState): CausalLinks | null => {
  if (!s.trace) return null;
  let c = causalityCache.get(s.trace);
  if (!c) {
    c = causalLinks(s.trace);
    causalityCache.set(s.trace, c);
  }
  return c;
};
/** The links only while an event is selected: a run is drawn without looking any up (issue 16). */
export const selectCausalityOfSelection = (s: AppState): CausalLinks | null => (s.selected === null ? null : selectCausality(s));
