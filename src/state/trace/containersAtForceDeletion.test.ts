// The containers table after a force deletion ([8.2]): the pod object is gone from the API at
// once, while the node still stops the container with the spec's grace; the table keeps the last
// written status and says the runtime goes on unreported.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { deletedDrainingPod } from '../testFixtures';
import { containersAt } from './containersAt';

const text = deletedDrainingPod(0);
const trace = runScenario(text).trace!;
const app = (t: number) => containersAt(trace, t).find((r) => r.name === 'app')!;

describe('containersAt after a force deletion (kubernetes#119276)', () => {
  it('while the node drains the app: the last written status, Running, and a note that nothing reports the kill', () => {
    expect(app(20)).toMatchObject({ state: 'Running', runtime: 'Terminating' });
    expect(app(20).runtimeNote).toBe('runtime: the kubelet is stopping it since 10 s (PodTermination); the pod object is gone from the API, so no status reports it');
  });

  it('after the app exited on the node: still the last written status, and the exit unreported', () => {
    expect(app(40)).toMatchObject({ state: 'Running', runtime: 'Terminated' });
    expect(app(40).runtimeNote).toBe('runtime: exited 0 at 30 s; the pod object is gone from the API, so no status reports it');
  });

  it('before the deletion: the ordinary table, no note', () => {
    expect(app(8)).toMatchObject({ state: 'Running', runtime: 'Running' });
    expect(app(8).runtimeNote).toBeUndefined();
  });
});
