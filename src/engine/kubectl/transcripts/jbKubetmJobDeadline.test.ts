// Korean notes on the Inflearn course 대세는 쿠버네티스, "DaemonSet, Job, CronJob 실습" (search-index
// file 2501047781, no repository named; a pre-1.27 cluster, see the fixture): job-2, six
// completions two at a time, each pod a 20 s sleep, `activeDeadlineSeconds: 30`,
// `terminationGracePeriodSeconds: 0`. Manifest and published lines in
// fixtures/jb-kubetm-job2-deadline.yaml.
// Rules exercised: [16.2] parallelism 2 of completions 6, a new pair when the first pair succeeds;
// [13.4] activeDeadlineSeconds: the Job fails with DeadlineExceeded and its active pods are
// deleted; [8.1] a spec grace of 0 deletes with 1 s.
// What is compared: the describe's counts strictly (SuccessfulCreate ×4 in two pairs, SuccessfulDelete
// ×2 of the second pair, one DeadlineExceeded; `Pods Statuses: 0 Active / 2 Succeeded / 2 Failed`);
// their times within 1 s (ages of one dump, each rounded down): the second pair 24 s after the
// first (2m7s − 103s), the deletions at 30 s (2m7s − 97s) and, up to 1.30, the failure with them. The second pair's time
// depends on the registry check the fixture gives (2.5 s, from the same page's job-1, `1/1 24s`).
// Not compared: `kubectl get job`'s `2/6 83s 83s` (the engine prints no Job rows). Run at 1.27, 1.31
// and 1.36 (the source predates 1.27), the failure's time at 1.27 and 1.30 only (see below).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { withVersion } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/jb-kubetm-job2-deadline.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.36'];
// the describe's ages, in seconds
const CREATED_AGES = [
  127,
  127,
  103,
  103,
];
const DELETED_AGE = 97;
const FAILED_AGE = 97;

const eventsOf = (version: string): TraceEvent[] => runScenario(withVersion(fixture, version)).trace!.events;
const created = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');
const deleted = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'pod.deleted' }> => e.type === 'pod.deleted');

describe('transcript: 대세는 쿠버네티스, job-2: completions 6, parallelism 2, 20 s pods, activeDeadlineSeconds 30', () => {
  it.each(VERSIONS)('creates two pairs of pods, deletes the second pair and fails with DeadlineExceeded: 2 Succeeded, 2 Failed (%s) [16.2] [13.4]', (version) => {
    const events = eventsOf(version);
    const pods = created(events).map((e) => e.pod);
    expect(pods).toHaveLength(CREATED_AGES.length);
    expect(deleted(events).map((e) => e.pod)).toEqual(pods.slice(2));
    expect(events.filter((e) => e.type === 'job.failed')).toEqual([expect.objectContaining({ reason: 'DeadlineExceeded' })]);
    expect(events.filter((e) => e.type === 'job.complete')).toHaveLength(0);
    // Succeeded: the first pair exited 0; Failed: the second pair, killed before its sleep ended
    const exitOf = (pod: string) => events.find((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit' && e.pod === pod)!;
    expect(pods.map((pod) => exitOf(pod).exitCode)).toEqual([
      0,
      0,
      137,
      137,
    ]);
  });

  it.each(VERSIONS)('creates the second pair 24 s after the first and deletes the second pair 30 s after the first, within 1 s (%s) [16.2] [13.4] [8.1]', (version) => {
    const events = eventsOf(version);
    const at = created(events).map((e) => e.t);
    at.forEach((t, i) => expect(Math.abs(t - at[0]! - (CREATED_AGES[0]! - CREATED_AGES[i]!)), `pod ${i + 1}`).toBeLessThanOrEqual(1));
    for (const d of deleted(events)) {
      expect(Math.abs(d.t - at[0]! - (CREATED_AGES[0]! - DELETED_AGE)), d.pod).toBeLessThanOrEqual(1);
      // terminationGracePeriodSeconds 0: the delete's grace is 1 s
      expect(d).toMatchObject({ gracePeriodSeconds: 1 });
    }
  });

  // The published DeadlineExceeded has the deletions' age (97 s): up to 1.30 the Job is Failed, and
  // the event recorded, as the deadline deletes its pods. From 1.31 (delayTerminalCondition, [13.4])
  // the Job is FailureTarget first and Failed, with its event, once the deleted pods have stopped:
  // here 2 s later (the 1 s grace, then the relist), which this pre-1.27 source cannot judge.
  it.each(['1.27', '1.30'])('records DeadlineExceeded with the deletions, 30 s after the first pods, within 1 s (%s) [13.4]', (version) => {
    const events = eventsOf(version);
    const first = created(events)[0]!.t;
    const failed = events.find((e) => e.type === 'job.failed')!.t;
    expect(Math.abs(failed - first - (CREATED_AGES[0]! - FAILED_AGE))).toBeLessThanOrEqual(1);
  });

  it.each(['1.31', '1.36'])('fails the Job once the deleted pods have stopped, after the deadline (%s) [13.4]', (version) => {
    const events = eventsOf(version);
    const failed = events.find((e) => e.type === 'job.failed')!.t;
    const lastExit = events.filter((e) => e.type === 'container.exit').at(-1)!.t;
    expect(failed).toBeGreaterThanOrEqual(lastExit);
    expect(failed).toBeGreaterThan(deleted(events)[0]!.t);
  });
});
