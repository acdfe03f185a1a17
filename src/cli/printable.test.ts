import { describe, expect, it } from 'vitest';
import { oneLine, printable } from './printable';

describe('printable', () => {
  it('escapes terminal controls and reordering marks, keeps tabs, line breaks and ordinary Unicode', () => {
    expect(printable('a\u001b]0;t\u0007\u001b[2J\u009b\u202eb\u2066c\td\n— é')).toBe('a\\u001b]0;t\\u0007\\u001b[2J\\u009b\\u202eb\\u2066c\td\n— é');
  });

  it('leaves a JSON text parsing to the same value', () => {
    const value = { image: 'x\u001b[8m\u202e\u0085y', why: 'line\nbreak' };
    expect(JSON.parse(printable(JSON.stringify(value, null, 2)))).toEqual(value);
  });

  it('oneLine escapes the breaks that text lines take from their input', () => {
    expect(oneLine('a\nb\rc')).toBe('a\\u000ab\\u000dc');
  });
});
