import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleRunRequest } from './handle';
import { toOutcome } from './outcome';
import type { TraceEvent } from '../engine/trace';
import { toPosted, type RunResponse } from './protocol';

const scenario = (name: string) => readFileSync(new URL(`../scenarios/${name}.yaml`, import.meta.url), 'utf8');
const TEXTS = ['00-default', '10-crashloopbackoff-timing', '14-job-parallel-indexed', '06-shared-grace-period'].map(scenario);

/** What the page gets: the response as the worker posts it, through a structured clone with its transfer list. */
function throughTheWire(resp: RunResponse): RunResponse {
  const { message, transfer } = toPosted(resp);
  return structuredClone(message, { transfer });
}

describe('a trace on the wire (its events and status writes packed)', () => {
  it('a posted result comes back to the page as the engine made it, key order and shared cause lists included', () => {
    for (const text of TEXTS) {
      const made = handleRunRequest({ id: 1, text });
      const expected = structuredClone(made);
      const outcome = toOutcome(throughTheWire(made));
      if (outcome.kind !== 'result' || expected.kind !== 'result') throw new Error('no result');
      expect(outcome.result).toEqual(expected.result);
      expect(JSON.stringify(outcome.result)).toBe(JSON.stringify(expected.result));
    }
  });

  it('sends no event and no status write as objects: both cross packed, their buffers moved, and the response is left as it was', () => {
    const made = handleRunRequest({ id: 2, text: TEXTS[1]! });
    if (made.kind !== 'result' || !made.result.trace?.statusWrites) throw new Error('no trace with status writes');
    const before = JSON.stringify(made);
    const { message, transfer } = toPosted(made);
    if (message.kind !== 'result' || !message.packed || !message.result.trace) throw new Error('nothing packed');
    expect(message.result.trace.events).toEqual([]);
    expect(message.result.trace.statusWrites).toEqual([]);
    expect(message.packed.events.count).toBe(made.result.trace.events.length);
    expect(message.packed.statusWrites?.count).toBe(made.result.trace.statusWrites.length);
    expect(transfer).toHaveLength(4);
    expect(JSON.stringify(made)).toBe(before);
    structuredClone(message, { transfer });
    expect(transfer.every((b) => (b as ArrayBuffer).byteLength === 0)).toBe(true);
  });

  it('leaves errors and results without a trace as they are', () => {
    const error: RunResponse = { id: 3, kind: 'error', message: 'The engine failed: x' };
    expect(toPosted(error)).toEqual({ message: error, transfer: [] });
    const invalid = handleRunRequest({ id: 4, text: 'apiVersion: v1\nkind: Pod\n' });
    expect(invalid.kind === 'result' && invalid.result.trace).toBeFalsy();
    expect(toPosted(invalid).transfer).toEqual([]);
    expect(toOutcome(throughTheWire(invalid))).toEqual(toOutcome(invalid));
  });

  it('a trace holding something that is not data becomes an error response the page can show, not a dead worker', () => {
    const made = handleRunRequest({ id: 6, text: TEXTS[0]! });
    if (made.kind !== 'result' || !made.result.trace) throw new Error('no trace');
    const broken = { ...made, result: { ...made.result, trace: { ...made.result.trace, events: [...made.result.trace.events, { type: 'x', why: () => 'code' } as unknown as TraceEvent] } } };
    const { message, transfer } = toPosted(broken);
    expect(transfer).toEqual([]);
    expect(message).toEqual({ id: 6, kind: 'error', message: expect.stringMatching(/could not be sent to the page: .*function/) });
  });

  it('a packed list that arrived damaged is an error outcome, never a result with wrong events', () => {
    const made = handleRunRequest({ id: 5, text: TEXTS[0]! });
    const { message } = toPosted(made);
    if (message.kind !== 'result' || !message.packed) throw new Error('nothing packed');
    const short = { ...message, packed: { ...message.packed, events: { ...message.packed.events, count: message.packed.events.count + 1 } } };
    expect(toOutcome(short)).toMatchObject({ kind: 'error', message: expect.stringMatching(/incomplete/) });
    const noStrings = { ...message, packed: { ...message.packed, events: { ...message.packed.events, strings: [] } } };
    expect(toOutcome(noStrings).kind).toBe('error');
  });
});
