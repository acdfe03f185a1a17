// Field readers for the Simulation document (our own format: strict about unknown keys, with
// "did you mean" hints, and durations in Go style).

import { parseDuration } from './duration';
import { MAX_IMAGE_SIZE_BYTES, MAX_PULL_ERROR_CHARS, MAX_START_ERROR_CHARS } from './limits';
import { child, type Problems, type Span } from './problems';
import { didYouMean } from './suggest';
import { isNull, type YEntry, type YMap, type YNode } from './ynode';

/** Reports keys of `map` not in `known`; returns the entries that are known. */
export function checkKeys(p: Problems, map: YMap, path: string, known: readonly string[], what: string): YEntry[] {
  const out: YEntry[] = [];
  for (const e of map.entries) {
    if (known.includes(e.key)) out.push(e);
    else p.error(child(path, e.key), `unknown field ${JSON.stringify(e.key)} in ${what}${didYouMean(e.key, known)}; known fields: ${known.join(', ')}`, e.keySpan);
  }
  return out;
}

export function readDuration(p: Problems, node: YNode, path: string): number | undefined {
  const r = parseDuration(node);
  if (!r.ok) { p.error(path, r.message, node.span); return undefined; }
  return r.seconds;
}

/** A duration, or "never" (null). */
export function readDurationOrNever(p: Problems, node: YNode, path: string): number | null | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim().toLowerCase() === 'never') return null;
  const r = parseDuration(node);
  if (!r.ok) { p.error(path, `${r.message}, or "never"`, node.span); return undefined; }
  return r.seconds;
}

export function readExitCode(p: Problems, node: YNode, path: string): number | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0 || node.value > 255) {
    p.error(path, 'an exit code must be an integer from 0 to 255', node.span);
    return undefined;
  }
  return node.value;
}

/** A failPull's `message` ([10.9]): the runtime's error for the pull, 1 to MAX_PULL_ERROR_CHARS characters. */
export function readPullError(p: Problems, node: YNode, path: string): string | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() !== '') {
    const message = node.value.trim();
    if (message.length <= MAX_PULL_ERROR_CHARS) return message;
    p.error(path, `message is ${message.length} characters long (at most ${MAX_PULL_ERROR_CHARS})`, node.span);
    return undefined;
  }
  p.error(path, 'message must be the runtime\'s error for the pull, e.g. "rpc error: code = NotFound desc = …: not found"', node.span);
  return undefined;
}

/** `imageSize` ([10.6]): the image's size in bytes, as the runtime reports it after a pull. */
export function readImageSize(p: Problems, node: YNode, path: string): number | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0 || node.value > MAX_IMAGE_SIZE_BYTES) {
    p.error(path, 'imageSize must be a whole number of bytes, from 0 to 10^12 (e.g. 72324501)', node.span);
    return undefined;
  }
  return node.value;
}

/**
 * `startError` ([3.5]): true (the start fails with the runtime's "executable file not found"
 * message for the container's command), false (it does not fail), or the runtime's own message.
 */
export function readStartError(p: Problems, node: YNode, path: string): string | boolean | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() !== '') {
    const message = node.value.trim();
    if (message.length <= MAX_START_ERROR_CHARS) return message;
    p.error(path, `startError's message is ${message.length} characters long (at most ${MAX_START_ERROR_CHARS})`, node.span);
    return undefined;
  }
  p.error(path, 'startError must be true (the start fails: executable file not found), false, or the runtime\'s message', node.span);
  return undefined;
}

/** A failing HTTP status (400-599): the HTTP prober passes 200-399 (3xx with a warning) [5.13]. */
export function readFailingStatus(p: Problems, node: YNode, path: string): number | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 400 || node.value > 599) {
    p.error(path, 'statusCode must be a failing HTTP status, an integer from 400 to 599 (the HTTP prober passes 200-399)', node.span);
    return undefined;
  }
  return node.value;
}

export function readNonNegativeInt(p: Problems, node: YNode, path: string): number | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0) {
    p.error(path, 'must be a whole number of seconds, 0 or more', node.span);
    return undefined;
  }
  return node.value;
}

export function readText(p: Problems, node: YNode, path: string): string | undefined {
  if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'object') {
    p.error(path, 'must be a string', node.span);
    return undefined;
  }
  return typeof node.value === 'string' ? node.value : node.source;
}

export function expectMap(p: Problems, node: YNode, path: string, what: string): YMap | undefined {
  if (isNull(node)) return undefined;
  if (node.kind !== 'map') {
    p.error(path, `${what} must be a mapping`, node.span);
    return undefined;
  }
  return node;
}

export interface Keyed<T> {
  value: T;
  keySpan: Span;
}
