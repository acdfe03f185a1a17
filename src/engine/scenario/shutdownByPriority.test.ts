// [8.16] Reading kubelet `shutdownGracePeriodByPodPriority` (shutdownByPriority.ts) and the kubelet's
// two checks of it (validation.go ValidateKubeletConfiguration, library ids 4640499 and 55784853384:
// "Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time",
// "Specifying shutdownGracePeriodByPodPriority requires feature gate GracefulNodeShutdownBasedOnPodPriority").
// The gate: kube_features.go {1.23 Alpha false}, {1.24 Beta true} in every stored tree up to 1.35.

import { describe, expect, it } from 'vitest';
import { FEATURE_GATES, SUPPORTED_VERSIONS, defaultGates, gateExists, gateLocked } from '../version';
import { KUBELET_KEYS } from './simulationDoc';
import { check, ok, pod } from './testUtil';

const WORKLOAD = pod('  containers:\n    - {name: app, image: nginx}\n');
/** A Simulation document (its line 3 is the first of `body`) before the workload. */
const sim = (body: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\n${body}---\n${WORKLOAD}`;
const list = (...entries: string[]) => `kubelet:\n  shutdownGracePeriodByPodPriority:\n${entries.map((e) => `    - ${e}\n`).join('')}`;
const kubeletOf = (text: string) => ok(check(text).result).scenario.sim.kubelet;

describe('the gate GracefulNodeShutdownBasedOnPodPriority', () => {
  it('is beta, on by default and settable in every supported version (1.27-1.37)', () => {
    expect(FEATURE_GATES.GracefulNodeShutdownBasedOnPodPriority).toMatchObject({ alpha: 23, beta: 24 });
    for (const v of SUPPORTED_VERSIONS) {
      expect([v, gateExists('GracefulNodeShutdownBasedOnPodPriority', v), gateLocked('GracefulNodeShutdownBasedOnPodPriority', v), defaultGates(v).GracefulNodeShutdownBasedOnPodPriority]).toEqual([v, true, false, true]);
    }
  });

  it('can be turned off under featureGates, with no problem', () => {
    const c = check(sim('kubernetesVersion: "1.30"\nfeatureGates:\n  GracefulNodeShutdownBasedOnPodPriority: false\n'));
    expect([c.errors, c.warnings]).toEqual([[], []]);
    expect(ok(c.result).scenario.sim.featureGates.GracefulNodeShutdownBasedOnPodPriority).toBe(false);
  });
});

describe('reading kubelet.shutdownGracePeriodByPodPriority', () => {
  it('is a kubelet key, and a near miss is pointed to it', () => {
    expect(KUBELET_KEYS).toContain('shutdownGracePeriodByPodPriority');
    expect(check(sim('kubelet:\n  shutdownGracePeriodByPriority: []\n')).errors[0]).toMatch(/^4:3 kubelet.shutdownGracePeriodByPriority: unknown field "shutdownGracePeriodByPriority" in kubelet \(did you mean "shutdownGracePeriodByPodPriority"\?\)/);
  });

  it('keeps the entries in the order written (block and flow styles), with no problem', () => {
    const text = sim(list('{ priority: 100000, shutdownGracePeriodSeconds: 10 }', 'priority: 0\n      shutdownGracePeriodSeconds: 60', '{ priority: -5, shutdownGracePeriodSeconds: 0 }'));
    const c = check(text);
    expect([c.errors, c.warnings]).toEqual([[], []]);
    expect(kubeletOf(text)).toEqual({ shutdownGracePeriodByPodPriority: [
      { priority: 100000, shutdownGracePeriodSeconds: 10 },
      { priority: 0, shutdownGracePeriodSeconds: 60 },
      { priority: -5, shutdownGracePeriodSeconds: 0 },
    ] });
  });

  it('accepts an explicit shutdownGracePeriod: 0 and shutdownGracePeriodCriticalPods: 0 beside it (validation only refuses values above 0)', () => {
    const text = sim(`kubelet:\n  shutdownGracePeriod: 0s\n  shutdownGracePeriodCriticalPods: 0\n  shutdownGracePeriodByPodPriority:\n    - { priority: 0, shutdownGracePeriodSeconds: 45 }\n`);
    expect(check(text).errors).toEqual([]);
    expect(kubeletOf(text).shutdownGracePeriodByPodPriority).toEqual([{ priority: 0, shutdownGracePeriodSeconds: 45 }]);
  });

  it('refuses something other than a list, at its value', () => {
    expect(check(sim('kubelet:\n  shutdownGracePeriodByPodPriority: 30s\n')).errors).toEqual([
      '4:37 kubelet.shutdownGracePeriodByPodPriority: shutdownGracePeriodByPodPriority must be a list of { priority, shutdownGracePeriodSeconds } entries, e.g. [{ priority: 0, shutdownGracePeriodSeconds: 60 }, { priority: 100000, shutdownGracePeriodSeconds: 10 }]',
    ]);
  });

  it('refuses an entry that is not a mapping, and an unknown field of an entry, each at its line', () => {
    const c = check(sim(list('{ priority: 0, shutdownGracePeriodSeconds: 60 }', '30', '{ priority: 10, shutdownGracePeriodSecond: 5 }')));
    expect(c.errors).toEqual([
      '6:7 kubelet.shutdownGracePeriodByPodPriority[1]: each entry must be a mapping { priority, shutdownGracePeriodSeconds }, e.g. [{ priority: 0, shutdownGracePeriodSeconds: 60 }, { priority: 100000, shutdownGracePeriodSeconds: 10 }]',
      expect.stringMatching(/^7:23 kubelet.shutdownGracePeriodByPodPriority\[2\].shutdownGracePeriodSecond: unknown field "shutdownGracePeriodSecond" in a shutdownGracePeriodByPodPriority entry \(did you mean "shutdownGracePeriodSeconds"\?\)/),
    ]);
  });

  it('refuses a priority that is not a whole number or outside int32, at the value', () => {
    const c = check(sim(list('{ priority: high, shutdownGracePeriodSeconds: 60 }', '{ priority: 1.5, shutdownGracePeriodSeconds: 60 }', '{ priority: 2147483648, shutdownGracePeriodSeconds: 60 }')));
    const msg = 'priority must be a whole number from -2147483648 to 2147483647 (an int32, as a pod\'s priority): the lowest pod priority of this entry\'s group';
    expect(c.errors).toEqual([
      `5:19 kubelet.shutdownGracePeriodByPodPriority[0].priority: ${msg}`,
      `6:19 kubelet.shutdownGracePeriodByPodPriority[1].priority: ${msg}`,
      `7:19 kubelet.shutdownGracePeriodByPodPriority[2].priority: ${msg}`,
    ]);
  });

  it('refuses a window that is a duration or a fraction: the field is whole seconds', () => {
    const c = check(sim(list('{ priority: 0, shutdownGracePeriodSeconds: 30s }', '{ priority: 1, shutdownGracePeriodSeconds: 2.5 }')));
    expect(c.errors).toEqual([
      '5:50 kubelet.shutdownGracePeriodByPodPriority[0].shutdownGracePeriodSeconds: shutdownGracePeriodSeconds must be a whole number of seconds, e.g. 30 (not a duration such as "30s")',
      '6:50 kubelet.shutdownGracePeriodByPodPriority[1].shutdownGracePeriodSeconds: shutdownGracePeriodSeconds must be a whole number of seconds, e.g. 30',
    ]);
  });

  it('warns on a negative window (accepted by the kubelet; its timer fires at once) and reads it as 0', () => {
    const text = sim(list('{ priority: 0, shutdownGracePeriodSeconds: -10 }'));
    expect(check(text).warnings).toEqual(['5:50 kubelet.shutdownGracePeriodByPodPriority[0].shutdownGracePeriodSeconds: a negative window (-10) is accepted by the kubelet, and its group\'s timer fires at once: simulated as 0']);
    expect(kubeletOf(text).shutdownGracePeriodByPodPriority).toEqual([{ priority: 0, shutdownGracePeriodSeconds: 0 }]);
  });

  it('warns on a field left out (the Go struct reads 0) and uses 0', () => {
    const text = sim(list('{ shutdownGracePeriodSeconds: 20 }', '{ priority: 1000 }'));
    expect(check(text).warnings).toEqual([
      '5:7 kubelet.shutdownGracePeriodByPodPriority[0].priority: priority is not set: the kubelet reads it as 0',
      '6:7 kubelet.shutdownGracePeriodByPodPriority[1].shutdownGracePeriodSeconds: shutdownGracePeriodSeconds is not set: the kubelet reads it as 0',
    ]);
    expect(kubeletOf(text).shutdownGracePeriodByPodPriority).toEqual([{ priority: 0, shutdownGracePeriodSeconds: 20 }, { priority: 1000, shutdownGracePeriodSeconds: 0 }]);
  });

  it('warns on two entries of one priority, and keeps both', () => {
    const text = sim(list('{ priority: 100, shutdownGracePeriodSeconds: 20 }', '{ priority: 100, shutdownGracePeriodSeconds: 40 }'));
    expect(check(text).warnings).toEqual(['6:7 kubelet.shutdownGracePeriodByPodPriority[1]: entry 0 has priority 100 too: the kubelet accepts both; a pod of priority 100 goes to the first, and a pod above it (below the next entry) to the last']);
    expect(kubeletOf(text).shutdownGracePeriodByPodPriority).toHaveLength(2);
  });

  it('an empty list sets nothing, with a warning: the two older settings apply', () => {
    const text = sim('kubelet:\n  shutdownGracePeriod: 40s\n  shutdownGracePeriodByPodPriority: []\n');
    expect(check(text).warnings).toEqual(['5:3 kubelet.shutdownGracePeriodByPodPriority: an empty shutdownGracePeriodByPodPriority sets nothing: the kubelet uses shutdownGracePeriod and shutdownGracePeriodCriticalPods instead']);
    expect(kubeletOf(text)).toEqual({ shutdownGracePeriod: 40 });
  });
});

describe('the kubelet\'s checks: a refused configuration, so the kubelet does not start', () => {
  const BOTH = 'invalid configuration: Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time';
  it.each([
    ['shutdownGracePeriod: 30s', '1.33'],
    ['shutdownGracePeriodCriticalPods: 10s', '1.27'],
    ['shutdownGracePeriod: 500ms', '1.37'], // above 0 for the check, though under the 1 s the kubelet keeps
  ] as const)('%s beside the list (%s): an error at the list\'s key, and neither setting is used', (line, v) => {
    const c = check(sim(`kubernetesVersion: "${v}"\nkubelet:\n  ${line}\n  shutdownGracePeriodByPodPriority:\n    - { priority: 0, shutdownGracePeriodSeconds: 60 }\n`));
    expect(c.errors).toEqual([`6:3 kubelet.shutdownGracePeriodByPodPriority: ${BOTH} (shutdownGracePeriod or shutdownGracePeriodCriticalPods is set above 0): a kubelet refuses to start, so neither wins; remove them or set them to 0`]);
    expect(c.result.ok).toBe(false);
  });

  it.each(['1.27', '1.31', '1.37'] as const)('%s with the gate off: the list is refused (even with shutdownGracePeriod set, only this error)', (v) => {
    const c = check(sim(`kubernetesVersion: "${v}"\nfeatureGates:\n  GracefulNodeShutdownBasedOnPodPriority: false\nkubelet:\n  shutdownGracePeriod: 30s\n  shutdownGracePeriodByPodPriority:\n    - { priority: 0, shutdownGracePeriodSeconds: 60 }\n`));
    expect(c.errors).toEqual([`8:3 kubelet.shutdownGracePeriodByPodPriority: invalid configuration: Specifying shutdownGracePeriodByPodPriority requires feature gate GracefulNodeShutdownBasedOnPodPriority (off in this scenario's featureGates; on by default in ${v}): a kubelet refuses to start with it`]);
  });

  it('the gate off from the command line or the version picker: the same error', () => {
    const c = check(sim(list('{ priority: 0, shutdownGracePeriodSeconds: 60 }')), { featureGates: { GracefulNodeShutdownBasedOnPodPriority: false } });
    expect(c.errors).toHaveLength(1);
    expect(c.errors[0]).toMatch(/^4:3 kubelet.shutdownGracePeriodByPodPriority: invalid configuration: Specifying shutdownGracePeriodByPodPriority requires feature gate/);
  });

  it('the gate off with no list: nothing to refuse', () => {
    const c = check(sim('featureGates:\n  GracefulNodeShutdownBasedOnPodPriority: false\nkubelet:\n  shutdownGracePeriod: 30s\n'));
    expect(c.errors).toEqual([]);
    expect(ok(c.result).scenario.sim.kubelet).toEqual({ shutdownGracePeriod: 30 });
  });
});
