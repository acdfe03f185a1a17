import { describe, expect, it } from 'vitest';
import { currentRequestToken, tokenTracking, trackingLanguages } from './providerTokens';

const token = () => ({ isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });

describe('the token of the provider call running now', () => {
  it('is the call\'s token while it runs synchronously, and none before or after', () => {
    const seen: unknown[] = [];
    const t = token();
    const provider = tokenTracking({ provideHover: (_model: unknown, _position: unknown, _token: unknown) => { seen.push(currentRequestToken()); return 'hover'; } });
    expect(currentRequestToken()).toBeUndefined();
    expect(provider.provideHover({}, {}, t)).toBe('hover');
    expect(seen).toEqual([t]);
    expect(currentRequestToken()).toBeUndefined();
  });

  it('is none for a call without a token, and the outer one again after a nested call', () => {
    const seen: unknown[] = [];
    const outer = token();
    const inner = tokenTracking({ provideLinks: () => { seen.push(currentRequestToken()); } });
    const provider = tokenTracking({
      provideFoldingRanges: (_model: unknown, _context: unknown, _token: unknown) => { inner.provideLinks(); seen.push(currentRequestToken()); },
    });
    provider.provideFoldingRanges({}, {}, outer);
    expect(seen).toEqual([undefined, outer]);
  });

  it('is cleared when the call throws', () => {
    const provider = tokenTracking({ provideHover: (_m: unknown, _p: unknown, _t: unknown) => { throw new Error('boom'); } });
    expect(() => provider.provideHover({}, {}, token())).toThrow('boom');
    expect(currentRequestToken()).toBeUndefined();
  });

  it('keeps what is not a method (trigger characters, a display name) as it is', () => {
    const provider = tokenTracking({ triggerCharacters: [' ', ':'], displayName: 'yaml' });
    expect(provider.triggerCharacters).toEqual([' ', ':']);
    expect(provider.displayName).toBe('yaml');
  });
});

describe('languages whose providers are tracked', () => {
  it('wraps every register…Provider, passing the selector and the rest through, and nothing else', () => {
    const registered: unknown[][] = [];
    const languages = {
      registerHoverProvider: (...args: unknown[]) => { registered.push(args); return 'disposable'; },
      registerCodeActionProvider: (...args: unknown[]) => { registered.push(args); return 'disposable'; },
      register: (lang: unknown) => lang,
      CompletionItemKind: { Text: 18 },
    };
    const view = trackingLanguages(languages as never) as unknown as typeof languages;
    const seen: unknown[] = [];
    const t = token();
    expect(view.registerCodeActionProvider('yaml', { provideCodeActions: (_m: unknown, _r: unknown, _c: unknown, _t: unknown) => seen.push(currentRequestToken()) }, { providedCodeActionKinds: ['quickfix'] })).toBe('disposable');
    expect(registered[0]![0]).toBe('yaml');
    expect(registered[0]![2]).toEqual({ providedCodeActionKinds: ['quickfix'] });
    (registered[0]![1] as { provideCodeActions(...a: unknown[]): void }).provideCodeActions({}, {}, {}, t);
    expect(seen).toEqual([t]);
    expect(view.register).toBe(languages.register);
    expect(view.CompletionItemKind).toBe(languages.CompletionItemKind);
  });
});
