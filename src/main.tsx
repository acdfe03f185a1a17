// The page's entry, tiny on purpose (issue 16): it starts the engine worker first when the first
// timeline needs it, so the worker's load runs beside the app's own code (page.tsx, preloaded by
// index.html: see preloadApp.ts) instead of after it, then starts the app. A page opening on the
// default scenario draws it from the build's answer and starts the worker after its first frame
// (state/firstRun.ts).

import { firstRunNeedsWorker } from './state/firstRun';
import { startEarlyWorker } from './worker/earlyWorker';
import { canSpawnWorker, newEngineWorker } from './worker/spawn';

/** localStorage, or null where reading it throws (storage turned off). */
function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

if (canSpawnWorker() && firstRunNeedsWorker(pageStorage(), location.hash)) startEarlyWorker(newEngineWorker);
void import('./page');
