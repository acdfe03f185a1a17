// monaco-yaml 5.5 asks Monaco for its worker the pre-0.54 way ({ moduleId, label, createData }).
// Monaco's full entry (editor.main.js) adapts such calls; we import the slimmer editor.api, so
// this file does the same adaptation, for monaco-yaml only, without changing Monaco itself.

import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js';

type Monaco = typeof MonacoApi;

interface LegacyWorkerOptions {
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
}

/** A view of `monaco` whose createWebWorker starts `startWorker()` and hands it createData. */
export function withLegacyWorkerApi(monaco: Monaco, startWorker: () => Worker): Monaco {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    const worker = Promise.resolve(startWorker()).then((w) => {
      // The same two messages Monaco's own adapter sends: a no-op, then the init data.
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels ?? false });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as Monaco;
}
