// A Korean course's "Step 08 — 헬스 체크(프로브)", section 8-4 (search-index file 55071863464, no
// repository named): nginx with a liveness probe on port 9999, where nothing listens (delay 3 s,
// period 3 s, failureThreshold 2), on a kind cluster whose kubelet words its events as 1.35+ does
// ([10.6]). Manifest and published lines in
// src/engine/kubectl/transcripts/fixtures/pt-learn135-bad-liveness.yaml. Run at 1.35, 1.36, 1.37.
// Compared (strictly): two failed runs per kill (Unhealthy x10 for Killing x5) [5.4] [5.13]; the
// first two kills restart at once and the first back-off, with the first BackOff event, comes
// with the third kill [4.4] [4.5] [4.9]; `0/1 CrashLoopBackOff 4` 22 s after the fifth kill and
// `0/1 CrashLoopBackOff 6` 148 s after the seventh, by the samples' "(… ago)" [4.5] [10.2] [14.1];
// the messages of Pulled, Created, Started, Killing and BackOff word for word, after the
// `spec.containers{web}: ` prefix the panel prints as kubectl 1.35+ does (the published kubectl
// printed none) [10.6].
// Was a disagreement, fixed in session 31 ([5.3]): the node's first failed run is 3 whole seconds
// after the start and each run lasts 6 s; the engine counted initialDelaySeconds from the exact
// start (runs of about 9 s, kills at 9, 18, 27, 45, 72 s), where the probe worker reads the status
// manager's startedAt, cut to the whole second (kills now at 6, 12, 18, 36, 63 s;
// src/engine/sim/probes.test.ts).
// Left out, as they disagree (see the report of the session that added this file):
// - the fourth kill: the node's (43 s, 21 s after the third) restarted at once, past the 20 s
//   back-off, the fourth run having started ~15 s after the third kill (a requeue jitter near its
//   top, [4.6]); at requeueJitter 0 the engine's fourth kill (36 s) falls inside the back-off, so
//   later times drift (node: kills 7, …, 43, 49 s);
// - the describe's ages at 77 s and BackOff's count (x6 against x4): the node's kills drift from
//   the engine's after the fourth, as above. Its other counts agree (Pulled, Created, Started x5,
//   Unhealthy x10, Killing x5: 30 kubelet events of 34 published; was a disagreement until session
//   31, the panel's spam filter stopping at 25, [10.7]: from 1.34 its key has the event's type);
// (The BackOff message's namespace, `bad-liveness_step08`, was the engine's `_default` until
// session 31: compared now.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import type { TraceEvent } from '../../engine/trace';
import { describeEvents } from './describeEvents';

const fixture = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/pt-learn135-bad-liveness.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];
const POD = 'bad-liveness';

const eventsOf = (version: string): TraceEvent[] => runScenario(withVersion(fixture, version)).trace!.events;
const times = (events: TraceEvent[], type: TraceEvent['type']) => events.filter((e) => e.type === type).map((e) => e.t);

describe('transcript: Step 08 bad-liveness, a liveness probe on a port nothing listens on (kind, 1.35+ kubelet)', () => {
  it.each(VERSIONS)('kills after two failed runs each time: Unhealthy x10 for Killing x5 (%s) [5.4] [5.13]', (version) => {
    const events = eventsOf(version);
    const kills = times(events, 'container.kill');
    const failed = times(events, 'probe.failed');
    // published: Unhealthy (x10 over 73s), Killing (x5 over 70s)
    const fifthKill = kills[4]!;
    expect(failed.filter((t) => t <= fifthKill)).toHaveLength(10);
    // each kill is the second of two failed runs a period apart
    for (const k of kills.slice(0, 5)) {
      const mine = failed.filter((t) => t <= k).slice(-2);
      expect(mine[1]).toBe(k);
      expect(mine[1]! - mine[0]!).toBeCloseTo(3, 6);
    }
  });

  it.each(VERSIONS)('restarts at once after the first two kills and backs off first at the third, with the first BackOff event (%s) [4.4] [4.5] [4.9]', (version) => {
    const events = eventsOf(version);
    const kills = times(events, 'container.kill');
    const starts = times(events, 'container.start');
    const backoffs = times(events, 'container.backoff');
    // starts 2 and 3 come right after kills 1 and 2
    expect(starts[1]! - kills[0]!).toBeLessThan(1);
    expect(starts[2]! - kills[1]!).toBeLessThan(1);
    // published BackOff (x4 over 55s) at 77 s: the first at second 22, the third kill's (the
    // first two kills, 7 and ~16 s, restarted at once: Started x5 by 43 s)
    expect(backoffs[0]).toBe(kills[2]);
    expect(starts[3]! - kills[2]!).toBeGreaterThanOrEqual(10);
  });

  it.each(VERSIONS)('prints `0/1 CrashLoopBackOff 4` 22 s after the fifth kill and `0/1 CrashLoopBackOff 6` 148 s after the seventh (%s) [4.5] [10.2] [14.1] [14.3]', (version) => {
    const events = eventsOf(version);
    const kills = times(events, 'container.kill');
    const rows = simulatedRows(withVersion(fixture, version));
    // `bad-liveness 0/1 CrashLoopBackOff 4 (22s ago) 71s`: the fifth kill was 22 s before
    expect(rowAt(rows, kills[4]! + 22)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '4' });
    // `bad-liveness 0/1 CrashLoopBackOff 6 (2m28s ago) 5m47s`: the seventh kill was 148 s before,
    // inside its 160 s back-off
    expect(rowAt(rows, kills[6]! + 148)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '6' });
  });

  it.each(VERSIONS)('words Pulled, Created, Started, Killing and BackOff as the published 1.35+ kubelet (%s) [10.6]', (version) => {
    const rows = describeEvents(runScenario(withVersion(fixture, version)).trace!, 77, POD);
    const message = (reason: string) => rows.find((r) => r.reason === reason)?.message.replace(/^spec\.containers\{web\}: /, '');
    expect(message('Pulled')).toBe('Container image "nginx:1.27-alpine" already present on machine and can be accessed by the pod');
    expect(message('Created')).toBe('Container created');
    expect(message('Started')).toBe('Container started');
    expect(message('Killing')).toBe('Container web failed liveness probe, will be restarted');
    // the published row ends `… in pod bad-liveness_step08(...)`, the UID elided by the author
    // (the engine's pod has none); the namespace is the manifest's (was `_default` until session 31)
    expect(message('BackOff')).toBe('Back-off restarting failed container web in pod bad-liveness_step08');
    expect(rows.find((r) => r.reason === 'Scheduled')?.message).toMatch(/^Successfully assigned step08\/bad-liveness to /);
  });

  // 34 kubelet events in 77 s were published for one pod (20 Normal, 14 Warning): more than the
  // spam filter's 25 for a source and object, fewer than 25 of each type. From 1.34 client-go's
  // getSpamKey has the event's type (kubernetes#124747) [10.7].
  it.each(VERSIONS)('counts Pulled, Created, Started x5, Unhealthy x10 and Killing x5 at 77 s: Normal and Warning events each have their own 25 tokens (%s) [10.7]', (version) => {
    const rows = describeEvents(runScenario(withVersion(fixture, version)).trace!, 77, POD);
    const count = (reason: string) => rows.find((r) => r.reason === reason)?.count;
    expect(['Pulled', 'Created', 'Started', 'Unhealthy', 'Killing'].map(count)).toEqual([5, 5, 5, 10, 5]);
  });
});
