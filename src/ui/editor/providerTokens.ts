// Which of Monaco's requests is asking, for the YAML worker's bridge (yamlWorkerBridge.ts): Monaco
// hands each provider call a cancellation token, and cancels it when the answer is no longer
// wanted (the completion list closed, the pointer left the hover, the text changed under the
// folding, code actions, links or outline). monaco-yaml does not pass that token on to its
// worker, so a request queued behind the engine's run (state/afterAnswer.ts) went to the worker
// even when Monaco had given up on it. Providers registered through `trackingLanguages` record
// their call's token while the call runs synchronously, which is when monaco-yaml asks the bridge
// for its worker (monaco-worker-manager's getWorker is synchronous): the bridge reads it then.

import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js';

type Languages = typeof MonacoApi.languages;

/** The part of Monaco's CancellationToken the bridge reads. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

let asking: CancellationLike | undefined;

/** The token of the provider call running now, synchronously; undefined outside one (validation: no token). */
export function currentRequestToken(): CancellationLike | undefined {
  return asking;
}

function isToken(x: unknown): x is CancellationLike {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as { isCancellationRequested?: unknown; onCancellationRequested?: unknown };
  return typeof t.isCancellationRequested === 'boolean' && typeof t.onCancellationRequested === 'function';
}

/** `provider`, whose methods make the token Monaco passes them the current one while they run. */
export function tokenTracking<T extends object>(provider: T): T {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let token: CancellationLike | undefined;
        for (const arg of args) if (isToken(arg)) token = arg;
        const outer = asking;
        asking = token;
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          asking = outer;
        }
      };
    },
  });
}

/** `languages`, whose register…Provider functions register token-tracking providers. */
export function trackingLanguages(languages: Languages): Languages {
  const view: Record<string, unknown> = { ...languages };
  for (const [key, value] of Object.entries(languages)) {
    if (!/^register\w*Provider$/.test(key) || typeof value !== 'function') continue;
    const register = value as (selector: unknown, provider: object, ...rest: unknown[]) => unknown;
    view[key] = (selector: unknown, provider: object, ...rest: unknown[]) => register(selector, tokenTracking(provider), ...rest);
  }
  return view as unknown as Languages;
}
