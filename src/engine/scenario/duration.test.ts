import { describe, expect, it } from 'vitest';
import { formatSeconds, parseDuration, parseDurationString, roughDuration } from './duration';
import type { YScalar } from './ynode';

const scalar = (value: string | number | boolean | null): YScalar => ({
  kind: 'scalar', value, source: String(value), quoted: false, span: { line: 1, col: 1, endLine: 1, endCol: 2 },
});

describe('durations', () => {
  it.each([
    ['500ms', 0.5], ['2s', 2], ['1m30s', 90], ['1h', 3600], ['1.5s', 1.5], ['10', 10], ['0', 0],
    ['2h45m', 9900], ['1us', 0], ['250us', 0], ['1500ms', 1.5], [' 3s ', 3],
    // Go's time.ParseDuration unitMap: the micro sign (U+00B5) and the Greek mu (U+03BC) both.
    ['1500000\u00b5s', 1.5], ['2500000\u03bcs', 2.5], ['1s500000µs', 1.5],
  ])('parses %s', (text, seconds) => {
    expect(parseDurationString(text)).toEqual({ ok: true, seconds });
  });

  it('takes numbers as seconds, rounded to the millisecond', () => {
    expect(parseDuration(scalar(45))).toEqual({ ok: true, seconds: 45 });
    expect(parseDuration(scalar(0.0004))).toEqual({ ok: true, seconds: 0 });
    expect(parseDuration(scalar(1.2345))).toEqual({ ok: true, seconds: 1.235 });
  });

  it('refuses negative durations', () => {
    expect(parseDurationString('-5s')).toMatchObject({ ok: false, message: expect.stringMatching(/may not be negative/) });
    expect(parseDuration(scalar(-1))).toMatchObject({ ok: false });
  });

  it('refuses nonsense with a hint', () => {
    expect(parseDurationString('five seconds')).toMatchObject({ ok: false, message: expect.stringMatching(/Go duration/) });
    expect(parseDurationString('2d')).toMatchObject({ ok: false, message: expect.stringMatching(/24h/) });
    expect(parseDurationString('')).toMatchObject({ ok: false });
    expect(parseDuration(scalar(true))).toMatchObject({ ok: false });
    expect(parseDuration(scalar(null))).toMatchObject({ ok: false });
    expect(parseDurationString('1e400')).toMatchObject({ ok: false });
    expect(parseDurationString('99999999h')).toMatchObject({ ok: false, message: expect.stringMatching(/exceed/) });
  });

  it('formats seconds for notes', () => {
    expect(formatSeconds(30)).toBe('30 s');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatSeconds(3600)).toBe('1 h');
    expect(formatSeconds(5400)).toBe('1 h 30 min');
  });
});

describe('roughDuration', () => {
  it('prints a long span of simulated time to the minute', () => {
    expect([0, 42.25, 60, 183, 3600, 3661, 1666934].map(roughDuration)).toEqual(['0 s', '42.3 s', '1 min', '3 min 3 s', '1 h', '1 h 1 min', '463 h 2 min']);
  });
});
