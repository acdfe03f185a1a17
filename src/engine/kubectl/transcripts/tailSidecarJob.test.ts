// A native sidecar that follows a log file with `tail -F`, in a Job and in a Deployment: a
// "SideCar Containers" note (the search index's file 26142861132; no repository or author named).
// No version is printed; its logs are dated December 2024, so 1.32 at most, and a native sidecar
// without a feature gate needs 1.29: run at 1.29, 1.31 and 1.32. Manifests as published, rows
// quoted in fixtures/tail-sidecar-job.yaml and fixtures/tail-sidecar-deployment.yaml; nothing is
// published about pulls, so the engine's defaults.
// - Job (restartPolicy Never): the job container's `echo` exits 0 at once, and the pod is killed
//   ([8.1] c); the sidecar's turn comes ([8.4]) but `sh -c "tail -F …"` is PID 1 without a trap and
//   ignores SIGTERM ([15.3]), so it runs until the 30 s grace ends. Meanwhile the pod prints `1/2
//   Completed` (the sidecar counts in READY, [14.2]; the main container's reason names STATUS,
//   [14.3]), the phase stays Running ([6.3]) and the Job is not complete ([16.2]): `Running 0/1` at
//   9s, `1/2 Completed` at 13s.
// - Deployment: `1/2 PodInitializing` once the sidecar runs, then `2/2 Running` a second later: a
//   sidecar without a startup probe lets the main container start at the next sync ([2.2], [14.2]).
//   The watch began 6 s in and the pull times are not published, so the rows' order and their 1 s
//   spacing are compared, not their ages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.29', '1.31', '1.32'];

describe('transcript: a Job whose native sidecar runs `tail -F` (restartPolicy Never)', () => {
  const SCENARIO = fixture('tail-sidecar-job.yaml');

  it.each(VERSIONS)('is still Running 0/1 at 9s and prints `1/2 Completed` at 13s (%s) [8.1] [8.4] [15.3] [14.2] [14.3] [6.3] [16.2]', (version) => {
    const text = withVersion(SCENARIO, version);
    // `kubectl get jobs`: `sidecar-job-demo   Running   0/1   9s   9s`
    const events = runScenario(text).trace!.events;
    expect(events.filter((e) => (e.type === 'job.complete' || e.type === 'job.failed') && e.t <= 9)).toEqual([]);
    expect(events.filter((e) => e.type === 'pod.phase' && e.t <= 9).at(-1)).toMatchObject({ phase: 'Running' });
    // `kubectl get pods`: `sidecar-job-demo-skxvm   1/2   Completed   0   13s`
    const published = publishedRows('sidecar-job-demo-skxvm   1/2     Completed   0          13s')[0]!;
    expect(rowAt(simulatedRows(text), published.t)).toEqual({ ready: published.ready, status: published.status, restarts: published.restarts });
  });
});

describe('transcript: a Deployment whose native sidecar runs `tail -F`', () => {
  const SCENARIO = fixture('tail-sidecar-deployment.yaml');
  const published = publishedRows(`
sidecar-demo-55675cd949-g79sg   1/2     PodInitializing   0          6s
sidecar-demo-55675cd949-g79sg   2/2     Running           0          7s`);

  it.each(VERSIONS)('prints `1/2 PodInitializing`, then `2/2 Running` one second later (%s) [2.2] [14.2]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    const at = expectSubsequence(published, ours);
    // Consecutive rows in ours too: nothing printed between them.
    expect(at[1]! - at[0]!).toBe(1);
    const gap = published[1]!.t - published[0]!.t;
    expect(Math.abs(ours[at[1]!]!.t - ours[at[0]!]!.t - gap)).toBeLessThanOrEqual(1);
  });
});
