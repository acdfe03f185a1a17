// The French course's chapter 27, "DaemonSet, Job et CronJob" (the search index's file
// 69629461696; no repository named), on the course's minikube v1.37.0 (chapter 15), outputs dated
// 2026-09-26. Job specs and published lines in fixtures/minikube137-ch27-*.yaml; run at 1.37 and,
// the Job controller's rules being the same since, 1.31 and 1.34.
// - echec: a pod that exits 1 at once, `restartPolicy: Never`, `backoffLimit: 3`: four pods, each
//   `0/1 Error 0`, created 10, 20 and 40 s after the previous one failed, then BackoffLimitExceeded
//   ([16.2] [16.3]). Each gap agrees within a whole second, and so does their sum (see below).
// - politique: exit 42 matching a FailJob rule: one pod, the Job fails at once ([16.7]).
// - delai: activeDeadlineSeconds 10 with a 2 s grace: Failed with DeadlineExceeded, its pod gone
//   by the 15 s listing ([13.4] [8.5]).
// Was a disagreement, fixed (docs/transcripts.md): the published retries ran 10, 20 and 40 s apart
// (`essai à 12:48:57, 12:49:07, 12:49:27, 12:50:07`, the fourth 70 s after the first, so between 69
// and 71 s) and the pods' AGEs (74, 63, 43, 3 s) put the fourth pod 71 s after the first (70 to
// 72 s). The engine created each retry a back-off after the last pod's exact exit, so each
// container start (0.7 s) added up: runs at 0.7, 11.4, 32.1, 72.8 s, the fourth 72.1 s after the
// first. Upstream the Job controller reads getFinishedTime from the pod it watches
// (pkg/controller/job/backoff_utils.go: the containers' `finishedAt`, a metav1.Time the API keeps
// in whole seconds, [14.1]), so each retry counts from the exit's whole second and the start
// latency does not accumulate; the engine now does the same ([16.3]): runs at 0.7, 10.7, 30.7, 70.7.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.31', '1.34', '1.37'];
const eventsOf = (name: string, version: string): TraceEvent[] => runScenario(withVersion(fixture(name), version)).trace!.events;

describe('transcript: chapter 27, echec: a Job whose pod always fails, backoffLimit 3, restartPolicy Never (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch27-echec.yaml';
  // The listing, oldest first, right after `kubectl wait --for=condition=Failed` returned.
  const listing = publishedRows(`
echec-rdv6f   0/1     Error    0          74s
echec-l52gc   0/1     Error    0          63s
echec-lq455   0/1     Error    0          43s
echec-d9rgf   0/1     Error    0          3s`);
  // `essai à …`: each run's start, in whole seconds after the first's (12:48:57, 12:49:07, 12:49:27, 12:50:07).
  const runs = [0, 10, 30, 70];

  it.each(VERSIONS)('makes four pods that each end `0/1 Error 0`, then fails with BackoffLimitExceeded (%s) [16.2] [16.3] [14.3]', (version) => {
    const events = eventsOf(NAME, version);
    const pods = [...new Set(events.filter((e) => e.type === 'job.podCreated').map((e) => e.type === 'job.podCreated' && e.pod))];
    expect(pods).toHaveLength(listing.length);
    for (const pod of pods) {
      const last = events.filter((e) => e.type === 'pod.kubectl' && e.pod === pod).at(-1)!;
      expect(last.type === 'pod.kubectl' && `${last.ready} ${last.status} ${last.restarts}`, String(pod)).toBe('0/1 Error 0');
    }
    const failed = events.find((e) => e.type === 'job.failed')!;
    expect(failed).toMatchObject({ reason: 'BackoffLimitExceeded' });
    // after the fourth pod's failure, and by the listing (the first pod's AGE, 74 s, from the Job's creation)
    const lastExit = events.filter((e) => e.type === 'container.exit').at(-1)!.t;
    expect(failed.t).toBeGreaterThanOrEqual(lastExit);
    expect(failed.t).toBeLessThanOrEqual(listing[0]!.t + 1);
  });

  it.each(VERSIONS)('backs off 10, 20 and 40 s: each gap between runs, and between pods, within a whole second of the published one (%s) [16.3]', (version) => {
    const events = eventsOf(NAME, version);
    const starts = events.filter((e) => e.type === 'container.start').map((e) => e.t);
    const created = events.filter((e) => e.type === 'job.podCreated').map((e) => e.t);
    expect(starts).toHaveLength(runs.length);
    // between two `date +%T` lines n s apart, between n − 1 and n + 1 s passed
    runs.slice(1).forEach((at, n) => expect(Math.abs(starts[n + 1]! - starts[n]! - (at - runs[n]!)), `run ${n + 2}`).toBeLessThan(1));
    // between two AGEs of one listing: two creationTimestamps, each a whole second, so within 1 s
    listing.slice(1).forEach((pod, n) => expect(Math.abs(created[n + 1]! - created[n]! - (listing[n]!.t - pod.t)), `pod ${n + 2}`).toBeLessThanOrEqual(1));
  });

  it.each(VERSIONS)('starts the fourth run 69 to 71 s after the first, as published: the back-off counts from the exit\'s whole second (%s) [16.3]', (version) => {
    const starts = eventsOf(NAME, version).filter((e) => e.type === 'container.start').map((e) => e.t);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(69);
    expect(starts.at(-1)! - starts[0]!).toBeLessThanOrEqual(71);
    // the fourth pod, 70 to 72 s after the first by the listing's AGEs (74 s and 3 s)
    const created = eventsOf(NAME, version).filter((e) => e.type === 'job.podCreated').map((e) => e.t);
    expect(created.at(-1)! - created[0]!).toBeGreaterThanOrEqual(70 - 1);
    expect(created.at(-1)! - created[0]!).toBeLessThanOrEqual(72);
  });
});

describe('transcript: chapter 27, politique: a podFailurePolicy FailJob rule on exit code 42 (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch27-politique.yaml';

  it.each(VERSIONS)('fails the Job with PodFailurePolicy from its one pod, within the published 4 s (%s) [16.7]', (version) => {
    const events = eventsOf(NAME, version);
    expect(events.filter((e) => e.type === 'job.podCreated')).toHaveLength(1);
    const exit = events.find((e) => e.type === 'container.exit')!;
    expect(exit).toMatchObject({ container: 'tache', exitCode: 42 });
    const failed = events.find((e) => e.type === 'job.failed')!;
    expect(failed).toMatchObject({ reason: 'PodFailurePolicy' });
    expect(failed.t).toBeLessThanOrEqual(4);
  });
});

describe('transcript: chapter 27, delai: activeDeadlineSeconds 10 on a 60 s sleep, grace 2 s (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch27-delai.yaml';

  it.each(VERSIONS)('is Failed with DeadlineExceeded and has no pod left at the 15 s listing (%s) [13.4] [8.5]', (version) => {
    const events = eventsOf(NAME, version);
    const failed = events.find((e) => e.type === 'job.failed')!;
    expect(failed).toMatchObject({ reason: 'DeadlineExceeded' });
    expect(failed.t).toBeGreaterThanOrEqual(10);
    expect(failed.t).toBeLessThanOrEqual(15);
    const gone = events.find((e) => e.type === 'pod.gone')!;
    expect(gone.t).toBeLessThanOrEqual(15);
    // the 60 s sleep (sh as PID 1 without a trap) was SIGKILLed when the 2 s grace ended
    expect(events.find((e) => e.type === 'container.exit')).toMatchObject({ exitCode: 137 });
  });
});
