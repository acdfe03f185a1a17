// Presenter mode's keys, ahead of the page's shortcuts (presenterKey.ts says which key does what).

import { useEffect } from 'react';
import { presentChooseNth, presentGoTo, presentNext, presentPrev, stopPresenting } from '../../state/present/controller';
import type { AppStore } from '../../state/store';
import { focusKind, presenterAction } from './presenterKey';

export function usePresenterKeys(store: AppStore, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const action = presenterAction(e, focusKind(e.target instanceof Element ? e.target : null));
      if (!action) return;
      if (action.kind === 'next') presentNext(store);
      else if (action.kind === 'prev') presentPrev(store);
      else if (action.kind === 'first') presentGoTo(store, 'first');
      else if (action.kind === 'last') presentGoTo(store, 'last');
      else if (action.kind === 'exit') stopPresenting(store);
      else if (!presentChooseNth(store, action.nth)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, active]);
}
