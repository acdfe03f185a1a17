// Applies the theme to the page: <html data-theme="light|dark">, from the user's choice or the
// system's prefers-color-scheme. Runs from a store subscription, so the attribute is set before
// React redraws anything that reads the theme's CSS (the canvas marks).

import type { AppStore } from '../../state/store';
import { selectResolvedTheme } from '../../state/selectors';

export function startTheme(store: AppStore): () => void {
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const apply = () => {
    document.documentElement.dataset.theme = selectResolvedTheme(store.getState());
  };
  const onSystem = () => store.getState().setSystemDark(media?.matches ?? false);
  onSystem();
  apply();
  media?.addEventListener('change', onSystem);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.theme !== prev.theme || s.systemDark !== prev.systemDark) apply();
  });
  return () => {
    unsubscribe();
    media?.removeEventListener('change', onSystem);
  };
}
