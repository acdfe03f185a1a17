// Whether the page's first timeline needs the engine worker, asked by the tiny entry (main.tsx)
// before the app's code has loaded (issue 16). With nothing saved and no link in the address the
// page opens on the default scenario, whose answer the build computed (prebuiltResults.ts): the
// worker is then started after the first frame, for the run that confirms it, so that its
// 300 kB load does not compete with the first frame's. Otherwise it starts at once, beside the
// app's load, as the first run needs it.

import { splitFragment } from '../share/url';
import { SCENARIO_KEY } from './scenarioKey';

export function firstRunNeedsWorker(storage: Pick<Storage, 'getItem'> | null, hash: string): boolean {
  if (splitFragment(hash).kind === 'link') return true;
  try {
    return storage?.getItem(SCENARIO_KEY) != null;
  } catch {
    return true;
  }
}
