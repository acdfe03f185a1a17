// ViewParts follows the view only when it draws something (issue 16: a pan frame of a run
// without injected events, selection or observed past renders no React at all).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { layoutTimeline } from './layout';
import { placeRows } from './rows';
import { hasInjectedMarks } from './ViewParts';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: app, image: nginx }
`;

function rowsOf(text: string) {
  const { trace } = runScenario(text, {});
  if (!trace) throw new Error('no trace');
  return placeRows(layoutTimeline(trace, 'p'));
}

describe('hasInjectedMarks', () => {
  it('is false for a run without injected events', () => {
    expect(hasInjectedMarks(rowsOf(POD))).toBe(false);
  });

  it('is true when the Simulation injects a crash', () => {
    const text = `${POD}---
apiVersion: sidecar-lab/v1
kind: Simulation
events:
  - { at: 5s, container: app, do: crash, exitCode: 1 }
`;
    expect(hasInjectedMarks(rowsOf(text))).toBe(true);
  });

  it('is true when the Simulation deletes the pod', () => {
    const text = `${POD}---
apiVersion: sidecar-lab/v1
kind: Simulation
events:
  - { at: 5s, do: deletePod }
`;
    expect(hasInjectedMarks(rowsOf(text))).toBe(true);
  });
});
