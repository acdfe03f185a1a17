// ssup2/blog-software, "Kubernetes Sidecar Container", section 1.3, the second pod: a native
// sidecar whose readiness probe always fails (`sh -c "exit 1"`, every default: period 10 s,
// failureThreshold 3) and whose liveness probe always passes, beside an app that sleeps (commit
// 16c9f2d2bb453d49254f09197dedfcc42e1f6089, July 2025; search-index file 41480000458, the page of
// 41515823454). The page's other pods are tested in tmSsup2SidecarDescribe.test.ts; this one was
// not. Manifest and the published lines, verbatim: fixtures/sc-ssup2-sidecar-readiness.yaml. The
// cluster of sections 1.1-1.2 (1.29-1.31: reverse-order sidecar stop, `Created container X` without
// a colon, [10.6]); run at 1.29, 1.30 and 1.31.
// Published:
//   sidecar-container-readiness-fail-example   1/2     Running   0          106s
//   Normal   Scheduled  73s                default-scheduler  Successfully assigned default/sidecar-container-readiness-fail-example to dp-worker-6
//   Normal   Pulled     72s                kubelet            Container image "nicolaka/netshoot:v0.14" already present on machine
//   Normal   Created    72s                kubelet            Created container sidecar
//   Normal   Started    72s                kubelet            Started container sidecar
//   Normal   Pulled     71s                kubelet            Container image "nicolaka/netshoot:v0.14" already present on machine
//   Normal   Created    71s                kubelet            Created container app
//   Normal   Started    71s                kubelet            Started container app
//   Warning  Unhealthy  2s (x11 over 71s)  kubelet            Readiness probe failed:
// What is compared: the pod row at 106 s (READY, STATUS, RESTARTS); every kubelet row of the
// describe (reason, message, Age column as kubectl prints it) with the listing's time aligned on the
// sidecar's Started (72s): the node took a second from the scheduling to that start where the engine
// takes 0.7 s, so the Scheduled row (73s) is the one row not compared. The Unhealthy count is the
// interesting one: 11 failed runs in 69 s with a period of 10 s, which the probe worker's manual runs
// explain ([5.9]: each status the kubelet generates triggers a readiness run of a started container
// that is not ready, so the first syncs add runs at 1, 2 and 3 s before the ticks take over; the
// engine's eleven are at 1, 2, 3, every 10 s to 70 and 63, the pod worker's periodic resync after
// the sync at 3 s ([0.2], at the engine's default draw: a draw above about 0.23 puts it past the
// listing), the published first 71 s and last 2 s before the listing. Until session 38 the eleventh
// came from a sync at the liveness worker's initial Success, at 10 s, which upstream does not do).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { ageText, describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/sc-ssup2-sidecar-readiness.yaml', import.meta.url), 'utf8');
const POD = 'sidecar-container-readiness-fail-example';
const VERSIONS = ['1.29', '1.30', '1.31'];

const PUBLISHED = `
  Normal   Pulled     72s                kubelet            Container image "nicolaka/netshoot:v0.14" already present on machine
  Normal   Created    72s                kubelet            Created container sidecar
  Normal   Started    72s                kubelet            Started container sidecar
  Normal   Pulled     71s                kubelet            Container image "nicolaka/netshoot:v0.14" already present on machine
  Normal   Created    71s                kubelet            Created container app
  Normal   Started    71s                kubelet            Started container app
  Warning  Unhealthy  2s (x11 over 71s)  kubelet            Readiness probe failed:`.trim().split('\n');

/** The Age column as published ("2s (x11 over 71s)"): the text between the reason and `kubelet`. */
const ageColumn = (line: string) => /^\s*\S+\s+\S+\s+(.+?)\s+kubelet/.exec(line)![1]!;

describe('transcript: ssup2 1.3, a native sidecar whose readiness probe always fails (1.29-1.31)', () => {
  it.each(VERSIONS)('prints `1/2 Running 0` at 106 s: the sidecar never ready, the app ready (%s) [5.6] [7.3] [14.2]', (version) => {
    const rows = simulatedRows(withVersion(FIXTURE, version));
    expect(rowAt(rows, 106)).toEqual({ ready: '1/2', status: 'Running', restarts: '0' });
    // printed once the app is up (about 2 s), and nothing after it: no restart, no other READY
    const last = rows.at(-1)!;
    expect(`${last.ready} ${last.status} ${last.restarts}`).toBe('1/2 Running 0');
    expect(last.t).toBeLessThanOrEqual(3);
  });

  it.each(VERSIONS)('describe: every kubelet row as published, Unhealthy `2s (x11 over 71s)` included, aligned on the sidecar\'s Started (%s) [5.9] [5.13] [10.6]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const sidecarStart = trace.events.find((e) => e.type === 'container.start' && e.container === 'sidecar')!.t;
    const now = apiSecond(sidecarStart) + 72; // the listing's time: the sidecar's Started 72 s before it
    const rows = describeEvents(trace, now, POD).filter((r) => r.from === 'kubelet');
    for (const line of PUBLISHED) {
      const p = publishedEvent(line);
      const ours = rows.filter((r) => r.reason === p.reason && r.message === p.message);
      // Pulled is one message for both containers (the same image): kubectl keeps two rows, one per
      // container's involvedObject; the engine's rows are per container too, so pick by age.
      const match = ours.find((r) => ageText(r, now) === ageColumn(line));
      expect(match, `${line.trim()}\nours: ${ours.map((r) => `${r.reason} ${ageText(r, now)} ${r.message}`).join(' | ')}`).toBeDefined();
      expect(match!.type).toBe(p.type);
      expect(match!.count).toBe(p.count);
    }
    // nothing else from the kubelet: no Killing (the liveness probe passes), no BackOff
    expect(rows.map((r) => r.reason).sort()).toEqual(['Created', 'Created', 'Pulled', 'Pulled', 'Started', 'Started', 'Unhealthy']);
  });

  it.each(VERSIONS)('eleven failed readiness runs by the listing: the first syncs\' manual runs (1, 2, 3 s) on top of the 10 s ticks (%s) [5.2] [5.9] [5.13]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const sidecarStart = trace.events.find((e) => e.type === 'container.start' && e.container === 'sidecar')!.t;
    const now = apiSecond(sidecarStart) + 72;
    const failed = trace.events.filter((e) => e.type === 'probe.failed' && e.container === 'sidecar' && e.t <= now).map((e) => e.t);
    expect(failed).toHaveLength(11);
    expect(failed.slice(0, 3)).toEqual([1, 2, 3]); // the statuses of the syncs at 1, 2 and 3 s ([5.9])
    expect(failed.at(-1)).toBe(70); // the last 2 s before the listing, at a tick
    // without the manual runs a 10 s ticker gives at most 8 runs in the published 69 s
    expect(Math.floor((failed.at(-1)! - failed[0]!) / 10) + 1).toBeLessThan(11);
  });
});
