// Link format 1: `#v1.` + base64url( deflate-raw level 9, preset dictionary DICTIONARY_V1 ( record ) ).
//
// The record is a list of fields, each `tag (1 byte) · length (LEB128 varint) · value`:
//
// | tag | field      | value                                                      | times |
// | --- | ---------- | ---------------------------------------------------------- | ----- |
// | 1   | text       | UTF-8 scenario text                                        | 1     |
// | 2   | version    | ASCII Kubernetes version, e.g. `1.33`                      | 0–1   |
// | 3   | gate       | 1 byte (0 off, 1 on), then the ASCII gate name             | 0–64  |
// | 4   | cursor     | varint: cursor in milliseconds of simulated time (≤ a year) | 0–1   |
// | 5   | label      | UTF-8 name of a compare side                               | 0–1   |
// | 6   | side       | a nested record (fields 1–5) for another compare side      | 0–7   |
//
// A record with side fields is a compare view; its own fields are the first side. Unknown tags
// and repeated single fields are refused: a change to this table is a new format version.
// THIS FORMAT IS FROZEN: links in the wild decode through it forever (fixtures/v1.json).
// The cursor's varint may take its fifth byte (up to MAX_CURSOR_SECONDS, a simulated year, as
// runs may last): the first writer stopped at 2^31 - 1 ms (24.8 days) and threw past it, so no
// link in the wild holds more, and every one of them reads as before.

import { Deflate, deflateSync } from 'fflate';
import { boundedInflateRaw, type InflateLimits } from './boundedInflate';
import { ByteReader, ByteWriter, fromUtf8, toUtf8 } from './bytes';
import { deflateRawOptimal } from './deflateOptimal';
import { DICTIONARY_V1 } from './dictionaryV1';
import { LinkDecodeError } from './errors';
import { MAX_COMPARE_SIDES, MAX_CURSOR_SECONDS, MAX_GATES, MAX_LABEL_CHARS } from './limits';
import type { ScenarioState, ShareState } from './types';

export const FORMAT_V1 = 1;

const TAG = { text: 1, version: 2, gate: 3, cursor: 4, label: 5, side: 6 } as const;

const VERSION_RE = /^\d{1,2}\.\d{1,3}$/;
const GATE_RE = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

/** The record a v1 link holds: the same shape as ShareState when v1 was the newest format. */
export type LinkRecordV1 = ShareState;

