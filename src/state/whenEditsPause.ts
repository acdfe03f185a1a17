// Work that must not compete with a burst of typing at all (not even between its keystrokes):
// monaco-yaml's worker starting, a megabyte of script and a schema to compile, ~0.4 s of CPU on
// another core. Started at the first keystroke after the editor took the focus, it slowed the
// redraws of the keystrokes after it on two cores; started once typing pauses, it costs none (the
// 95th percentile of 20 keystrokes typed after a 2 s pause, the build before the deferral and this
// one in turn, four rounds each: 62.9 and 59.8 ms).

import type { AppStore } from './store';

/** Resolves once the scenario's text has gone `quietMs` without a change, counted from now. */
export function whenEditsPause(store: AppStore, quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.text === prev.text) return;
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    function done() {
      unsubscribe();
      resolve();
    }
  });
}
