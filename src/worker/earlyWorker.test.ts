import { describe, expect, it } from 'vitest';
import { holdWorker, startEarlyWorker, takeEarlyWorker, type EarlyWorkerSource } from './earlyWorker';
import type { WorkerMessage } from './protocol';

function fakeSource() {
  const listeners: { message: ((e: MessageEvent<WorkerMessage>) => void)[]; error: ((e: ErrorEvent) => void)[] } = { message: [], error: [] };
  const posted: unknown[] = [];
  let terminated = false;
  const source = {
    postMessage: (m: unknown) => posted.push(m),
    terminate: () => { terminated = true; },
    addEventListener: (type: 'message' | 'error', l: (e: unknown) => void) => { (listeners[type] as ((e: unknown) => void)[]).push(l); },
  } as unknown as EarlyWorkerSource;
  const say = (data: WorkerMessage) => listeners.message.forEach((l) => l({ data } as MessageEvent<WorkerMessage>));
  const fail = (message: string) => listeners.error.forEach((l) => l({ message } as ErrorEvent));
  return { source, say, fail, posted, isTerminated: () => terminated };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('the engine worker started early by the entry (issue 16)', () => {
  it('keeps what the worker says before the client listens, and hands it over in order', async () => {
    const f = fakeSource();
    const held = holdWorker(f.source);
    f.say({ kind: 'ready' });
    f.fail('late load error');
    const heard: string[] = [];
    held.onmessage = (e) => heard.push(e.data.kind);
    held.onerror = (e) => heard.push(`error: ${e.message}`);
    expect(heard).toEqual([]); // replayed in a microtask, once both handlers are set
    await tick();
    expect(heard).toEqual(['ready', 'error: late load error']);
    f.say({ id: 1, kind: 'error', message: 'x' });
    expect(heard).toEqual(['ready', 'error: late load error', 'error']);
  });

  it('passes messages straight through once the client listens, and forwards posts and terminate', () => {
    const f = fakeSource();
    const held = holdWorker(f.source);
    const heard: string[] = [];
    held.onmessage = (e) => heard.push(e.data.kind);
    f.say({ kind: 'ready' });
    expect(heard).toEqual(['ready']);
    held.postMessage({ id: 1, text: 'a' });
    expect(f.posted).toHaveLength(1);
    held.terminate();
    expect(f.isTerminated()).toBe(true);
  });

  it('is taken once: the next client starts its own', () => {
    const f = fakeSource();
    startEarlyWorker(() => f.source);
    expect(takeEarlyWorker()).not.toBeNull();
    expect(takeEarlyWorker()).toBeNull();
  });
});
