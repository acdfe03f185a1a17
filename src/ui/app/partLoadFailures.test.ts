import { describe, expect, it, vi } from 'vitest';
import { PartLoadFailures, failedFiles, listWords } from './partLoadFailures';

describe('PartLoadFailures', () => {
  it('lists each failed part once, by name whatever order they failed in, and tells its listeners', () => {
    const list = new PartLoadFailures();
    const listener = vi.fn();
    const stop = list.subscribe(listener);
    list.report({ part: 'the gallery', message: 'Failed to fetch dynamically imported module: http://x/assets/GalleryPanel-1.js' });
    list.report({ part: 'sharing', message: 'Failed to fetch dynamically imported module: http://x/assets/ShareButton-1.js' });
    // The shared link's banner and its dialog come from one chunk: the second failure adds nothing.
    list.report({ part: 'the gallery', message: 'again' });
    expect(list.current().map((f) => f.part)).toEqual(['sharing', 'the gallery']);
    expect(list.current()[1]!.message).toContain('GalleryPanel-1.js');
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    list.report({ part: 'the history', message: 'x' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('reads the same whichever of two parts failed first (the CI of 88f77cb saw both orders)', () => {
    const gallery = { part: 'the gallery', message: 'a' };
    const panels = { part: 'the selection, containers and events panels', message: 'b' };
    const first = new PartLoadFailures();
    first.report(gallery);
    first.report(panels);
    const second = new PartLoadFailures();
    second.report(panels);
    second.report(gallery);
    expect(second.current()).toEqual(first.current());
  });

  it('gives a new list at each change, so React sees it changed, and the same list otherwise', () => {
    const list = new PartLoadFailures();
    const empty = list.current();
    expect(list.current()).toBe(empty);
    list.report({ part: 'the gallery', message: 'x' });
    expect(list.current()).not.toBe(empty);
  });

  it('names each file that did not arrive once, with every part it held (laterParts.ts: a dozen parts in one chunk)', () => {
    const list = new PartLoadFailures();
    const later = 'Failed to fetch dynamically imported module: http://x/assets/laterParts-1.js';
    list.report({ part: 'the selection, containers and events panels', message: later });
    list.report({ part: 'the explain view', message: 'Failed to fetch dynamically imported module: http://x/assets/ExplainView-1.js' });
    list.report({ part: 'the gallery', message: later });
    list.report({ part: 'the history', message: later });
    expect(failedFiles(list.current())).toEqual([
      { message: 'Failed to fetch dynamically imported module: http://x/assets/ExplainView-1.js', parts: ['the explain view'] },
      { message: later, parts: ['the gallery', 'the history', 'the selection, containers and events panels'] },
    ]);
  });

  it('words a list of parts as a sentence does', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['the gallery'])).toBe('the gallery');
    expect(listWords(['the gallery', 'the history'])).toBe('the gallery and the history');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
