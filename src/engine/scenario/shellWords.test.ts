import { describe, expect, it } from 'vitest';
import { braceCount, seqCount, sleepSeconds } from './shellWords';

const w = (text: string, dynamic = false) => ({ text, dynamic });

describe('shell words [15.2]', () => {
  it('seq: N, A B, A STEP B, in $( ) or backquotes', () => {
    expect(seqCount(w('$(seq 5)', true))).toBe(5);
    expect(seqCount(w('$(seq 1 5)', true))).toBe(5);
    expect(seqCount(w('`seq 10 -2 1`', true))).toBe(5);
    expect(seqCount(w('$(seq 5 1)', true))).toBe(0);
    expect(seqCount(w('$(seq 1 0 5)', true))).toBeUndefined();
    expect(seqCount(w('$(ls)', true))).toBeUndefined();
  });

  it('bash brace ranges, either direction', () => {
    expect(braceCount(w('{1..5}'))).toBe(5);
    expect(braceCount(w('{5..1}'))).toBe(5);
    expect(braceCount(w('{a,b}'))).toBeUndefined();
  });

  it('sleep operands add up; infinity never ends; expansions cannot be read', () => {
    expect(sleepSeconds([w('1m'), w('30')])).toBe(90);
    expect(sleepSeconds([w('infinity')])).toBe(Infinity);
    expect(sleepSeconds([w('$DELAY', true)])).toBeNull();
  });
});