function writeScenario(w: ByteWriter, s: ScenarioState): void {
  if (s.kubernetesVersion !== undefined) w.field(TAG.version, toUtf8(s.kubernetesVersion));
  for (const [name, on] of Object.entries(s.featureGates ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    w.field(TAG.gate, Uint8Array.of(on ? 1 : 0, ...toUtf8(name)));
  }
  if (s.cursor !== undefined) w.field(TAG.cursor, new ByteWriter().varint(cursorMs(s.cursor), MAX_CURSOR_MS).finish());
  if (s.label !== undefined) w.field(TAG.label, toUtf8(s.label));
  w.field(TAG.text, toUtf8(s.text));
}

const MAX_CURSOR_MS = MAX_CURSOR_SECONDS * 1000;

function cursorMs(seconds: number): number {
  // Past a year (even Infinity) is a year: no run lasts longer; NaN and negatives are bugs.
  if (Number.isNaN(seconds) || seconds < 0) throw new RangeError(`cursor must be a non-negative number of seconds (got ${seconds})`);
  return Math.round(Math.min(seconds, MAX_CURSOR_SECONDS) * 1000);
}

/** The record's bytes, before compression. Throws RangeError on a state no link can hold. */
export function recordBytesV1(state: LinkRecordV1): Uint8Array {
  const w = new ByteWriter();
  writeScenario(w, state);
  const sides = state.view?.kind === 'compare' ? state.view.sides : [];
  if (sides.length + 1 > MAX_COMPARE_SIDES) throw new RangeError(`a compare link holds at most ${MAX_COMPARE_SIDES} sides`);
  for (const side of sides) {
    const inner = new ByteWriter();
    writeScenario(inner, side);
    w.field(TAG.side, inner.finish());
  }
  return w.finish();
}

/**
 * Records up to this size get the slower, smaller encoder (a link's text is a few kB); larger
 * ones, too long for a link anyway, fflate's level 9, whose time grows less with the size.
 */
export const OPTIMAL_ENCODER_MAX_BYTES = 16 * 1024;

/** The deflate stream is the format; which encoder writes it is not (deflateOptimal.ts: 3 % smaller than fflate's level 9). */
export function encodePayloadV1(state: LinkRecordV1): Uint8Array {
  return deflateRecordV1(recordBytesV1(state));
}

/** A record's payload: its deflate stream (recordBytesV1 makes the record). */
export function deflateRecordV1(record: Uint8Array): Uint8Array {
  return record.length <= OPTIMAL_ENCODER_MAX_BYTES
    ? deflateRawOptimal(record, DICTIONARY_V1)
    : deflateSync(record, { level: 9, dictionary: DICTIONARY_V1 });
}

/**
 * Whether a record larger than OPTIMAL_ENCODER_MAX_BYTES deflates to at most `budget` bytes,
 * found by the same level-9 deflate in 64 kB steps that stops as soon as its output passes the
 * budget: a scenario far too big for a link costs a fraction of deflating it whole (the address
 * bar asks at every edit). The streamed output may differ from deflateSync's by a few bytes at
 * its block ends, so a record within that of the budget may be judged either way.
 */
export function recordDeflatesWithin(record: Uint8Array, budget: number): boolean {
  let out = 0;
  const stream = new Deflate({ level: 9, dictionary: DICTIONARY_V1 }, (chunk) => { out += chunk.length; });
  for (let at = 0; at < record.length; at += PROBE_STEP_BYTES) {
    const end = Math.min(record.length, at + PROBE_STEP_BYTES);
    stream.push(record.subarray(at, end), end === record.length);
    if (out > budget) return false;
  }
  return true;
}

/** Input per step of recordDeflatesWithin: fflate compresses a step's worth at each push. */
const PROBE_STEP_BYTES = 64 * 1024;

function ascii(bytes: Uint8Array, re: RegExp, what: string): string {
  const s = fromUtf8(bytes, what);
  if (!re.test(s)) throw new LinkDecodeError('invalid-content', `${what} is malformed`);
  return s;
}

function readScenario(r: ByteReader, allowSides: boolean): { scenario: ScenarioState; sides: ScenarioState[] } {
  let text: string | undefined;
  const out: Omit<ScenarioState, 'text'> = {};
  const sides: ScenarioState[] = [];
  const once = (present: boolean, what: string) => {
    if (present) throw new LinkDecodeError('invalid-content', `${what} appears twice`);
  };
  while (!r.done) {
    const tag = r.byte();
    const value = r.take(r.varint());
    switch (tag) {
      case TAG.text:
        once(text !== undefined, 'the text');
        text = fromUtf8(value, 'the text');
        break;
      case TAG.version:
        once(out.kubernetesVersion !== undefined, 'the version');
        out.kubernetesVersion = ascii(value, VERSION_RE, 'the version');
        break;
      case TAG.gate: {
        if (value.length < 2 || value[0]! > 1) throw new LinkDecodeError('invalid-content', 'a feature gate is malformed');
        const name = ascii(value.subarray(1), GATE_RE, 'a feature gate name');
        const gates = (out.featureGates ??= {});
        once(Object.prototype.hasOwnProperty.call(gates, name), `the gate ${name}`);
        if (Object.keys(gates).length >= MAX_GATES) throw new LinkDecodeError('invalid-content', 'too many feature gates');
        gates[name] = value[0] === 1;
        break;
      }
      case TAG.cursor: {
        once(out.cursor !== undefined, 'the cursor');
        const inner = new ByteReader(value);
        const ms = inner.varint(MAX_CURSOR_MS);
        if (!inner.done || ms > MAX_CURSOR_MS) throw new LinkDecodeError('invalid-content', 'the cursor is malformed');
        out.cursor = ms / 1000;
        break;
      }
      case TAG.label: {
        once(out.label !== undefined, 'the label');
        const label = fromUtf8(value, 'the label');
        if (label.length > MAX_LABEL_CHARS) throw new LinkDecodeError('invalid-content', 'the label is too long');
        out.label = label;
        break;
      }
      case TAG.side: {
        if (!allowSides) throw new LinkDecodeError('invalid-content', 'a compare side holds another side');
        if (sides.length + 1 >= MAX_COMPARE_SIDES) throw new LinkDecodeError('invalid-content', 'too many compare sides');
        sides.push(readScenario(new ByteReader(value), false).scenario);
        break;
      }
      default:
        throw new LinkDecodeError('invalid-content', `unknown field ${tag}`);
    }
  }
  if (text === undefined) throw new LinkDecodeError('invalid-content', 'the link holds no scenario text');
  return { scenario: { text, ...out }, sides };
}

export function decodePayloadV1(payload: Uint8Array, limits?: InflateLimits): LinkRecordV1 {
  const bytes = boundedInflateRaw(payload, DICTIONARY_V1, limits);
  const { scenario, sides } = readScenario(new ByteReader(bytes), true);
  const state: ShareState = { ...scenario };
  if (sides.length > 0) state.view = { kind: 'compare', sides };
  return state;
}
