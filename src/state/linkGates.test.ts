import { describe, expect, it } from 'vitest';
import { checkLinkGates } from './linkGates';

describe('a link\'s feature gates', () => {
  it('accepts a gate of the version and names those it refuses, with why', () => {
    expect(checkLinkGates({ ContainerRestartRules: true, SidecarContainer: true, RestartAllContainersOnContainerExits: true }, '1.34')).toEqual({
      accepted: [['ContainerRestartRules', true]],
      refused: ['SidecarContainer (unknown)', 'RestartAllContainersOnContainerExits (not in 1.34; it arrives in 1.35)'],
    });
  });

  it('writes a gate from a link of our former spelling as Kubernetes spells it (kube_features.go)', () => {
    expect(checkLinkGates({ ReduceDefaultCrashLoopBackoffDecay: true }, '1.34')).toEqual({ accepted: [['ReduceDefaultCrashLoopBackOffDecay', true]], refused: [] });
  });
});
