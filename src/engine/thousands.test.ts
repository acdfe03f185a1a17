import { describe, expect, it } from 'vitest';
import { thousands } from './thousands';

describe('thousands (the counts in the engine\'s messages)', () => {
  it('writes a count as toLocaleString(\'en-US\') does', () => {
    for (const n of [0, 7, 999, 1000, 50_000, 250_000, 1_234_567]) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
    expect(thousands(50_000)).toBe('50,000');
  });
});
