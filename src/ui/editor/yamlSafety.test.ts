import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_NODES } from '../../engine/scenario/limits';
import { expandedNodeCount, heavyReason, LARGE_TEXT_CHARS } from './yamlSafety';

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('texts that would hang the YAML worker', () => {
  it('finds an alias bomb without expanding it (its count stops at the cap: Infinity)', () => {
    expect(expandedNodeCount(BOMB)).toBe(Infinity);
    expect(heavyReason(BOMB)).toBe('aliases');
  });

  it('lets ordinary anchors and aliases through, and texts without any at once', () => {
    const text = 'defaults: &d { image: busybox, command: [sleep, "30"] }\na: *d\nb: *d\nc: "*not an alias"\n';
    expect(expandedNodeCount(text)).toBeGreaterThan(10);
    expect(expandedNodeCount(text)).toBeLessThan(100);
    expect(heavyReason(text)).toBeNull();
    expect(expandedNodeCount('a: 1\nb: [x, y]\n')).toBe(0);
    expect(heavyReason('a: 1\n# *c\n')).toBeNull();
    expect(expandedNodeCount(`x: &x [${'1,'.repeat(MAX_ALIAS_NODES)}1]\ny: *x\n`)).toBe(Infinity);
  });

  it('survives broken YAML, self-references and deep nesting', () => {
    expect(() => expandedNodeCount('a: &a [*a, *a]\n')).not.toThrow();
    expect(() => expandedNodeCount('a: *missing\nb: [\n')).not.toThrow();
    expect(expandedNodeCount(`a: &a ${'['.repeat(400)}${']'.repeat(400)}\nb: *a\n`)).toBe(Infinity);
  });

  it('calls a text over the size limit large', () => {
    expect(heavyReason('#'.repeat(LARGE_TEXT_CHARS + 1))).toBe('large');
    expect(heavyReason('a: 1\n')).toBeNull();
  });
});
