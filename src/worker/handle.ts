// One request in, one response out: the engine call both the worker and the inline fallback make.

import { analyzeText } from '../engine/explain/analyzeText';
import { runScenario } from '../engine/run';
import { errorMessage, toEngineResult, toPosted, type BusyMessage, type ProgressMessage, type RunRequest, type RunResponse } from './protocol';
import type { WarmUpSlice } from './warmUp';

/**
 * Whether the text sets kubernetesVersion itself (a `kubernetesVersion:` key, as the Simulation
 * document writes it). Read without parsing; a false "yes" only drops the fallback below.
 */
const NAMES_VERSION = /(?:^|[{,])[ \t]*["']?kubernetesVersion["']?[ \t]*:/m;

/**
 * A run says how far it is at most this often, and only once it has lasted this long (counting
 * the parse), so a short run never does.
 */
export const PROGRESS_INTERVAL_MS = 200;

export function handleRunRequest(req: RunRequest, onProgress?: (msg: ProgressMessage | BusyMessage) => void, intervalMs = PROGRESS_INTERVAL_MS): RunResponse {
  try {
    let last = performance.now();
    /** Whether `intervalMs` passed since the request came or since it last said something (and restarts the wait). */
    const due = () => {
      const now = performance.now();
      if (now - last < intervalMs) return false;
      last = now;
      return true;
    };
    const progress = onProgress && ((t: number, horizon: number) => {
      if (due()) onProgress({ id: req.id, kind: 'progress', t, horizon });
    });
    // While a long text is read (twice for a real pod: the check, then the parse) the worker
    // says it is busy, so the page's watchdog does not take a slow read for a hang.
    const busy = onProgress && (() => {
      if (due()) onProgress({ id: req.id, kind: 'busy' });
    });
    return answer(req, {}, progress, busy);
  } catch (err) {
    return { id: req.id, kind: 'error', message: `The engine failed: ${errorMessage(err)}` };
  }
}

/**
 * A warm-up slice (warmUp.ts): the same calls as a request of this text, up to the slice's
 * horizon, and the result made ready to post as a worker would; then dropped.
 */
export function runWarmUpSlice(slice: WarmUpSlice): void {
  const req: RunRequest = slice.kubernetesVersion === undefined ? { id: 0, text: slice.text } : { id: 0, text: slice.text, kubernetesVersion: slice.kubernetesVersion };
  toPosted(answer(req, { until: slice.until }));
}

function answer(req: RunRequest, extra: { until?: number }, progress?: (t: number, horizon: number) => void, busy?: () => void): RunResponse {
  // The version picker writes into the scenario's Simulation document, so the text is the
  // truth: the request's version (a compare side's) only applies to a text that names none.
  const names = req.text.includes('kubernetesVersion') && NAMES_VERSION.test(req.text);
  const opts = names || req.kubernetesVersion === undefined ? { ...extra } : { ...extra, kubernetesVersion: req.kubernetesVersion };
  const analysis = analyzeText(req.text, opts, busy);
  if (analysis.kind === 'explain') {
    const { input, problems } = analysis;
    return { id: req.id, kind: 'result', result: { ok: input.pods.length > 0, problems, explain: input } };
  }
  const result = toEngineResult(runScenario(req.text, opts, { onProgress: progress, onReadStep: busy }));
  if (analysis.hint) result.problems = [analysis.hint, ...result.problems];
  return { id: req.id, kind: 'result', result };
}
