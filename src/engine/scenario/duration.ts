// Durations in the Simulation document: numbers of seconds, or Go-style strings (500ms, 2s,
// 1m30s, 1h). Results are seconds rounded to the millisecond, like trace times.

import { MAX_DURATION_SECONDS } from './limits';
import type { YNode } from './ynode';

export type DurationResult = { ok: true; seconds: number } | { ok: false; message: string };

// Go's two spellings of the microsecond, the micro sign U+00B5 and the Greek mu U+03BC, written as
// escapes: one non-ASCII character would make the `sim` bundle a two-byte string, ~3 ms more to
// read at every call (bin/sim-cli.cjs; launcher.test.ts checks the bundle is ASCII).
const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9, us: 1e-6, '\u00b5s': 1e-6, '\u03bcs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Parses a Go duration string ("1m30s") or a plain number string ("2.5"). */
export function parseDurationString(raw: string): DurationResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'a duration is required, e.g. 2s, 500ms or 1m30s' };
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return checkSeconds(Number(text));
  let sign = 1;
  let rest = text;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1;
    rest = rest.slice(1);
  }
  let total = 0;
  let pos = 0;
  while (pos < rest.length) {
    PART.lastIndex = pos;
    const m = PART.exec(rest);
    if (!m) {
      const hint = /^\d+(\.\d+)?\s*(d|days?|w)$/i.test(rest) ? ' (days are not a Go duration unit: use hours, e.g. 24h)' : '';
      return { ok: false, message: `invalid duration ${JSON.stringify(raw)}: use a number of seconds or a Go duration such as 500ms, 2s, 1m30s or 1h${hint}` };
    }
    total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
    pos = PART.lastIndex;
  }
  return checkSeconds(sign * total);
}

function checkSeconds(seconds: number): DurationResult {
  if (!Number.isFinite(seconds)) return { ok: false, message: 'a duration must be a finite number of seconds' };
  if (seconds < 0) return { ok: false, message: `a duration may not be negative (got ${roundMs(seconds)}s)` };
  if (seconds > MAX_DURATION_SECONDS) return { ok: false, message: `a duration may not exceed ${MAX_DURATION_SECONDS}s (a year)` };
  return { ok: true, seconds: roundMs(seconds) };
}

/** A duration from a YAML node: a number (seconds) or a duration string. */
export function parseDuration(node: YNode): DurationResult {
  if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') {
    return { ok: false, message: 'expected a duration: a number of seconds or a string such as 500ms, 2s or 1m30s' };
  }
  if (typeof node.value === 'number') return checkSeconds(node.value);
  return parseDurationString(node.value);
}

/** Human form used in notes: 30 s, 1.5 s, 2 min, 1 h 30 min. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120 || seconds % 60 !== 0) return `${roundMs(seconds)} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A long span of simulated time, to the minute: 42 s, 59 min 3 s, 463 h 2 min. */
export function roughDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 60) return `${Math.round(seconds * 10) / 10} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const m = Math.floor((s % 3600) / 60);
  return m ? `${Math.floor(s / 3600)} h ${m} min` : `${Math.floor(s / 3600)} h`;
}
