// The page's store: the saved text (or the default scenario), the React hook to read it, and
// the start-up that wires the engine runner, playback and persistence to it.

import { useStore } from 'zustand';
import { createEngineClient } from '../worker/client';
import { afterAnswer } from './afterAnswer';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { loadHistory } from './history/keepOwnWork';
import { watchOtherTabs } from './history/otherTabs';
import { browserStorage, loadScenarioText, loadTheme, persistScenarioText, persistTheme } from './persistence';
import { startPlaybackDriver } from './playback/driver';
import { whenFirstFrameDrawn } from './firstFrame';
import { prebuiltLesson, prebuiltResult } from './prebuiltResults';
import { startEngineRunner } from './runner';
import { createAppStore, type AppState, type AppStore } from './store';
import { cursorFromUrl } from './urlCursor';
import { presentFromUrl } from './present/presentLink';
import { startPresentSync } from './present/presentSync';

const storage = browserStorage();

export const appStore = createAppStore(loadScenarioText(storage) ?? DEFAULT_SCENARIO);

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

declare global {
  interface Window {
    /** The store, for end-to-end checks and the bench (e.g. to load a generated trace). */
    __sidecarLabStore?: AppStore;
    /** Whether the live run confirmed the timeline shown from the build's answer (end-to-end checks). */
    __sidecarLabPrebuilt?: 'confirmed' | 'replaced';
  }
}

/**
 * Saves the text on every change (once the edit's timeline is drawn) and when the page goes away,
 * keeps the history, hears other tabs.
 */
function persistWork(): () => void {
  appStore.getState().setHistory(loadHistory(storage));
  const stopSaving = persistScenarioText(appStore, storage, window, (save) => afterAnswer(appStore, save));
  const stopWatching = watchOtherTabs(appStore, storage);
  return () => {
    stopSaving();
    stopWatching();
  };
}

/** Starts the engine, playback and persistence; returns the function that stops them. */
export function startApp(): () => void {
  const t = cursorFromUrl(location.href);
  if (t !== null) appStore.setState({ cursorTime: t });
  appStore.setState({ theme: loadTheme(storage) });
  const client = createEngineClient();
  const stopPlayback = startPlaybackDriver(appStore);
  const stopPresent = startPresentSync(appStore, presentFromUrl(location.href));
  // The embedded view (?embed, set by ui/share's startShare) never writes over the user's saved text.
  const stopPersist = appStore.getState().embed ? () => {} : persistWork();
  const stopTheme = persistTheme(appStore, storage);
  window.__sidecarLabStore = appStore;
  // Last, so everything above hears the first trace, which a prebuilt answer gives at once.
  const stopRunner = startEngineRunner(appStore, client, {
    prebuilt: prebuiltResult,
    prebuiltLater: prebuiltLesson,
    later: (start) => { whenFirstFrameDrawn(start); },
    onConfirmed: (same) => { window.__sidecarLabPrebuilt = same ? 'confirmed' : 'replaced'; },
  });
  return () => {
    stopRunner();
    stopPlayback();
    stopPresent();
    stopPersist();
    stopTheme();
    client.dispose();
    delete window.__sidecarLabStore;
  };
}
