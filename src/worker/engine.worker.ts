// The engine's Web Worker: thin on purpose. It answers each request with the engine's result,
// or with an error response when anything throws; a long run also says how far it is, which
// tells the page it is working, not hung. A result's events travel packed (traceWire.ts).
// Between requests it warms the engine's code up on the last big text (warmUp.ts).

import { handleRunRequest, runWarmUpSlice } from './handle';
import { toPosted, type ReadyMessage, type RunRequest } from './protocol';
import { WarmUpPlan, WarmUpSchedule } from './warmUp';

const warmUp = new WarmUpSchedule(new WarmUpPlan(), runWarmUpSlice, {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

self.onmessage = (event: MessageEvent<RunRequest>) => {
  warmUp.cancel();
  const started = performance.now();
  const response = handleRunRequest(event.data, (progress) => self.postMessage(progress));
  const ms = performance.now() - started;
  const { message, transfer } = toPosted(response);
  self.postMessage(message, { transfer });
  const trace = response.kind === 'result' ? response.result.trace : undefined;
  warmUp.afterRun({ text: event.data.text, kubernetesVersion: event.data.kubernetesVersion, ms, horizon: trace?.end, events: trace?.events.length ?? 0 });
};

self.postMessage({ kind: 'ready' } satisfies ReadyMessage);
