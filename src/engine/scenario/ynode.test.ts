import { describe, expect, it } from 'vitest';
import { entry, isNull, jsonKind, present, type YMap, type YScalar } from './ynode';

const span = { line: 1, col: 1, endLine: 1, endCol: 2 };
const s = (value: YScalar['value'], source = String(value)): YScalar => ({ kind: 'scalar', span, value, source, quoted: false });

describe('ynode helpers', () => {
  const map: YMap = { kind: 'map', span, entries: [
    { key: 'a', keySpan: span, value: s(1) },
    { key: 'b', keySpan: span, value: s(null) },
    { key: 'a', keySpan: span, value: s(2) },
  ] };

  it('finds entries (the last one wins, like encoding/json) and treats null as absent', () => {
    expect(entry(map, 'a')?.value).toMatchObject({ value: 2 });
    expect(entry(map, 'b')).toBeDefined();
    expect(present(map, 'b')).toBeUndefined();
    expect(isNull(undefined)).toBe(true);
  });

  it('names JSON kinds like encoding/json', () => {
    expect(jsonKind(s('x'))).toBe('string');
    expect(jsonKind(s(3))).toBe('number');
    expect(jsonKind(s(1.5, '1.5'))).toBe('number 1.5');
    expect(jsonKind(s(true))).toBe('bool');
    expect(jsonKind(map)).toBe('object');
    expect(jsonKind({ kind: 'seq', span, items: [] })).toBe('array');
  });
});
