// The editor, loaded on demand: the timeline paints first, Monaco's chunks arrive after. Monaco
// (3.5 MB) is not even asked for until the engine has answered once (or says a long run is under
// way, or EDITOR_WAIT_MS have passed), and never before the first frame is painted: fetched and
// compiled earlier, it competed with the engine worker's start, the first run and the first
// frame for the same two cores (issue 16). The placeholder shows the text meanwhile.
//
// Nor is it asked for while its pane is not shown: on a phone behind the Editor tab, or in
// presenter mode. A learner who opens a link on a phone, or a class watching a projector, then
// never pays Monaco's seconds of CPU while they scrub the timeline; it loads when the pane first
// shows, and stays.

import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import type { AppState } from '../../state/store';
import { useFirstFrameDrawn } from '../app/firstFrame';
import { usePaneInput } from '../app/paneInput';
import { EditorLoadBoundary } from './EditorLoadBoundary';
import { EditorPlaceholder } from './EditorPlaceholder';
import { loadMonacoCore } from './loadMonacoCore';
import './editor.css';

/** Whether the editor's code (the pane's chunk, which awaits Monaco's script) has arrived. */
let paneLoaded = false;
const isPaneLoaded = () => paneLoaded;

// Monaco's script is asked for beside the pane's chunk, not once that chunk has run.
const EditorPane = lazy(async () => {
  void loadMonacoCore().catch(() => {}); // a failure shows when the pane's chunk awaits it
  const module = await import('./EditorPane');
  paneLoaded = true;
  return module;
});

/** The longest the editor waits for the engine's first answer before loading anyway. */
export const EDITOR_WAIT_MS = 1500;

const selectFirstFrameDone = (s: AppState): boolean => s.result !== null || s.engineError !== null || s.progress !== null;

function useEditorMayLoad(shown: boolean): boolean {
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
    if (shown && drawn && (answered || waited) && !go) setGo(true);
  }, [shown, drawn, answered, waited, go]);
  return go || (shown && drawn && (answered || waited));
}

/** `shown`: whether the editor's pane is on screen (not behind the phone's Editor tab, not presenting). */
export function LazyEditor({ shown }: { shown: boolean }) {
  const input = usePaneInput();
  const mayLoad = useEditorMayLoad(shown);
  if (!mayLoad) return <EditorPlaceholder />;
  return (
    <EditorLoadBoundary loaded={isPaneLoaded} input={input}>
      {PANE}
    </EditorLoadBoundary>
  );
}

/** The pane, one element for good: a new input re-renders the boundary, not the editor (it reads the store itself). */
const PANE = (
  <Suspense fallback={<EditorPlaceholder />}>
    <EditorPane />
  </Suspense>
);
