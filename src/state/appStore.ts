// The page's store: the saved text (or the default scenario), the React hook to read it, and
// the start-up that wires the engine runner and the persistence to it.

import { useStore } from 'zustand';
import { createEngineClient } from '../worker/client';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { browserStorage, loadScenarioText, persistScenarioText } from './persistence';
import { startEngineRunner } from './runner';
import { createAppStore, type AppState } from './store';
import { cursorFromUrl } from './urlCursor';

const storage = browserStorage();

export const appStore = createAppStore(loadScenarioText(storage) ?? DEFAULT_SCENARIO);

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Starts the engine and the persistence; returns the function that stops both. */
export function startApp(): () => void {
  const t = cursorFromUrl(location.href);
  if (t !== null) appStore.setState({ cursorTime: t });
  const client = createEngineClient();
  const stopRunner = startEngineRunner(appStore, client);
  const stopPersist = persistScenarioText(appStore, storage);
  return () => {
    stopRunner();
    stopPersist();
    client.dispose();
  };
}
