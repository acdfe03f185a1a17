import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineClient, type WorkerLike } from './client';
import type { EngineResult, RunRequest, WorkerMessage } from './protocol';

class FakeWorker implements WorkerLike {
  posted: RunRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: RunRequest) { this.posted.push(message); }
  terminate() { this.terminated = true; }
  loaded() {
    this.onmessage?.({ data: { kind: 'ready' } } as MessageEvent<WorkerMessage>);
  }
  answer(id: number, result: EngineResult = { ok: true, problems: [] }) {
    this.onmessage?.({ data: { id, kind: 'result', result } } as MessageEvent<WorkerMessage>);
  }
  busy(id: number) {
    this.onmessage?.({ data: { id, kind: 'busy' } } as MessageEvent<WorkerMessage>);
  }
  progress(id: number, t: number, horizon = 3600) {
    this.onmessage?.({ data: { id, kind: 'progress', t, horizon } } as MessageEvent<WorkerMessage>);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

/** A client over fake workers; `loadAtOnce` makes each worker say `ready` as it starts. */
function setup(timeoutMs = 3000, loadAtOnce = true) {
  const workers: FakeWorker[] = [];
  const client = createEngineClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      if (loadAtOnce) queueMicrotask(() => w.loaded());
      return w;
    },
    timeoutMs,
    startupTimeoutMs: 20000,
  });
  return { client, workers };
}

