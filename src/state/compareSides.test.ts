import { describe, expect, it } from 'vitest';
import { defaultGates, type KubeVersion } from '../engine/version';
import { differsLabels, niceTicks, sideOrder } from './compareSides';

const side = (label: string, version: KubeVersion, set: Record<string, boolean> = {}) => ({ label, version, featureGates: { ...defaultGates(version), ...set } });

describe('compare sides: labels say what differs, order by version, round ticks', () => {
  const sides = [side('1.28', '1.28'), { label: '1.27', version: '1.27' as KubeVersion }, side('1.28 + gate', '1.28', { SidecarContainers: true }), side('1.29', '1.29'), side('1.35 rules', '1.35')];

  it('names the version and the gate set away from its default', () => {
    expect(differsLabels(sides)).toEqual([
      '1.28, SidecarContainers off', '1.27', '1.28, SidecarContainers on (set)', '1.29, SidecarContainers on', '1.35, SidecarContainers on',
    ]);
  });

  it('keeps the author\'s label when only the spec differs', () => {
    expect(differsLabels([side('sidecar as a regular container', '1.36'), side('native sidecar', '1.36')])).toEqual(['sidecar as a regular container', 'native sidecar']);
  });

  it('orders by version, then fewer gates set, ties as in the link', () => {
    expect(sideOrder(sides)).toEqual([1, 0, 2, 3, 4]);
  });

  it('ticks at 1, 2 or 5 × 10^n seconds', () => {
    expect(niceTicks(35.84)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(5.432)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(1234, 5)).toEqual([0, 500, 1000]);
  });
});
