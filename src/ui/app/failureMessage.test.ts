import { describe, expect, it } from 'vitest';
import { failureMessage } from './failureMessage';

describe('failureMessage', () => {
  it("says an error's own message, and what was thrown when it has none", () => {
    expect(failureMessage(new TypeError('Failed to fetch dynamically imported module: http://x/a.js'))).toBe('Failed to fetch dynamically imported module: http://x/a.js');
    expect(failureMessage('a string')).toBe('a string');
    expect(failureMessage(new Error(''))).toBe('Error');
    expect(failureMessage({})).toBe('an unknown error');
    expect(failureMessage(undefined)).toBe('an unknown error');
    expect(failureMessage(null)).toBe('an unknown error');
  });
});
