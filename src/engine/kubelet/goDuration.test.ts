import { describe, expect, it } from 'vitest';
import { goSeconds } from './goDuration';

// Go's time.Duration.String() (src/time/time.go): the published back-off messages read
// "back-off 10s", "back-off 40s", "back-off 1m20s", "back-off 2m40s", "back-off 5m0s".
describe('goSeconds: time.Duration String() of whole seconds', () => {
  it.each([[0, '0s'], [1, '1s'], [10, '10s'], [59, '59s'], [60, '1m0s'], [90, '1m30s'], [40, '40s'], [80, '1m20s'], [160, '2m40s'], [300, '5m0s'], [3600, '1h0m0s'], [3605, '1h0m5s'], [3725, '1h2m5s'], [86400, '24h0m0s']])('%i s is %s', (s, text) => {
    expect(goSeconds(s)).toBe(text);
  });
});
