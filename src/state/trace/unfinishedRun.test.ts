import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { unfinishedRun } from './unfinishedRun';

const scenario = (until: string, events: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  terminationGracePeriodSeconds: 30
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 3600']
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: ${until}
containers:
  app:
    onStop: ignore
events:
${events}`;

const traceOf = (until: string, events: string) => runScenario(scenario(until, events)).trace!;

describe('unfinishedRun (the trace ends while a deletion or a kill is in progress)', () => {
  it('says the pod is still terminating and suggests an until past its grace period', () => {
    const found = unfinishedRun(traceOf('40s', '  - { at: 33s, do: deletePod }\n'));
    expect(found).toEqual({ what: 'the pod is still terminating', end: 40, suggestedUntil: 80 });
  });

  it('says nothing once the extended run lets the pod go', () => {
    expect(unfinishedRun(traceOf('80s', '  - { at: 33s, do: deletePod }\n'))).toBeNull();
    expect(unfinishedRun(traceOf('40s', '  []\n'))).toBeNull();
  });

  it('names a container killed by its liveness probe whose process has not exited by the end', () => {
    const trace = traceOf('40s', '  []\n');
    trace.events.push({ t: 38, type: 'container.kill', container: 'app', reason: 'LivenessProbe', gracePeriodSeconds: 30, why: 'test' });
    expect(unfinishedRun(trace)).toEqual({ what: 'app is still terminating', end: 40, suggestedUntil: 80 });
  });

  it('ignores a kill of a container that had already exited (ordered from a stale cache, [8.11])', () => {
    const trace = traceOf('40s', '  []\n');
    trace.events.push({ t: 37, type: 'container.exit', container: 'app', attempt: 0, exitCode: 1, reason: 'Error', why: 'test' });
    trace.events.push({ t: 38, type: 'container.kill', container: 'app', reason: 'LivenessProbe', gracePeriodSeconds: 30, why: 'test' });
    expect(unfinishedRun(trace)).toBeNull();
  });
});
