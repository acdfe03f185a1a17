// The Simulation document's `events:` list (contract section 1), as the inject buttons, a drag on
// the timeline and a delete edit it: add an event, list them, find the one a trace moment came
// from, remove one, move one to another time.

import { isMap, isScalar, isSeq, type YAMLSeq } from 'yaml';
import { parseDurationString } from '../../engine/scenario/duration';
import { editSimulation } from './edit';
import { findSimulation, pairOf, type SimulationDoc } from './locate';
import { afterLine, eolOf, keyColumn, lineEnd, lineStart, pairLineEnd, rangeOf } from './textOps';
import { formatDuration } from './until';

export interface SimEventSpec {
  at: number;
  do: string;
  container?: string;
  exitCode?: number;
  for?: number;
  gracePeriodSeconds?: number;
  /** An Indexed Job's completion index: the event acts on that index's running pod only ([16.4]). */
  index?: number;
}

/** A written event as the text holds it, in written order. */
export interface WrittenEvent {
  index: number;
  at: number | null;
  do: string | null;
  container: string | null;
}

/** One event as a flow map, in the contract's style: { at: 10s, container: app, do: crash, exitCode: 1 }. */
export function formatSimEvent(ev: SimEventSpec): string {
  const parts = [`at: ${formatDuration(ev.at)}`];
  if (ev.container !== undefined) parts.push(`container: ${ev.container}`);
  parts.push(`do: ${ev.do}`);
  if (ev.exitCode !== undefined) parts.push(`exitCode: ${ev.exitCode}`);
  if (ev.for !== undefined) parts.push(`for: ${formatDuration(ev.for)}`);
  if (ev.gracePeriodSeconds !== undefined) parts.push(`gracePeriodSeconds: ${ev.gracePeriodSeconds}`);
  if (ev.index !== undefined) parts.push(`index: ${ev.index}`);
  return `{ ${parts.join(', ')} }`;
}

function eventsSeq(doc: SimulationDoc): YAMLSeq | null {
  const value = pairOf(doc.map, 'events')?.value;
  return isSeq(value) ? value : null;
}

function readAt(node: unknown): number | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value !== 'string') return null;
  const d = parseDurationString(node.value);
  return d.ok ? d.seconds : null;
}

export function listSimEvents(text: string): WrittenEvent[] {
  const found = findSimulation(text);
  const seq = found.kind === 'found' ? eventsSeq(found.doc) : null;
  if (!seq) return [];
  return seq.items.map((it, index) => {
    if (!isMap(it)) return { index, at: null, do: null, container: null };
    const str = (k: string) => {
      const v = it.get(k);
      return typeof v === 'string' ? v : null;
    };
    return { index, at: readAt(it.get('at', true)), do: str('do'), container: str('container') };
  });
}

/** The written event a trace moment came from: same action and container, same time. */
export function findSimEvent(text: string, what: { do: string; container?: string | undefined; t: number }): number | null {
  const hit = listSimEvents(text).find((e) =>
    e.do === what.do && (e.container ?? undefined) === what.container && e.at !== null && Math.abs(e.at - what.t) < 0.0005);
  return hit ? hit.index : null;
}

const sameEvent = (e: WrittenEvent | undefined, ev: SimEventSpec) =>
  e !== undefined && e.do === ev.do && e.container === (ev.container ?? null) && e.at !== null && Math.abs(e.at - ev.at) < 0.0005;

export function addSimEvent(text: string, ev: SimEventSpec): string | null {
  const item = formatSimEvent(ev);
  const before = listSimEvents(text).length;
  return editSimulation(text, {
    edit: (doc) => addToDocument(doc, item),
    create: `events:\n  - ${item}\n`,
    check: (out) => {
      const after = listSimEvents(out);
      return after.length === before + 1 && sameEvent(after.at(-1), ev);
    },
  });
}

/** The document's own text with `item` added to its events. */
function addToDocument(doc: SimulationDoc, item: string): string | null {
  const { source, map } = doc;
  const eol = eolOf(source);
  const indent = ' '.repeat(keyColumn(source, map));
  const events = pairOf(map, 'events');
  if (!events) {
    const last = map.items.at(-1);
    const at = last ? pairLineEnd(source, last) : source.length;
    return `${source.slice(0, at)}${eol}${indent}events:${eol}${indent}  - ${item}${source.slice(at)}`;
  }
  const key = rangeOf(events.key);
  const value = events.value;
  if (!key) return null;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const first = rangeOf(value.items[0]);
    const last = rangeOf(value.items.at(-1));
    if (!first || !last) return null;
    const prefix = source.slice(lineStart(source, first[0]), first[0]);
    if (!/^\s*-\s+$/.test(prefix)) return null;
    const at = lineEnd(source, Math.max(last[1] - 1, last[0]));
    return `${source.slice(0, at)}${eol}${prefix}${item}${source.slice(at)}`;
  }
  if (isSeq(value) && value.flow) {
    const r = rangeOf(value);
    if (!r) return null;
    const close = r[1] - 1;
    if (source[close] !== ']') return null;
    if (value.items.length > 0) return `${source.slice(0, close)}, ${item}${source.slice(close)}`;
    return `${source.slice(0, key[1])}:${eol}${indent}  - ${item}${source.slice(r[1])}`;
  }
  if (value === null || (isScalar(value) && value.value === null)) {
    const end = isScalar(value) && value.range ? value.range[1] : key[1] + 1;
    const colon = source.indexOf(':', key[1]);
    if (colon < 0 || colon > end) return null;
    return `${source.slice(0, key[1])}:${eol}${indent}  - ${item}${source.slice(Math.max(end, colon + 1))}`;
  }
  return null;
}

export function removeSimEvent(text: string, index: number): string | null {
  const before = listSimEvents(text);
  if (before[index] === undefined) return null;
  return editSimulation(text, {
    edit: (doc) => {
      const seq = eventsSeq(doc);
      const range = (seq?.items[index] as { range?: [number, number, number] } | undefined)?.range;
      return seq && range ? removeFromDocument(seq, doc.source, range) : null;
    },
    create: null,
    check: (out) => listSimEvents(out).length === before.length - 1,
  });
}

/** The document's own text without the event at `range` (its line, or its place in a flow list). */
function removeFromDocument(seq: YAMLSeq, source: string, range: [number, number, number]): string | null {
  if (seq.flow) {
    let start = range[0];
    let end = range[2];
    const after = /^\s*,\s*/.exec(source.slice(end));
    if (after) end += after[0].length;
    else {
      const before = /,\s*$/.exec(source.slice(0, start));
      if (before) start -= before[0].length;
    }
    return source.slice(0, start) + source.slice(end);
  }
  const start = lineStart(source, range[0]);
  const end = afterLine(source, lineEnd(source, Math.max(range[1] - 1, range[0])));
  if (!/^\s*-\s+$/.test(source.slice(start, range[0]))) return null;
  return source.slice(0, start) + source.slice(end);
}

export function moveSimEvent(text: string, index: number, at: number): string | null {
  if (listSimEvents(text)[index] === undefined) return null;
  return editSimulation(text, {
    edit: (doc) => {
      const item = eventsSeq(doc)?.items[index];
      const node = isMap(item) ? item.get('at', true) : undefined;
      const r = rangeOf(node);
      return isScalar(node) && r ? doc.source.slice(0, r[0]) + formatDuration(at) + doc.source.slice(r[1]) : null;
    },
    create: null,
    check: (out) => {
      const moved = listSimEvents(out)[index]?.at;
      return moved !== null && moved !== undefined && Math.abs(moved - at) < 0.0005;
    },
  });
}
