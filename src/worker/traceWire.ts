// A trace on its way from the engine worker to the page (issue 16): its long lists, the events and
// the status writes, cross packed (packRecords.ts), their buffers transferred; the rest of the
// trace crosses as it is. The page unpacks them (toOutcome, outcome.ts) before anything reads the
// result.

import type { ContainerStatusWrite, Trace, TraceEvent } from '../engine/trace';
import { packedBuffers, packRecords, unpackRecords, type PackedRecords } from './packRecords';

/** The packed lists of one trace. */
export interface PackedTrace {
  events: PackedRecords;
  statusWrites?: PackedRecords;
}

/**
 * The trace to post (the same but for its events and status writes, left empty in their places,
 * so the page's trace keeps the engine's key order), its packed lists and the buffers to transfer.
 * `trace` itself is not changed.
 */
export function packTrace(trace: Trace): { trace: Trace; packed: PackedTrace; transfer: ArrayBuffer[] } {
  const packed: PackedTrace = { events: packRecords(trace.events) };
  const posted: Trace = { ...trace, events: [] };
  if (trace.statusWrites) {
    packed.statusWrites = packRecords(trace.statusWrites);
    posted.statusWrites = [];
  }
  const transfer = [...packedBuffers(packed.events), ...(packed.statusWrites ? packedBuffers(packed.statusWrites) : [])];
  return { trace: posted, packed, transfer };
}

/** The whole trace again, or undefined when a packed list arrived damaged. */
export function unpackTrace(posted: Trace, packed: PackedTrace): Trace | undefined {
  const events = unpackRecords(packed.events);
  if (!events) return undefined;
  const trace: Trace = { ...posted, events: events as unknown as TraceEvent[] };
  if (packed.statusWrites) {
    if (!posted.statusWrites) return undefined;
    const writes = unpackRecords(packed.statusWrites);
    if (!writes) return undefined;
    trace.statusWrites = writes as unknown as ContainerStatusWrite[];
  }
  return trace;
}
