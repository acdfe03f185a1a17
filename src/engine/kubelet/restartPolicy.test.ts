import { describe, expect, it } from 'vitest';
import { matchingRule, shouldRestartAfterExit } from './restartPolicy';

describe('restart decisions [4.1] [4.2]', () => {
  it.each([
    ['Always', 0, true], ['Always', 1, true],
    ['OnFailure', 0, false], ['OnFailure', 1, true],
    ['Never', 0, false], ['Never', 1, false],
  ] as const)('pod %s, exit %d -> restart %s', (policy, code, want) => {
    expect(shouldRestartAfterExit(policy, {}, code, false)).toBe(want);
  });

  it('a container-level Never wins over the pod policy only with ContainerRestartRules [4.2]', () => {
    expect(shouldRestartAfterExit('Always', { restartPolicy: 'Never' }, 1, true)).toBe(false);
    expect(shouldRestartAfterExit('Always', { restartPolicy: 'Never' }, 1, false)).toBe(true);
  });

  it('the first matching rule restarts a Never container on listed codes [11.1]', () => {
    const c = { restartPolicy: 'Never' as const, restartPolicyRules: [{ action: 'Restart' as const, operator: 'In' as const, values: [42] }] };
    expect(matchingRule(c, 42)).toBeDefined();
    expect(shouldRestartAfterExit('Never', c, 42, true)).toBe(true);
    expect(shouldRestartAfterExit('Never', c, 1, true)).toBe(false);
  });
});
