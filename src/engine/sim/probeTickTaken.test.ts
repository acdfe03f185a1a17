// worker.go run (read: the stored 1.27-era copy 00421113 and a 1.32+ copy with probeTicker.Reset, the
// loop the same): the worker waits in a select on its ticker's channel and its manual trigger channel;
// Go's ticker channel holds one tick, so the tick that falls due while a run is under way starts the
// next run when that run ends, and the run after it waits for the first tick after that. The engine
// took such a tick twice when a run ended exactly on it (probeWorker.ts firstTickAfterNow): from then
// on the worker ran back to back, twice per period for a 5 s run with a period of 10 s. Every version.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: OnFailure
  containers:
    - name: app
      image: example/app:1
      readinessProbe: { exec: { command: ["check"] }, periodSeconds: 10, timeoutSeconds: 8 }
    - name: b
      image: example/b:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 100s
containers:
  app: { readinessProbe: { duration: 5s } }
  b: { exitAfter: 62s, exitCode: 0 }
events:
  - { at: 0s, container: app, do: failReadiness, for: 1000s }
`;

function failedRuns(version: string): number[] {
  const trace = runScenario(scenario(version)).trace!;
  return trace.events.flatMap((e) => (e.type === 'probe.failed' && e.probe === 'readiness' ? [e.t] : []));
}

describe('worker.go run: the tick a run ends on is taken once (Go ticker channel, every version) [5.2] [5.11]', () => {
  it.each(['1.27', '1.31'])('b\'s exit at 63.9 s syncs the pod at 64 s during the run of 60-65 s: the manual run follows at 65-70 s, the tick of 70 s at 70-75 s, and the next run waits for the tick of 80 s (%s) [5.9]', (version) => {
    const runs = failedRuns(version);
    expect(runs.filter((t) => t > 60)).toEqual([65, 70, 75, 85, 95]);
    // before b's exit: the ticks of the worker's creation, one run each
    expect(runs.filter((t) => t > 20 && t <= 60)).toEqual([25, 35, 45, 55]);
  });
});
