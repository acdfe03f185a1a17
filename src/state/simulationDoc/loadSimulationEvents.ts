// The text edits of events (events.ts) parse YAML, and the page's first bundle leaves
// the YAML parser out (issue 16): the module loads on the first edit that needs it, or earlier
// when the page warms it after the first frame. Once loaded, edits apply at once, as before.

type SimulationEvents = typeof import('./events');

let loaded: SimulationEvents | null = null;
let loading: Promise<SimulationEvents> | null = null;

export function loadSimulationEvents(): Promise<SimulationEvents> {
  loading ??= import('./events').then((m) => (loaded = m));
  return loading;
}

/**
 * Runs `use` with the module: at once (its answer returned) when it is loaded, else once it is
 * (the answer is then the promise's). Edits made before it loads apply in the order made.
 */
export function withSimulationEvents<T>(use: (m: SimulationEvents) => T): T | Promise<T> {
  if (loaded) return use(loaded);
  return loadSimulationEvents().then(use);
}
