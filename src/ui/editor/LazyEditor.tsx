// The editor, loaded on demand: the timeline paints first, Monaco's chunks arrive after. Monaco
// (3.5 MB) is not even asked for until the engine has answered once (or says a long run is under
// way, or EDITOR_WAIT_MS have passed), and never before the first frame is painted: fetched and
// compiled earlier, it competed with the engine worker's start, the first run and the first
// frame for the same two cores (issue 16). The placeholder shows the text meanwhile.

import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import type { AppState } from '../../state/store';
import { useFirstFrameDrawn } from '../app/firstFrame';
import { EditorPlaceholder } from './EditorPlaceholder';
import './editor.css';

const EditorPane = lazy(() => import('./EditorPane'));

/** The longest the editor waits for the engine's first answer before loading anyway. */
export const EDITOR_WAIT_MS = 1500;

const selectFirstFrameDone = (s: AppState): boolean => s.result !== null || s.engineError !== null || s.progress !== null;

function useEditorMayLoad(): boolean {
  const drawn = useFirstFrameDrawn();
  const answered = useAppStore(selectFirstFrameDone);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (answered) return;
    const timer = setTimeout(() => setWaited(true), EDITOR_WAIT_MS);
    return () => clearTimeout(timer);
  }, [answered]);
  // Once asked for, it stays: a later edit that clears the result must not unload Monaco.
  const [go, setGo] = useState(false);
  useEffect(() => {
    if (drawn && (answered || waited) && !go) setGo(true);
  }, [drawn, answered, waited, go]);
  return go || (drawn && (answered || waited));
}

export function LazyEditor() {
  if (!useEditorMayLoad()) return <EditorPlaceholder />;
  return (
    <Suspense fallback={<EditorPlaceholder />}>
      <EditorPane />
    </Suspense>
  );
}
