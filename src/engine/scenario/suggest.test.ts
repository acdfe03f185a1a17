import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './suggest';

describe('did you mean', () => {
  it('finds close names', () => {
    expect(closest('istio-prxy', ['app', 'istio-proxy'])).toBe('istio-proxy');
    expect(closest('exitafter', ['exitAfter', 'exitCode'])).toBe('exitAfter');
    expect(closest('SidecarContainer', ['SidecarContainers'])).toBe('SidecarContainers');
  });
  it('stays quiet when nothing is close', () => {
    expect(closest('database', ['app', 'istio-proxy'])).toBeUndefined();
    expect(didYouMean('zzz', ['app'])).toBe('');
  });
  it('formats the hint', () => {
    expect(didYouMean('ap', ['app'])).toBe(' (did you mean "app"?)');
  });
});
