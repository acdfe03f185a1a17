import { describe, expect, it } from 'vitest';
import { sidecarPodTrace } from '../testFixtures';
import { writtenTime } from './writtenTime';

describe('writtenTime', () => {
  const trace = sidecarPodTrace();
  it('rounds a pointer time to a tenth of a second', () => {
    expect(writtenTime(trace, 20.034)).toBe(20);
    expect(writtenTime(trace, 7.46)).toBe(7.5);
    expect(writtenTime(null, 0.04)).toBe(0);
  });
  it('keeps an event’s instant exactly', () => {
    expect(writtenTime(trace, 11.5)).toBe(11.5);
    expect(writtenTime(trace, 12.5)).toBe(12.5);
  });
});
