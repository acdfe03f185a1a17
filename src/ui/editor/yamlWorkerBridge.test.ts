import { describe, expect, it } from 'vitest';
import { blockedFor, SILENT_PROXY, withLegacyWorkerApi } from './yamlWorkerBridge';

type Monaco = Parameters<typeof withLegacyWorkerApi>[0];

/** A Monaco stand-in with one model whose language the test sets, and a worker that records calls. */
function fakeMonaco() {
  const model = { lang: 'yaml', getLanguageId() { return this.lang; } };
  const calls: string[] = [];
  const hooks = { onSync: () => {} };
  const proxy = { doValidation: async () => { calls.push('doValidation'); return ['diagnostic']; } };
  const monaco = {
    editor: {
      getModel: (uri: { path: string }) => (uri.path === '/scenario.yaml' ? model : null),
      createWebWorker: () => ({
        dispose() {},
        getProxy: async () => proxy,
        withSyncedResources: async () => { calls.push('sync'); hooks.onSync(); return proxy; },
      }),
    },
  } as unknown as Monaco;
  return { monaco, model, calls, hooks };
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
});
