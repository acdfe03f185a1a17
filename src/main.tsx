// The page's entry, tiny on purpose (issue 16): it starts the engine worker first, so the
// worker's load runs beside the app's own code (page.tsx, preloaded by index.html: see
// preloadApp.ts) instead of after it, then starts the app.

import { startEarlyWorker } from './worker/earlyWorker';
import { canSpawnWorker, newEngineWorker } from './worker/spawn';

if (canSpawnWorker()) startEarlyWorker(newEngineWorker);
void import('./page');