describe('worker client', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('posts the text and version with an id and resolves with the answer', async () => {
    const { client, workers } = setup();
    const p = client.run('kind: Pod', '1.33');
    expect(workers[0]?.posted).toEqual([{ id: 1, text: 'kind: Pod', kubernetesVersion: '1.33' }]);
    workers[0]?.answer(1, { ok: false, problems: [] });
    await expect(p).resolves.toEqual({ kind: 'result', result: { ok: false, problems: [] } });
  });

  it('lets the newest request win and drops the stale answer', async () => {
    const { client, workers } = setup();
    const first = client.run('a', '1.36');
    const second = client.run('b', '1.36');
    await expect(first).resolves.toEqual({ kind: 'stale' });
    const w = workers[0]!;
    w.answer(1, { ok: true, problems: [{ severity: 'error', path: 'x', message: 'old', line: 1, col: 1 }] });
    w.answer(2);
    await expect(second).resolves.toEqual({ kind: 'result', result: { ok: true, problems: [] } });
    expect(workers).toHaveLength(1);
  });

  it('restarts a worker that stays silent and reports an error', async () => {
    const { client, workers } = setup(3000);
    const p = client.run('loop forever', '1.36');
    await Promise.resolve();
    vi.advanceTimersByTime(2999);
    expect(workers[0]?.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    const outcome = await p;
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.message).toMatch(/did not answer within 3 s/);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);

    const next = client.run('fine', '1.36');
    await Promise.resolve();
    expect(workers[1]?.posted.map((r) => r.text)).toEqual(['fine']);
    workers[1]?.answer(workers[1].posted[0]!.id);
    await expect(next).resolves.toMatchObject({ kind: 'result' });
  });

  it('gives a worker that is still loading the startup time, then the normal time', async () => {
    const { client, workers } = setup(3000, false);
    const p = client.run('a', '1.36');
    vi.advanceTimersByTime(19000);
    expect(workers[0]?.terminated).toBe(false);
    workers[0]?.loaded();
    vi.advanceTimersByTime(2999);
    expect(workers[0]?.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0]?.terminated).toBe(true);
    await expect(p).resolves.toMatchObject({ kind: 'error' });
  });

  it('reports a worker that never finishes loading', async () => {
    const { client, workers } = setup(3000, false);
    const p = client.run('a', '1.36');
    vi.advanceTimersByTime(20000);
    expect(workers[0]?.terminated).toBe(true);
    await expect(p).resolves.toEqual({
      kind: 'error',
      message: 'The engine did not answer within 20 s, so it was restarted. Edit the scenario to try again.',
    });
  });

  it('keeps a busy worker that answers each request in time', async () => {
    const { client, workers } = setup(3000);
    client.run('a', '1.36');
    await Promise.resolve();
    vi.advanceTimersByTime(2000);
    const p = client.run('b', '1.36');
    vi.advanceTimersByTime(900);
    workers[0]?.answer(1);
    vi.advanceTimersByTime(2500);
    workers[0]?.answer(2);
    await expect(p).resolves.toMatchObject({ kind: 'result' });
    expect(workers[0]?.terminated).toBe(false);
  });

  it('reports a worker crash and starts a new worker on the next run', async () => {
    const { client, workers } = setup();
    const p = client.run('a', '1.36');
    workers[0]?.fail('boom');
    await expect(p).resolves.toEqual({ kind: 'error', message: 'The engine worker failed: boom.' });
    expect(workers[0]?.terminated).toBe(true);
    client.run('b', '1.36');
    expect(workers).toHaveLength(2);
  });
  it('hears a long run\'s progress, which keeps the watchdog quiet: busy is not hung', async () => {
    const { client, workers } = setup(3000);
    const seen: number[] = [];
    const p = client.run('a long day', '1.36', (progress) => seen.push(progress.t));
    await Promise.resolve();
    const w = workers[0]!;
    for (let i = 1; i <= 5; i++) {
      vi.advanceTimersByTime(2000);
      w.progress(1, i * 600);
    }
    expect(w.terminated).toBe(false);
    expect(seen).toEqual([600, 1200, 1800, 2400, 3000]);
    w.answer(1);
    await expect(p).resolves.toMatchObject({ kind: 'result' });
    // Silence after the last progress is still a hang.
    const q = client.run('stuck', '1.36');
    await Promise.resolve();
    vi.advanceTimersByTime(3000);
    await expect(q).resolves.toMatchObject({ kind: 'error' });
  });

  it('hears a slow parse say it is busy between its stages, which re-arms the watchdog without a figure', async () => {
    const { client, workers } = setup(3000);
    const seen: number[] = [];
    const p = client.run('a large text', '1.36', (progress) => seen.push(progress.t));
    await Promise.resolve();
    const w = workers[0]!;
    vi.advanceTimersByTime(2500);
    w.busy(1);
    vi.advanceTimersByTime(2500);
    expect(w.terminated).toBe(false);
    expect(seen).toEqual([]);
    w.answer(1);
    await expect(p).resolves.toMatchObject({ kind: 'result' });
    // A stale request's busy does not keep a hung newer one alive.
    const q = client.run('stuck', '1.36');
    await Promise.resolve();
    vi.advanceTimersByTime(2000);
    w.busy(1);
    vi.advanceTimersByTime(1000);
    await expect(q).resolves.toMatchObject({ kind: 'error' });
  });

  it('allows a large text more silence, a second per full 50,000 characters, before calling it a hang', async () => {
    const { client, workers } = setup(3000);
    const p = client.run('x'.repeat(1_000_000), '1.36');
    await Promise.resolve();
    vi.advanceTimersByTime(22_999);
    expect(workers[0]?.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    const outcome = await p;
    expect(outcome.kind === 'error' && outcome.message).toMatch(/did not answer within 23 s/);
    expect(workers[0]?.terminated).toBe(true);
    // A text the engine refuses unread (over 2,000,000 characters) gets no more than 2 MB's worth.
    const q = client.run('x'.repeat(10_000_000), '1.36');
    await Promise.resolve();
    vi.advanceTimersByTime(43_000);
    await expect(q).resolves.toMatchObject({ kind: 'error', message: expect.stringMatching(/within 43 s/) });
  });

  it('cancel() replaces a busy worker, so the next run starts at once on a fresh one', async () => {
    const { client, workers } = setup(3000);
    const old = client.run('a long day', '1.36');
    await Promise.resolve();
    workers[0]!.progress(1, 100);
    client.cancel();
    await expect(old).resolves.toEqual({ kind: 'stale' });
    expect(workers[0]!.terminated).toBe(true);
    const next = client.run('short', '1.36');
    await Promise.resolve();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.posted.map((r) => r.text)).toEqual(['short']);
    workers[1]!.answer(workers[1]!.posted[0]!.id);
    await expect(next).resolves.toMatchObject({ kind: 'result' });
  });

  it('cancel() with nothing under way keeps the worker', async () => {
    const { client, workers } = setup(3000);
    const p = client.run('a', '1.36');
    workers[0]!.answer(1);
    await p;
    client.cancel();
    expect(workers[0]!.terminated).toBe(false);
  });
});

describe('inline client (no Worker)', () => {
  it('runs the injected engine and drops answers that a newer request replaced', async () => {
    const seen: string[] = [];
    const client = createEngineClient({
      createWorker: null,
      runInline: async (req) => {
        seen.push(req.text);
        return { id: req.id, kind: 'result', result: { ok: true, problems: [] } };
      },
    });
    const first = client.run('a', '1.36');
    const second = client.run('b', '1.36');
    await expect(first).resolves.toEqual({ kind: 'stale' });
    await expect(second).resolves.toEqual({ kind: 'result', result: { ok: true, problems: [] } });
    expect(seen).toEqual(['a', 'b']);
  });

  it('turns an exception into an error outcome', async () => {
    const client = createEngineClient({
      createWorker: null,
      runInline: async () => { throw new Error('kaput'); },
    });
    await expect(client.run('a', '1.36')).resolves.toEqual({ kind: 'error', message: 'The engine failed: kaput' });
  });

  it('is chosen by default where Worker does not exist', () => {
    expect(typeof Worker).toBe('undefined');
    const client = createEngineClient({ runInline: async (req) => ({ id: req.id, kind: 'error', message: 'inline' }) });
    return expect(client.run('a', '1.36')).resolves.toEqual({ kind: 'error', message: 'inline' });
  });

});
