import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/trace';
import { handleRunRequest } from './handle';
import { toOutcome } from './outcome';
import { toPosted, type RunResponse } from './protocol';
import { attachWhys, detachWhys } from './whyWire';

const DEFAULT = readFileSync(new URL('../scenarios/00-default.yaml', import.meta.url), 'utf8');
const CRASH_LOOP = readFileSync(new URL('../scenarios/10-crashloopbackoff-timing.yaml', import.meta.url), 'utf8');

/** What the page gets: the response as the worker posts it, through a structured clone with its transfer list. */
function throughTheWire(resp: RunResponse): RunResponse {
  const { message, transfer } = toPosted(resp);
  return structuredClone(message, { transfer });
}

describe('whys on the wire (the worker posts each sentence once)', () => {
  it('a posted result comes back to the page as the engine made it', () => {
    for (const text of [DEFAULT, CRASH_LOOP]) {
      const made = handleRunRequest({ id: 1, text });
      const expected = structuredClone(made);
      const outcome = toOutcome(throughTheWire(made));
      expect(outcome).toEqual({ kind: 'result', result: (expected as Extract<RunResponse, { kind: 'result' }>).result });
    }
  });

  it('sends each distinct why once, and transfers the index instead of copying it', () => {
    const made = handleRunRequest({ id: 2, text: CRASH_LOOP });
    if (made.kind !== 'result' || !made.result.trace) throw new Error('no trace');
    const events = made.result.trace.events;
    const distinct = new Set(events.map((e) => e.why));
    const { message, transfer } = toPosted(made);
    if (message.kind !== 'result' || !message.whys) throw new Error('no why table');
    expect(message.whys.sentences).toHaveLength(distinct.size);
    expect(distinct.size).toBeLessThan(events.length / 4); // a crash loop repeats its sentences
    expect(message.whys.index).toHaveLength(events.length);
    expect(events.every((e) => e.why === '')).toBe(true);
    expect(transfer).toEqual([message.whys.index.buffer]);
    structuredClone(message, { transfer });
    expect(message.whys.index.buffer.byteLength).toBe(0); // moved to the page, not copied
  });

  it('leaves errors and results without a trace as they are', () => {
    const error: RunResponse = { id: 3, kind: 'error', message: 'The engine failed: x' };
    expect(toPosted(error)).toEqual({ message: error, transfer: [] });
    const invalid = handleRunRequest({ id: 4, text: 'apiVersion: v1\nkind: Pod\n' });
    expect(invalid.kind === 'result' && invalid.result.trace).toBeFalsy();
    expect(toPosted(invalid).transfer).toEqual([]);
    expect(toOutcome(throughTheWire(invalid))).toEqual(toOutcome(invalid));
  });

  it('an index that does not fit the events is an error outcome, never a result with wrong whys', () => {
    const made = handleRunRequest({ id: 5, text: DEFAULT });
    const { message } = toPosted(made);
    if (message.kind !== 'result' || !message.whys) throw new Error('no why table');
    const short = { ...message, whys: { sentences: message.whys.sentences, index: message.whys.index.slice(1) } };
    expect(toOutcome(short)).toMatchObject({ kind: 'error', message: expect.stringMatching(/incomplete/) });
    const outOfRange = { ...message, whys: { sentences: [], index: message.whys.index } };
    expect(toOutcome(outOfRange).kind).toBe('error');
    if (message.result.trace) expect(message.result.trace.events.every((e) => e.why === '')).toBe(true);
  });

  it('attach(detach(events)) gives every event its own why back, whatever the whys', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), (whys) => {
      const events = whys.map((why, i) => ({ type: 'pod.scheduled', why, t: i, id: `e${i}` }) as TraceEvent);
      const table = detachWhys(events);
      expect(table.sentences).toEqual([...new Set(whys)]);
      expect(attachWhys(events, table)).toBe(true);
      expect(events.map((e) => e.why)).toEqual(whys);
    }));
  });
});
