// One request in, one response out: the engine call both the worker and the inline fallback make.

import { runScenario } from '../engine/run';
import { errorMessage, toEngineResult, type RunRequest, type RunResponse } from './protocol';

export function handleRunRequest(req: RunRequest): RunResponse {
  try {
    const result = runScenario(req.text, { kubernetesVersion: req.kubernetesVersion });
    return { id: req.id, kind: 'result', result: toEngineResult(result) };
  } catch (err) {
    return { id: req.id, kind: 'error', message: `The engine failed: ${errorMessage(err)}` };
  }
}
