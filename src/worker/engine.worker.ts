// The engine's Web Worker: thin on purpose. It answers each request with the engine's result,
// or with an error response when anything throws; a long run also says how far it is, which
// tells the page it is working, not hung.

import { handleRunRequest } from './handle';
import type { ReadyMessage, RunRequest } from './protocol';

self.onmessage = (event: MessageEvent<RunRequest>) => {
  self.postMessage(handleRunRequest(event.data, (progress) => self.postMessage(progress)));
};

self.postMessage({ kind: 'ready' } satisfies ReadyMessage);
