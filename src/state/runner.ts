// Runs the engine whenever the text changes (the version is in it): at once when the engine is idle;
// while a run is in flight, further edits coalesce into one run of the newest text (latest wins).
// A long run (one that reports progress) is cancelled by an edit instead of waited for. A result
// for a text that has since changed is dropped, not shown. Results go into the store with
// setState, from outside React.
// A text the build already ran (prebuiltResults.ts: the default scenario) is shown at once from
// that answer, with no wait on the worker (issue 16); a live run follows (`later`: the page starts
// it once the first frame is drawn) and replaces it only if it differs, so nothing re-renders when
// they agree. A gallery lesson's answer is in a chunk of its own (`prebuiltLater`): the runner
// waits for that chunk as for a run in flight, shows the answer, then confirms it the same way;
// should the chunk not answer (or the text change meanwhile), the live run goes at once.

import type { EngineClient, RunOutcome } from '../worker/client';
import type { EngineResult } from '../worker/protocol';
import { reduceOutcome } from './slices/result';
import type { AppStore } from './store';

export interface RunnerOptions {
  /** An answer known ahead of any run for this exact text, if there is one. */
  prebuilt?: (text: string) => EngineResult | undefined;
  /** An answer known ahead but still to be loaded: a promise for a text it may hold, else undefined at once. */
  prebuiltLater?: (text: string) => Promise<EngineResult | undefined> | undefined;
  /** Starts the live run that confirms an answer shown ahead (default: at once). */
  later?: (start: () => void) => void;
  /** Hears whether that live run gave the answer shown ahead (`true`) or replaced it. */
  onConfirmed?: (same: boolean) => void;
}

/** Whether a live outcome is the answer already shown ahead for its text. */
export function sameAsShown(outcome: RunOutcome, shown: EngineResult): boolean {
  return outcome.kind === 'result' && (outcome.result === shown || JSON.stringify(outcome.result) === JSON.stringify(shown));
}

export function startEngineRunner(store: AppStore, client: EngineClient, opts: RunnerOptions = {}): () => void {
  const { prebuilt, prebuiltLater, later = (start) => start(), onConfirmed } = opts;
  let inFlight = false;
  let stopped = false;
  /** The answer shown ahead, until the live run for its text says whether it stands. */
  let shownAhead: { text: string; result: EngineResult } | null = null;

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
          const ahead = shownAhead?.text === text ? shownAhead.result : null;
          shownAhead = null;
          if (ahead && sameAsShown(outcome, ahead)) {
            if (now.running || now.progress) store.setState({ running: false, progress: null });
          } else {
            store.setState((s) => reduceOutcome(s, outcome));
          }
          if (ahead) onConfirmed?.(sameAsShown(outcome, ahead));
          return;
        }
        // The text changed while the engine worked: run again with the newest one.
      }
    } finally {
      inFlight = false;
    }
  };

  /** Shows the answer known ahead for `text`; the live run that confirms it starts `later`. */
  const showAhead = (text: string, ahead: EngineResult) => {
    shownAhead = { text, result: ahead };
    store.setState((s) => reduceOutcome(s, { kind: 'result', result: ahead }));
    // Edits before the live run starts wait for it, as they would for any run in flight.
    inFlight = true;
    later(() => void drain());
  };

  /** Waits for an answer still loading, as for a run in flight; shows it if its text is still the one. */
  const awaitAhead = async (text: string, loading: Promise<EngineResult | undefined>) => {
    inFlight = true;
    const ahead = await loading;
    if (stopped) return;
    if (ahead && store.getState().text === text) showAhead(text, ahead);
    else void drain();
  };

  const request = () => {
    const { text, running, progress } = store.getState();
    const ahead = inFlight ? undefined : prebuilt?.(text);
    if (ahead) {
      showAhead(text, ahead);
      return;
    }
    const loading = inFlight ? undefined : prebuiltLater?.(text);
    if (loading) {
      if (!running) store.setState({ running: true });
      void awaitAhead(text, loading);
      return;
    }
    if (!inFlight) {
      // The request goes to the worker first, then the store says a run is under way: that
      // setState makes every subscribed selector read the new text (the version picker's parses
      // its Simulation document), which the engine need not wait for (issue 16).
      void drain();
    } else if (progress) {
      // The run under way is a long one, for a text that is now outdated: stop it; drain() then
      // runs the newest text at once.
      store.setState({ progress: null });
      client.cancel();
    }
    if (!running) store.setState({ running: true });
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
