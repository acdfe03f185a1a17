// What a pane draws from, for the boundaries that try again when it changes (RetryBoundary.tsx,
// used by PaneBoundary.tsx and editor/EditorLoadBoundary.tsx): the text, the engine's answer and
// the problems.

import { useAppStore } from '../../state/appStore';
import { selectProblems, selectText, selectTrace } from '../../state/selectors';

/** The pane's input now, as a list a boundary compares item by item. */
export function usePaneInput(): readonly unknown[] {
  const text = useAppStore(selectText);
  const trace = useAppStore(selectTrace);
  const problems = useAppStore(selectProblems);
  return [text, trace, problems];
}
