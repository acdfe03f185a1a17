// kubernetes/website#34433 (https://github.com/kubernetes/website/issues/34433, 2022-06-21):
// the Job page's `pi` example (image `perl`, `restartPolicy: Never`, `backoffLimit: 4`) on a
// minikube of June 2022, whose perl:latest (5.36.0) made every pod fail. Manifest and published
// lines in fixtures/rp-k8s-website-34433-pi.yaml. Published, verbatim (`kubectl get pods`):
//
//   pi-77wsz   0/1     Error    0          31s
//   pi-9vt9k   0/1     Error    0          39s
//   pi-cg5lq   0/1     Error    0          9s
//   pi-vm685   0/1     Error    0          23s
//   pi-wfpwq   0/1     Error    0          16s
//
// Server version: not printed; minikube in June 2022 with Docker (dockershim container IDs), so
// Kubernetes 1.23 (minikube v1.25.2's default, v1.23.3). The rows run at 1.27, 1.31 and 1.36.
// Compared (strictly): five pods, backoffLimit 4 plus one, each ending `0/1 Error 0` ([14.3]: a
// Never pod whose only container exited non-zero, phase Failed [6.2]); the Job failed with
// BackoffLimitExceeded after the fifth failure, and no sixth pod ([16.3]).
// Not compared, a version difference: the pods' creation gaps. The published AGEs put them 8, 8,
// 7 and 7 s apart, each pod's whole life (pull check, start, perl's failure): a 1.23 Job controller
// with JobTrackingWithFinalizers (beta, on) recreated failed pods with no back-off at all, a
// regression fixed by kubernetes/kubernetes#114516 ("re-honor exponential backoff delay",
// cherry-picked to 1.26 as #115027); from 1.27 the back-off counts from the failed pod's finish
// time (the rulebook's [16.3]). The engine, at 1.27+, creates them 11, 21, 41 and 81 s apart
// (10, 20, 40, 80 s of back-off after a 1 s run), so its fifth pod comes at 154 s, not 30 s.
// Inputs, not checks: perl on the node (not published), each run 1 s long and exiting 255 (the
// engine cannot read the perl command; the issue prints only STATUS Error).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/rp-k8s-website-34433-pi.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.36'];
const LISTING = publishedRows(`
pi-77wsz   0/1     Error    0          31s
pi-9vt9k   0/1     Error    0          39s
pi-cg5lq   0/1     Error    0          9s
pi-vm685   0/1     Error    0          23s
pi-wfpwq   0/1     Error    0          16s`);

const eventsOf = (version: string): TraceEvent[] => {
  const r = runScenario(withVersion(FIXTURE, version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events;
};
const createdOf = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');

describe('transcript: kubernetes/website#34433, the pi Job (Never, backoffLimit 4) whose perl fails in every pod', () => {
  it.each(VERSIONS)('five pods, each ending `0/1 Error 0`, then BackoffLimitExceeded and no sixth pod (%s) [16.2] [16.3] [14.3]', (version) => {
    const events = eventsOf(version);
    const pods = createdOf(events).map((e) => e.pod);
    expect(pods).toHaveLength(LISTING.length);
    for (const row of LISTING) expect(`${row.ready} ${row.status} ${row.restarts}`).toBe('0/1 Error 0');
    for (const pod of pods) {
      const rows = events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl' && e.pod === pod);
      expect(`${rows.at(-1)!.ready} ${rows.at(-1)!.status} ${rows.at(-1)!.restarts}`, pod).toBe('0/1 Error 0');
      // each pod ran once: no kubelet restart under Never
      expect(events.filter((e) => e.type === 'container.start' && e.pod === pod), pod).toHaveLength(1);
    }
    const failed = events.filter((e) => e.type === 'job.failed');
    expect(failed).toEqual([expect.objectContaining({ reason: 'BackoffLimitExceeded' })]);
    const lastExit = events.filter((e) => e.type === 'container.exit').at(-1)!;
    expect(lastExit.pod).toBe(pods.at(-1));
    expect(failed[0]!.t).toBeGreaterThanOrEqual(lastExit.t);
  });
});
