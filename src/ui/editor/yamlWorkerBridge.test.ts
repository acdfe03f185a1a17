import { describe, expect, it } from 'vitest';
import { blockedFor, changedSince, SILENT_PROXY, VERSION_CHECKED, withLegacyWorkerApi } from './yamlWorkerBridge';

type Monaco = Parameters<typeof withLegacyWorkerApi>[0];
type Proxied = { doValidation(): Promise<unknown>; doComplete(): Promise<unknown> };

/** A Monaco stand-in with one model whose language the test sets, and a worker that records calls. */
function fakeMonaco() {
  const model = { lang: 'yaml', version: 1, getLanguageId() { return this.lang; }, getVersionId() { return this.version; } };
  const calls: string[] = [];
  const hooks = { onSync: () => {} };
  const proxy = {
    doValidation: async () => { calls.push('doValidation'); return ['diagnostic']; },
    doComplete: async () => { calls.push('doComplete'); return ['restartPolicy']; },
  };
  const registered: object[] = [];
  const monaco = {
    languages: { registerCompletionItemProvider: (_selector: unknown, provider: object) => { registered.push(provider); } },
    editor: {
      getModel: (uri: { path: string }) => (uri.path === '/scenario.yaml' ? model : null),
      createWebWorker: () => ({
        dispose() {},
        getProxy: async () => proxy,
        withSyncedResources: async () => { calls.push('sync'); hooks.onSync(); return proxy; },
      }),
    },
  } as unknown as Monaco;
  return { monaco, model, calls, hooks, registered };
}

/** A cancellation token as Monaco passes it. */
function token() {
  return { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
}

const uri = { path: '/scenario.yaml' } as unknown as Parameters<typeof blockedFor>[1][number];

describe('the YAML worker guard', () => {
  it('lets requests about a YAML model through', async () => {
    const { monaco, calls } = fakeMonaco();
    const worker = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker).editor
      .createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<{ doValidation(): Promise<unknown> }> };
    expect(await (await worker.withSyncedResources([uri])).doValidation()).toEqual(['diagnostic']);
    expect(calls).toEqual(['sync', 'doValidation']);
  });

  it('answers nothing, without the worker, once the model is plain text (a huge text, an alias bomb)', async () => {
    const { monaco, model, calls } = fakeMonaco();
    const worker = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker).editor
      .createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<{ doValidation(): Promise<unknown> }> };
    model.lang = 'plaintext';
    expect(await (await worker.withSyncedResources([uri])).doValidation()).toBeUndefined();
    expect(calls).toEqual([]);
    expect(blockedFor(monaco, [{ path: '/other.yaml' } as never])).toBe(true);
    // Not a thenable, so awaiting it gives the proxy itself.
    expect(await Promise.resolve(SILENT_PROXY)).toBe(SILENT_PROXY);
  });

  it('also when the text turned into a bomb while the worker was starting (the request was queued before)', async () => {
    const { monaco, model, calls, hooks } = fakeMonaco();
    hooks.onSync = () => { model.lang = 'plaintext'; };
    const worker = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker).editor
      .createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<{ doValidation(): Promise<unknown> }> };
    expect(await (await worker.withSyncedResources([uri])).doValidation()).toBeUndefined();
    expect(calls).toEqual(['sync']);
  });
});

describe('the YAML worker hold', () => {
  it('syncs the model and asks the worker only once the hold settles', async () => {
    const { monaco, calls } = fakeMonaco();
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const worker = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker, () => held).editor
      .createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<{ doValidation(): Promise<unknown> }> };
    const answer = worker.withSyncedResources([uri]).then((p) => p.doValidation());
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([]);
    release();
    expect(await answer).toEqual(['diagnostic']);
    expect(calls).toEqual(['sync', 'doValidation']);
  });

  it('drops a validation whose text changed while it waited (it has no token), and asks the one of the new text', async () => {
    const { monaco, model, calls } = fakeMonaco();
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const worker = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker, () => held).editor
      .createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<Proxied> };
    const stale = worker.withSyncedResources([uri]).then((p) => p.doValidation());
    const completion = worker.withSyncedResources([uri]).then((p) => p.doComplete());
    model.version = 2; // the reader typed on while the engine ran
    const current = worker.withSyncedResources([uri]).then((p) => p.doValidation());
    release();
    expect(await stale).toBeUndefined();
    // A completion Monaco has not cancelled goes: its list stays open while the word grows.
    expect(await completion).toEqual(['restartPolicy']);
    expect(await current).toEqual(['diagnostic']);
    expect(calls.filter((c) => c !== 'sync')).toEqual(['doComplete', 'doValidation']);
    expect(VERSION_CHECKED).toBe('doValidation');
  });

  it('also when the text changed while the model was being synced (the worker was starting)', async () => {
    const { monaco, model, calls, hooks } = fakeMonaco();
    hooks.onSync = () => { model.version++; };
    const worker = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker).editor
      .createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<Proxied> };
    expect(await (await worker.withSyncedResources([uri])).doValidation()).toBeUndefined();
    expect(calls).toEqual(['sync']);
  });

  it('drops a request Monaco cancelled while it waited (the list closed), through the provider that asked', async () => {
    const { monaco, calls, registered } = fakeMonaco();
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const view = withLegacyWorkerApi(monaco, () => ({ postMessage() {} }) as unknown as Worker, () => held);
    const worker = view.editor.createWebWorker({} as never) as unknown as { withSyncedResources(r: unknown[]): Promise<Proxied> };
    // monaco-yaml's completion provider, registered through the view, asks the worker synchronously.
    view.languages.registerCompletionItemProvider('yaml', {
      provideCompletionItems: (_model: unknown, _position: unknown, _context: unknown, _token: unknown) => worker.withSyncedResources([uri]).then((p) => p.doComplete()),
    } as never);
    const provider = registered[0] as { provideCompletionItems(...a: unknown[]): Promise<unknown> };
    const closed = token();
    const open = token();
    const dropped = provider.provideCompletionItems({}, {}, {}, closed);
    const kept = provider.provideCompletionItems({}, {}, {}, open);
    closed.isCancellationRequested = true;
    release();
    expect(await dropped).toBeUndefined();
    expect(await kept).toEqual(['restartPolicy']);
    expect(calls.filter((c) => c !== 'sync')).toEqual(['doComplete']);
  });

  it('compares each resource with its own version, a model gone counting as a change', () => {
    const { monaco, model } = fakeMonaco();
    const gone = { path: '/gone.yaml' } as never;
    expect(changedSince(monaco, [uri], [1])).toBe(false);
    model.version = 3;
    expect(changedSince(monaco, [uri], [1])).toBe(true);
    expect(changedSince(monaco, [uri, gone], [3, undefined])).toBe(false);
    expect(changedSince(monaco, [uri, gone], [3, 1])).toBe(true);
  });
});
