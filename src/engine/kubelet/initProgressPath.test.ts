// [2.10] Which branch of computePodActions reads init progress, by version (computePodActions in
// kuberuntime_manager.go at the 1.28-era and a 1.33+ stored version; #127162 in 1.31 with its
// 1.29/1.30 cherry-picks #127204/#127203; LegacySidecarContainers off by default from 1.33).
import { describe, expect, it } from 'vitest';
import { initProgressReadsActiveSandbox, usesLegacyInitProgress } from './initProgressPath';

const plain = [{}, {}];
const withSidecar = [{ restartPolicy: 'Always' as const }, {}];

describe('[2.10] usesLegacyInitProgress (findNextInitContainerToRun vs computeInitContainerActions)', () => {
  it.each([
    [27, true, plain, true], [27, false, withSidecar, true],
    [28, false, plain, true], [28, true, plain, false], [28, true, withSidecar, false],
    [29, true, plain, true], [32, true, plain, true], [30, true, withSidecar, false], [32, true, withSidecar, false],
    [33, true, plain, false], [36, true, plain, false], [36, true, withSidecar, false],
  ] as const)('1.%i, SidecarContainers %s, %j: legacy branch %s', (minor, gate, inits, legacy) => {
    expect(usesLegacyInitProgress(minor, gate, inits)).toBe(legacy);
  });
});

describe('[2.10] initProgressReadsActiveSandbox (computeInitContainerActions reads ActiveContainerStatuses from 1.37, #138514)', () => {
  it.each([[27, false], [33, false], [36, false], [37, true]] as const)('1.%i: %s', (minor, active) => {
    expect(initProgressReadsActiveSandbox(minor)).toBe(active);
  });
});
