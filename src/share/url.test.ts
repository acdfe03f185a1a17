import { describe, expect, it } from 'vitest';
import { appHref, isEmbedUrl, splitFragment } from './url';

describe('link addresses', () => {
  it('splits the link from its parameters', () => {
    expect(splitFragment('#v1.abc&t=3')).toEqual({ kind: 'link', format: 1, payload: 'abc' });
    expect(splitFragment('v12.abc?t=3')).toMatchObject({ format: 12, payload: 'abc' });
    expect(splitFragment('#t=3')).toEqual({ kind: 'none' });
    expect(splitFragment('#nope')).toMatchObject({ kind: 'link', format: null });
  });

  it('reads ?embed', () => {
    expect(isEmbedUrl('http://h/?embed')).toBe(true);
    expect(isEmbedUrl('http://h/?embed=1#v1.x')).toBe(true);
    expect(isEmbedUrl('http://h/?embed=0')).toBe(false);
    expect(isEmbedUrl('http://h/#embed')).toBe(false);
    expect(isEmbedUrl('http://h/embed/#v1.x')).toBe(true);
    expect(isEmbedUrl('http://h/lab/embed/index.html')).toBe(true);
    expect(isEmbedUrl('http://h/embedded/')).toBe(false);
    expect(isEmbedUrl('nonsense')).toBe(false);
  });

  it('builds the app\'s address for a fragment, dropping t and embed', () => {
    expect(appHref('http://h:1/lab/?embed&t=4&x=1#old', 'v1.abc')).toBe('http://h:1/lab/?x=1#v1.abc');
    expect(appHref('http://h/?t=4', 'v1.abc', { embed: true })).toBe('http://h/embed/#v1.abc');
    expect(appHref('http://h/lab/index.html?embed', 'v1.abc', { embed: true })).toBe('http://h/lab/embed/#v1.abc');
    expect(appHref('http://h/lab/embed/#v1.old', 'v1.abc')).toBe('http://h/lab/#v1.abc');
    expect(appHref('http://h/lab/embed/index.html', 'v1.abc', { embed: true })).toBe('http://h/lab/embed/#v1.abc');
    expect(appHref('http://h/', '')).toBe('http://h/');
    expect(appHref('http://h/lab?t=1', 'v1.abc')).toBe('http://h/lab#v1.abc');
    expect(appHref('http://h/lab', 'v1.abc', { embed: true })).toBe('http://h/lab/embed/#v1.abc');
  });
});
