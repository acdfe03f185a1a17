// Every link format ever shipped keeps opening: a reader per format turns its payload into that
// format's record, then upgrade functions carry the record forward one format at a time
// (n → n+1 → … → current), as Compiler Explorer's url.ts and the TypeScript playground's
// getInitialCode.ts keep their old links alive.
//
// To ship format 2: freeze format 1 as it is (formatV1.ts, dictionaryV1.ts, fixtures/v1.json),
// write formatV2.ts with its own record type, add `2: decodePayloadV2` to READERS, append the
// v1 → v2 upgrade to UPGRADES, move CURRENT_FORMAT to 2, and add fixtures/v2.json.

import type { InflateLimits } from './boundedInflate';
import { decodePayloadV1, FORMAT_V1, type LinkRecordV1 } from './formatV1';
import type { ShareState } from './types';

export const CURRENT_FORMAT = FORMAT_V1;

/** Reads a payload of one format into that format's record; throws LinkDecodeError. */
export type PayloadReader = (payload: Uint8Array, limits?: InflateLimits) => unknown;

/** The formats this page can read, by version. */
export const READERS: Readonly<Record<number, PayloadReader>> = {
  1: decodePayloadV1,
};

/** UPGRADES[i] turns a format (i + 1) record into a format (i + 2) record. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step is typed where it is written
export type Upgrade = (record: any) => unknown;
export const UPGRADES: readonly Upgrade[] = [];

/** Applies the chain from `from` up to `to`. Pure, so tests can run it on a chain of their own. */
export function migrateRecord(record: unknown, from: number, to: number, upgrades: readonly Upgrade[]): unknown {
  let r = record;
  for (let v = from; v < to; v++) {
    const step = upgrades[v - 1];
    if (!step) throw new Error(`no upgrade from link format ${v} to ${v + 1}`);
    r = step(r);
  }
  return r;
}

/** The current format's record is the app's ShareState. */
export function toShareState(record: unknown, from: number): ShareState {
  const current: LinkRecordV1 = migrateRecord(record, from, CURRENT_FORMAT, UPGRADES) as LinkRecordV1;
  return current;
}
