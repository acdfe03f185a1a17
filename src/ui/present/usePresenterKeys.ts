// Presenter mode's keys, ahead of the page's shortcuts: → / PageDown / Space / N for the next
// step (a presentation clicker sends PageDown), ← / PageUp / P for the previous one, Esc to leave.

import { useEffect } from 'react';
import { presentNext, presentPrev, stopPresenting } from '../../state/present/controller';
import type { AppStore } from '../../state/store';

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'n']);
const PREV = new Set(['ArrowLeft', 'PageUp', 'p']);

export function usePresenterKeys(store: AppStore, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .monaco-editor')) return;
      // A focused button keeps Space and Enter for itself.
      if (e.key === ' ' && target?.closest('button')) return;
      if (NEXT.has(e.key)) presentNext(store);
      else if (PREV.has(e.key)) presentPrev(store);
      else if (e.key === 'Escape') stopPresenting(store);
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, active]);
}
