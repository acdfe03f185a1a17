// Text edits of the scenario's Simulation document `events:` list (contract section 1): add an
// event, remove one, move one to another time. Edits touch only the lines concerned, so the
// user's comments and formatting stay; a missing Simulation document or `events:` key is
// created. Each function returns the new text, or null when the text cannot be edited safely
// (YAML errors, an unusual shape).

import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseDurationString } from '../../engine/scenario/duration';
import { findSimulation, spliceDocument, type Located } from './simulationDocument';

export interface SimEventSpec {
  at: number;
  do: string;
  container?: string;
  exitCode?: number;
  for?: number;
  gracePeriodSeconds?: number;
}

/** A written event as the text holds it, in written order. */
export interface WrittenEvent {
  index: number;
  at: number | null;
  do: string | null;
  container: string | null;
}

/** Seconds as a duration string: 10s, 12.5s. */
export function formatDuration(seconds: number): string {
  return `${Math.round(seconds * 1000) / 1000}s`;
}

/** One event as a flow map, in the contract's style: { at: 10s, container: app, do: crash, exitCode: 1 }. */
export function formatSimEvent(ev: SimEventSpec): string {
  const parts = [`at: ${formatDuration(ev.at)}`];
  if (ev.container !== undefined) parts.push(`container: ${ev.container}`);
  parts.push(`do: ${ev.do}`);
  if (ev.exitCode !== undefined) parts.push(`exitCode: ${ev.exitCode}`);
  if (ev.for !== undefined) parts.push(`for: ${formatDuration(ev.for)}`);
  if (ev.gracePeriodSeconds !== undefined) parts.push(`gracePeriodSeconds: ${ev.gracePeriodSeconds}`);
  return `{ ${parts.join(', ')} }`;
}

const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (text: string, i: number) => {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
};
const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

function keyColumn(text: string, map: YAMLMap): number {
  const first = map.items[0]?.key;
  const start = isScalar(first) && first.range ? first.range[0] : 0;
  return start - lineStart(text, start);
}

export function addSimEvent(text: string, ev: SimEventSpec): string | null {
  const item = formatSimEvent(ev);
  const found = findSimulation(text);
  if (found === null) return null;
  if (found === 'none') {
    return `${withNewline(text)}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nevents:\n  - ${item}\n`;
  }
  const edited = addToSimulation(found, item);
  return edited === null ? null : spliceDocument(text, found, edited);
}

/** The Simulation document's text with `item` added to its events. */
function addToSimulation(found: Located, item: string): string | null {
  const { map, events, text } = found;
  const indent = ' '.repeat(keyColumn(text, map));
  if (!events) {
    const last = map.items.at(-1);
    const end = last?.value && (last.value as { range?: number[] }).range ? (last.value as { range: number[] }).range[1]! : map.range![1];
    const at = lineEnd(text, Math.max(end - 1, 0));
    return `${text.slice(0, at)}\n${indent}events:\n${indent}  - ${item}${text.slice(at)}`;
  }
  const key = events.key as { range: [number, number, number] };
  const value = events.value;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0] as { range: number[] };
    const lastItem = value.items.at(-1) as { range: number[] };
    const prefix = text.slice(lineStart(text, first.range[0]!), first.range[0]);
    if (!/^\s*-\s+$/.test(prefix)) return null;
    const at = lineEnd(text, Math.max(lastItem.range[1]! - 1, lastItem.range[0]!));
    return `${text.slice(0, at)}\n${prefix}${item}${text.slice(at)}`;
  }
  if (isSeq(value) && value.flow) {
    const close = value.range![1] - 1;
    if (text[close] !== ']') return null;
    const sep = value.items.length > 0 ? ', ' : '';
    if (value.items.length > 0) return `${text.slice(0, close)}${sep}${item}${text.slice(close)}`;
    return `${text.slice(0, key.range[1])}:\n${indent}  - ${item}${text.slice(value.range![1])}`;
  }
  if (value === null || (isScalar(value) && value.value === null)) {
    const end = isScalar(value) && value.range ? value.range[1] : key.range[1] + 1;
    const colon = text.indexOf(':', key.range[1]);
    if (colon < 0 || colon > end) return null;
    return `${text.slice(0, key.range[1])}:\n${indent}  - ${item}${text.slice(Math.max(end, colon + 1))}`;
  }
  return null;
}

function eventsSeq(text: string): { seq: YAMLSeq; found: Located } | null {
  const found = findSimulation(text);
  if (!found || found === 'none' || !found.events || !isSeq(found.events.value)) return null;
  return { seq: found.events.value, found };
}

function readAt(node: unknown): number | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value !== 'string') return null;
  const d = parseDurationString(node.value);
  return d.ok ? d.seconds : null;
}

export function listSimEvents(text: string): WrittenEvent[] {
  const found = eventsSeq(text);
  if (!found) return [];
  return found.seq.items.map((it, index) => {
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

export function removeSimEvent(text: string, index: number): string | null {
  const found = eventsSeq(text);
  const item = found?.seq.items[index] as { range?: number[] } | undefined;
  if (!found || !item?.range) return null;
  const edited = removeFromSimulation(found.seq, found.found.text, item.range);
  return edited === null ? null : spliceDocument(text, found.found, edited);
}

/** The Simulation document's text without the event at `range` (its line, or its place in a flow list). */
function removeFromSimulation(seq: YAMLSeq, text: string, range: number[]): string | null {
  if (seq.flow) {
    let start = range[0]!;
    let end = range[2]!;
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) end += after[0].length;
    else {
      const before = /,\s*$/.exec(text.slice(0, start));
      if (before) start -= before[0].length;
    }
    return text.slice(0, start) + text.slice(end);
  }
  const start = lineStart(text, range[0]!);
  const lastChar = Math.max(range[1]! - 1, range[0]!);
  const end = Math.min(lineEnd(text, lastChar) + 1, text.length);
  if (!/^\s*-\s+$/.test(text.slice(start, range[0]))) return null;
  return text.slice(0, start) + text.slice(end);
}

export function moveSimEvent(text: string, index: number, at: number): string | null {
  const found = eventsSeq(text);
  const item = found?.seq.items[index];
  if (!found || !isMap(item)) return null;
  const node = item.get('at', true);
  if (!isScalar(node) || !node.range) return null;
  const own = found.found.text;
  return spliceDocument(text, found.found, own.slice(0, node.range[0]) + formatDuration(at) + own.slice(node.range[1]));
}
