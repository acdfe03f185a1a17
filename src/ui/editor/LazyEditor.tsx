// The editor, loaded on demand: the timeline paints first, Monaco's chunks arrive after.

import { lazy, Suspense } from 'react';
import { EditorPlaceholder } from './EditorPlaceholder';
import './editor.css';

const EditorPane = lazy(() => import('./EditorPane'));

export function LazyEditor() {
  return (
    <Suspense fallback={<EditorPlaceholder />}>
      <EditorPane />
    </Suspense>
  );
}
