// The engine's Web Worker: thin on purpose. It answers each request with the engine's result,
// or with an error response when anything throws; a long run also says how far it is, which
// tells the page it is working, not hung. A result's whys travel as a table (whyWire.ts).

import { handleRunRequest } from './handle';
import { toPosted, type ReadyMessage, type RunRequest } from './protocol';

self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { message, transfer } = toPosted(handleRunRequest(event.data, (progress) => self.postMessage(progress)));
  self.postMessage(message, { transfer });
};

self.postMessage({ kind: 'ready' } satisfies ReadyMessage);
