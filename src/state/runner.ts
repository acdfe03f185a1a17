// Runs the engine whenever the text changes (the version is in it): at once when the engine is idle;
// while a run is in flight, further edits coalesce into one run of the newest text (latest wins).
// A long run (one that reports progress) is cancelled by an edit instead of waited for. A result
// for a text that has since changed is dropped, not shown. Results go into the store with
// setState, from outside React.

import type { EngineClient } from '../worker/client';
import { reduceOutcome } from './slices/result';
import type { AppStore } from './store';

export function startEngineRunner(store: AppStore, client: EngineClient): () => void {
  let inFlight = false;
  let stopped = false;

  const drain = async () => {
    inFlight = true;
    try {
      while (!stopped) {
        const { text } = store.getState();
        const outcome = await client.run(text, undefined, (progress) => {
          if (!stopped) store.setState({ progress });
        });
        if (stopped) return;
        const now = store.getState();
        if (now.text === text) {
          store.setState((s) => reduceOutcome(s, outcome));
          return;
        }
        // The text changed while the engine worked: run again with the newest one.
      }
    } finally {
      inFlight = false;
    }
  };

  const request = () => {
    const { running, progress } = store.getState();
    if (!running) store.setState({ running: true });
    if (!inFlight) {
      void drain();
    } else if (progress) {
      // The run under way is a long one, for a text that is now outdated: stop it; drain() then
      // runs the newest text at once.
      store.setState({ progress: null });
      client.cancel();
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.text === prev.text) return;
    request();
  });

  request();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
