// Runs the engine whenever the text or the version changes: text edits are debounced, a version
// switch runs at once. Results go into the store with setState, from outside React.

import type { EngineClient } from '../worker/client';
import { reduceOutcome } from './slices/result';
import type { AppStore } from './store';

export const EDIT_DEBOUNCE_MS = 150;

export function startEngineRunner(store: AppStore, client: EngineClient, debounceMs = EDIT_DEBOUNCE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const runNow = async () => {
    timer = undefined;
    const { text, kubernetesVersion } = store.getState();
    const outcome = await client.run(text, kubernetesVersion);
    store.setState((s) => reduceOutcome(s, outcome));
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.text === prev.text && s.kubernetesVersion === prev.kubernetesVersion) return;
    clearTimeout(timer);
    if (!s.running) store.setState({ running: true });
    if (s.kubernetesVersion !== prev.kubernetesVersion) void runNow();
    else timer = setTimeout(() => void runNow(), debounceMs);
  });

  store.setState({ running: true });
  void runNow();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
