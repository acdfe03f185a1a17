import { describe, expect, it } from 'vitest';
import { matchingRule, shouldContainerBeRestarted, shouldRestartAfterExit } from './restartPolicy';

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

  it('a probe kill (no exit code yet) takes the container\'s policy when it has one, else the pod\'s; no rule can match (computePodActions, a 1.35/1.36-era tree) [4.2]', () => {
    const rules = { restartPolicyRules: [{ action: 'Restart' as const, operator: 'In' as const, values: [137] }] };
    expect(shouldRestartAfterExit('OnFailure', {}, undefined, true)).toBe(true);
    expect(shouldRestartAfterExit('Never', {}, undefined, true)).toBe(false);
    expect(shouldRestartAfterExit('Never', { restartPolicy: 'OnFailure', ...rules }, undefined, true)).toBe(true);
    expect(shouldRestartAfterExit('Always', { restartPolicy: 'Never', ...rules }, undefined, true)).toBe(false);
    expect(shouldRestartAfterExit('Never', { restartPolicy: 'OnFailure' }, undefined, false)).toBe(false); // the gate off: the pod's
  });

  it('the first matching rule restarts a Never container on listed codes [11.1]', () => {
    const c = { restartPolicy: 'Never' as const, restartPolicyRules: [{ action: 'Restart' as const, operator: 'In' as const, values: [42] }] };
    expect(matchingRule(c, 42)).toBeDefined();
    expect(shouldRestartAfterExit('Never', c, 42, true)).toBe(true);
    expect(shouldRestartAfterExit('Never', c, 1, true)).toBe(false);
  });
});

describe('ShouldContainerBeRestarted (pkg/kubelet/container/helpers.go; 1.34+ ContainerRestartRules path) [4.1] [10.2]', () => {
  const sidecar = { restartPolicy: 'Always' as const };
  const off = { deleted: false, containerRestartRules: false };
  const on = { deleted: false, containerRestartRules: true };

  it('up to 1.33 (and with the gate off) it reads the pod policy only: a Never pod\'s sidecar is not "to be restarted"', () => {
    expect(shouldContainerBeRestarted('Never', sidecar, 1, off)).toBe(false);
    expect(shouldContainerBeRestarted('OnFailure', sidecar, 0, off)).toBe(false);
    expect(shouldContainerBeRestarted('OnFailure', sidecar, 1, off)).toBe(true);
    expect(shouldContainerBeRestarted('Always', {}, 0, off)).toBe(true);
  });

  it('with ContainerRestartRules (1.35+ by default) ContainerShouldRestart decides: rules, then the container policy, then the pod\'s', () => {
    expect(shouldContainerBeRestarted('Never', sidecar, 1, on)).toBe(true);
    expect(shouldContainerBeRestarted('Always', { restartPolicy: 'Never' }, 1, on)).toBe(false);
    const rule = { restartPolicy: 'Never' as const, restartPolicyRules: [{ action: 'Restart' as const, operator: 'In' as const, values: [42] }] };
    expect(shouldContainerBeRestarted('Never', rule, 42, on)).toBe(true);
    const all = { restartPolicy: 'Never' as const, restartPolicyRules: [{ action: 'RestartAllContainers' as const, operator: 'In' as const, values: [42] }] };
    expect(shouldContainerBeRestarted('Never', all, 42, on)).toBe(false);
  });

  it('false once the pod has a deletionTimestamp, whatever the policy', () => {
    expect(shouldContainerBeRestarted('Always', {}, 1, { deleted: true, containerRestartRules: false })).toBe(false);
    expect(shouldContainerBeRestarted('Always', sidecar, 1, { deleted: true, containerRestartRules: true })).toBe(false);
  });
});
