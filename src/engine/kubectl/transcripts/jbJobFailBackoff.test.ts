// Course notes "Jobs and CronJobs", exercise "backoffLimit in Action" (search-index file
// 69648883531, no repository named; a recent cluster by its printers and its CronJob's job name,
// see the fixture): a Job whose busybox pod runs `exit 1`, `restartPolicy: Never`,
// `backoffLimit: 2`. Manifest and published lines in fixtures/jb-jobfail-backoff2.yaml.
// Rules exercised: [16.2] one pod at a time, a new one per failure; [16.3] the pod back-off (10 s,
// then 20 s, counted from the exit's whole second) and BackoffLimitExceeded after the third failure;
// [14.3] each pod's last row `0/1 Error 0`.
// What is compared: three pods, each ending `0/1 Error 0`, strictly; the Job Failed with
// BackoffLimitExceeded; the gaps between the pods' creations (the describe's SuccessfulCreate ages
// 99, 87, 66 s and the listing's AGEs 54, 42, 21 s: 12 s, then 21 s) and the failure 4 s after the
// third (the BackoffLimitExceeded age, 62 s), each within 1 s (two ages of one dump, each rounded
// down to a whole second). The first gap depends on the input: 12 s is 10 s of back-off from a run
// that ended 2 s after its pod's creation, which needs the registry check the fixture gives (1.5 s;
// with the engine's default 0.2 s the pod would be recreated at 11 s).
// Not compared: `kubectl get jobs`' `DURATION 78s` (= AGE: a failed Job has no completionTime); the
// engine prints no Job rows. Run at 1.31, 1.34 and 1.37: the Job controller's back-off is the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRows, withVersion } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/jb-jobfail-backoff2.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.31', '1.34', '1.37'];
// the listing, as printed (not sorted by age)
const LISTING = publishedRows(`
job-fail-m6t4t   0/1     Error    0          21s
job-fail-n8skf   0/1     Error    0          54s
job-fail-t9ct9   0/1     Error    0          42s`);
// the describe's ages: SuccessfulCreate ×3, then BackoffLimitExceeded
const CREATED_AGES = [
  99,
  87,
  66,
];
const FAILED_AGE = 62;

const eventsOf = (version: string): TraceEvent[] => runScenario(withVersion(fixture, version)).trace!.events;
const createdOf = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');

describe('transcript: "backoffLimit in Action", a Job whose pod exits 1, restartPolicy Never, backoffLimit 2', () => {
  it.each(VERSIONS)('makes three pods that each end `0/1 Error 0`, then fails with BackoffLimitExceeded (%s) [16.2] [16.3] [14.3]', (version) => {
    const events = eventsOf(version);
    const pods = createdOf(events).map((e) => e.pod);
    expect(pods).toHaveLength(LISTING.length);
    for (const pod of pods) {
      const last = events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl' && e.pod === pod).at(-1)!;
      expect(`${last.ready} ${last.status} ${last.restarts}`, pod).toBe('0/1 Error 0');
    }
    for (const row of LISTING) expect(`${row.ready} ${row.status} ${row.restarts}`).toBe('0/1 Error 0');
    expect(events.filter((e) => e.type === 'job.failed')).toEqual([expect.objectContaining({ reason: 'BackoffLimitExceeded' })]);
  });

  it.each(VERSIONS)('creates the second pod 12 s after the first and the third 21 s after the second, within 1 s (%s) [16.3]', (version) => {
    const created = createdOf(eventsOf(version)).map((e) => e.t);
    const byAge = [...LISTING].sort((a, b) => b.t - a.t).map((r) => r.t);
    for (let n = 1; n < 3; n++) {
      const ours = created[n]! - created[n - 1]!;
      expect(Math.abs(ours - (CREATED_AGES[n - 1]! - CREATED_AGES[n]!)), `describe, pod ${n + 1}`).toBeLessThanOrEqual(1);
      expect(Math.abs(ours - (byAge[n - 1]! - byAge[n]!)), `listing, pod ${n + 1}`).toBeLessThanOrEqual(1);
    }
  });

  it.each(VERSIONS)('fails the Job 4 s after creating the third pod, within 1 s (%s) [16.3]', (version) => {
    const events = eventsOf(version);
    const third = createdOf(events)[2]!.t;
    const failed = events.find((e) => e.type === 'job.failed')!.t;
    expect(Math.abs(failed - third - (CREATED_AGES[2]! - FAILED_AGE))).toBeLessThanOrEqual(1);
    // and after the third pod's run ended
    expect(failed).toBeGreaterThanOrEqual(events.filter((e) => e.type === 'container.exit').at(-1)!.t);
  });
});
