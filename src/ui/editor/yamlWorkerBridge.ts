// monaco-yaml 5.5 asks Monaco for its worker the pre-0.54 way ({ moduleId, label, createData }).
// Monaco's full entry (editor.main.js) adapts such calls; we import the slimmer editor.api, so
// this file does the same adaptation, for monaco-yaml only, without changing Monaco itself.
//
// It also guards the worker: a request for a model that is not YAML any more (the editor turns a
// huge text or an alias bomb into plain text) gets an empty answer instead of reaching the
// worker. The check runs after the model was synced, right before the request is made, so a
// request queued while the worker was starting cannot carry a bomb pasted in the meantime
// (yaml-language-server expands aliases without limit and would stay busy for good).

import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js';

type Monaco = typeof MonacoApi;
type Uri = MonacoApi.Uri;

interface LegacyWorkerOptions {
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
}

interface WorkerLike<T> {
  dispose(): void;
  getProxy(): Promise<T>;
  withSyncedResources(resources: Uri[]): Promise<T>;
}

/** A worker proxy whose every method answers undefined at once (monaco-yaml then shows nothing). */
export const SILENT_PROXY: unknown = new Proxy({}, {
  get: (_target, prop) => (prop === 'then' ? undefined : () => Promise.resolve(undefined)),
});

/** Whether requests about these resources must not reach the YAML worker. */
export function blockedFor(monaco: Monaco, resources: readonly Uri[]): boolean {
  return resources.some((uri) => {
    const model = monaco.editor.getModel(uri);
    return !model || model.getLanguageId() !== 'yaml';
  });
}

const noHold = () => Promise.resolve();

/**
 * A view of `monaco` whose createWebWorker starts `startWorker()` (a worker, or the promise of one
 * started later) and hands it createData; each request reaches the worker once `hold()` has settled.
 */
export function withLegacyWorkerApi(monaco: Monaco, startWorker: () => Worker | Promise<Worker>, hold: () => Promise<void> = noHold): Monaco {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    const worker = Promise.resolve(startWorker()).then((w) => {
      // The same two messages Monaco's own adapter sends: a no-op, then the init data.
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    const inner = monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels ?? false }) as WorkerLike<unknown>;
    const guarded: WorkerLike<unknown> = {
      dispose: () => inner.dispose(),
      getProxy: () => inner.getProxy(),
      async withSyncedResources(resources) {
        await hold();
        if (blockedFor(monaco, resources)) return SILENT_PROXY;
        const proxy = await inner.withSyncedResources(resources);
        return blockedFor(monaco, resources) ? SILENT_PROXY : proxy;
      },
    };
    return guarded;
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as Monaco;
}
