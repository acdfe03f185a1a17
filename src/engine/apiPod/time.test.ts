import { describe, expect, it } from 'vitest';
import { formatRfc3339, newestTimestamp, parseRfc3339 } from './time';

describe('parseRfc3339', () => {
  it.each<[string, number | undefined]>([
    ['1970-01-01T00:00:10Z', 10],
    ['2025-03-01T10:00:00Z', 1740823200],
    ['2025-03-01T10:00:00.250Z', 1740823200.25],
    ['2025-03-01T10:00:00.123456789Z', 1740823200.123],
    ['2025-03-01T12:00:00+02:00', 1740823200],
    ['2025-03-01T05:30:00-04:30', 1740823200],
    ['2025-03-01', undefined],
    ['yesterday', undefined],
    ['2025-13-01T00:00:00Z', undefined],
  ])('%s', (text, seconds) => {
    expect(parseRfc3339(text)).toBe(seconds);
  });

  it('round-trips through formatRfc3339', () => {
    expect(formatRfc3339(1740823200)).toBe('2025-03-01T10:00:00Z');
    expect(formatRfc3339(1740823200.25)).toBe('2025-03-01T10:00:00.250Z');
  });
});

describe('newestTimestamp', () => {
  it('finds the newest time field, ignoring managedFields and non-time keys', () => {
    const obj = {
      metadata: {
        creationTimestamp: '2025-03-01T10:00:00Z',
        managedFields: [{ time: '2030-01-01T00:00:00Z' }],
        annotations: { note: '2029-01-01T00:00:00Z' },
      },
      status: {
        conditions: [{ lastTransitionTime: '2025-03-01T10:00:05Z' }],
        containerStatuses: [{ state: { terminated: { finishedAt: '2025-03-01T10:01:00Z', startedAt: 'bad' } } }],
      },
    };
    expect(newestTimestamp(obj)).toBe(parseRfc3339('2025-03-01T10:01:00Z'));
    expect(newestTimestamp({ a: 1 })).toBeUndefined();
  });
});
