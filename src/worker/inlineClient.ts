// The engine on the main thread, behind the same interface as the worker. The engine is loaded
// with a dynamic import, so it stays out of the page's first chunk.

import { errorMessage, runRequest } from './protocol';
import { STALE, toOutcome, type EngineClient, type InlineRunner, type RunOutcome } from './outcome';

export const importAndRun: InlineRunner = async (req) => {
  const { handleRunRequest } = await import('./handle');
  return handleRunRequest(req);
};

export function createInlineClient(runInline: InlineRunner = importAndRun): EngineClient {
  let latestId = 0;
  return {
    async run(text, kubernetesVersion): Promise<RunOutcome> {
      const id = ++latestId;
      let outcome: RunOutcome;
      try {
        outcome = toOutcome(await runInline(runRequest(id, text, kubernetesVersion)));
      } catch (err) {
        outcome = { kind: 'error', message: `The engine failed: ${errorMessage(err)}` };
      }
      return id === latestId ? outcome : STALE;
    },
    cancel() {
      // The inline engine cannot be interrupted; its answer is dropped.
      latestId++;
    },
    dispose() {
      latestId++;
    },
  };
}
