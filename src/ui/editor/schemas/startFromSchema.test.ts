// The editor's schema of `startFrom:` (startFromSchema.ts) accepts what "Continue from here" writes
// for a container an in-place restart removed: the 1.36+ last state with no times
// (convertToAPIContainerStatuses' podRestarting branch, kubernetes#136964, [11.2]), as the engine's
// reader does (engine/scenario/startFrom.ts); any other last state still needs its finishedAt.
import { describe, expect, it } from 'vitest';
import { simulationSchema } from './simulationSchema';
import { checker } from './yamlLanguageService.testutil';

const c = checker(simulationSchema(['trigger', 'bystander'], { version: '1.36' }));
const doc = (lastState: string) => `apiVersion: sidecar-lab/v1
kind: Simulation
startFrom:
  now: 27s
  containers:
    bystander:
      state: waiting
      reason: RestartingAllContainers
      restartCount: 1
      lastState: ${lastState}
`;

describe('startFromSchema lastState', () => {
  it('convertToAPIContainerStatuses podRestarting, 1.36+: the timeless RestartingAllContainers last state is valid [11.2]', async () => {
    expect(await c.validate(doc('{ exitCode: 137, reason: RestartingAllContainers }'))).toEqual([]);
  });

  it('any other last state still needs finishedAt (1.35 writes the removed run with its times) [11.2]', async () => {
    expect(await c.validate(doc('{ startedAt: 4, finishedAt: 24, exitCode: 137, reason: RestartingAllContainers }'))).toEqual([]);
    expect(await c.validate(doc('{ exitCode: 1, reason: Error }'))).toEqual([expect.stringMatching(/^10: Missing property "finishedAt"/)]);
  });
});
