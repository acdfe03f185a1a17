import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { formatBytes } from './formatSize';
import { bigParts, withoutIgnoredFields } from './linkSize';

const POD = (annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
${annotations}
  labels: { app: web }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 30']
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 1m
`;

describe('what makes a share link big', () => {
  it('names the biggest part of the text with its size', () => {
    const text = POD(`    note: "${'x'.repeat(60_000)}"`);
    expect(bigParts(text, 1)).toEqual([{ path: 'metadata.annotations', bytes: expect.any(Number) }]);
    expect(formatBytes(bigParts(text, 1)[0]!.bytes)).toBe('60 kB');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(3_101_239)).toBe('3.1 MB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.1 MB');
  });

  it('cuts out annotations and managedFields, which the simulation never reads: same trace, everything else untouched', () => {
    const text = POD(`    note: "${'x'.repeat(3000)}"\n    other: |\n      a\n      b`).replace('  name: web\n', '  name: web\n  managedFields:\n    - manager: kubectl\n      operation: Update\n');
    const cut = withoutIgnoredFields(text)!;
    expect(cut.dropped).toEqual(['metadata.managedFields', 'metadata.annotations']);
    expect(cut.text).toBe(POD('').replace('  annotations:\n\n', ''));
    expect(JSON.stringify(runScenario(cut.text).trace)).toBe(JSON.stringify(runScenario(text).trace));
  });

  it('offers nothing where cutting is not sound: no such field, flow style, a broken text', () => {
    expect(withoutIgnoredFields(POD('    a: b').replace(/ {2}annotations:\n {4}a: b\n/, ''))).toBeNull();
    expect(withoutIgnoredFields('kind: Pod\nmetadata: { name: w, annotations: { a: b } }\n')).toBeNull();
    expect(withoutIgnoredFields('kind: Pod\nmetadata:\n  annotations: [\n')).toBeNull();
  });
});
