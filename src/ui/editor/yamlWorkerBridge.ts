// monaco-yaml 5.5 asks Monaco for its worker the pre-0.54 way ({ moduleId, label, createData }).
// Monaco's full entry (editor.main.js) adapts such calls; we import the slimmer editor.api, so
// this file does the same adaptation, for monaco-yaml only, without changing Monaco itself.
//
// It also guards the worker: a request for a model that is not YAML any more (the editor turns a
// huge text or an alias bomb into plain text) gets an empty answer instead of reaching the
// worker. The check runs after the model was synced, right before the request is made, so a
// request queued while the worker was starting cannot carry a bomb pasted in the meantime
// (yaml-language-server expands aliases without limit and would stay busy for good).
//
// And it drops requests nobody waits for any more: one Monaco cancelled while it waited for its
// turn (the hold: the engine's answer to the text of the moment, state/afterAnswer.ts; the
// completion list closed, the text changed under the folding, code actions, links or outline:
// providerTokens.ts reads the token), and a validation of a text that has changed since (it has
// no token, and its provider throws such an answer away). Sent, they only kept the worker busy
// while the engine ran the next keystroke: when the worker first started, a reader's first
// keystrokes had queued validations, completions, folding and code actions for texts long gone
// (issue 16, the 40-container pod).

import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js';
import { currentRequestToken, trackingLanguages } from './providerTokens';

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

/**
 * The request that has no cancellation token: validation, which monaco-marker-data-provider asks
 * 500 ms after the last change and whose answer it drops when the model's version moved on.
 */
export const VERSION_CHECKED = 'doValidation';

/** `proxy`, whose validation answers undefined at once when `changed()`. */
function dropOldValidation(proxy: object, changed: () => boolean): object {
  return new Proxy(proxy, {
    get: (target, prop, receiver) => (prop === VERSION_CHECKED && changed() ? () => Promise.resolve(undefined) : Reflect.get(target, prop, receiver)),
  });
}

/** The version of each resource's model now (undefined: no model). */
function versionsOf(monaco: Monaco, resources: readonly Uri[]): (number | undefined)[] {
  return resources.map((uri) => monaco.editor.getModel(uri)?.getVersionId());
}

/** Whether any of these models changed since `asked` was read (versionsOf, same resources). */
export function changedSince(monaco: Monaco, resources: readonly Uri[], asked: readonly (number | undefined)[]): boolean {
  return versionsOf(monaco, resources).some((v, i) => v !== asked[i]);
}

const noHold = () => Promise.resolve();

/**
 * A view of `monaco` whose createWebWorker starts `startWorker()` (a worker, or the promise of one
 * started later) and hands it createData; each request reaches the worker once `hold()` has
 * settled, if its model is still YAML and Monaco still wants the answer. Providers registered through
 * the view record their calls' cancellation tokens (providerTokens.ts).
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
        const token = currentRequestToken();
        const asked = versionsOf(monaco, resources);
        const unwanted = () => blockedFor(monaco, resources) || token?.isCancellationRequested === true;
        await hold();
        if (unwanted()) return SILENT_PROXY;
        const proxy = await inner.withSyncedResources(resources);
        if (unwanted()) return SILENT_PROXY;
        return dropOldValidation(proxy as object, () => changedSince(monaco, resources, asked));
      },
    };
    return guarded;
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker }, languages: trackingLanguages(monaco.languages) } as unknown as Monaco;
}
