// A startup probe that can never pass (404, period 2 s, threshold 5) in front of a liveness probe
// that would kill at once and a readiness probe that would pass: a Russian course write-up,
// scenario D (search-index file 71484583810, no repository named; minikube, 2026-08-20; kubelet
// and kubectl 1.35+ by the events' wording, [10.6]). Manifest and source in
// fixtures/sr-ru-probes-fail-startup.yaml. Published polls (`--- t+Ns ---`, then the pod's row):
//
//   probes-fail-startup-848d5ddfcc-2v5vl   0/1   ContainerCreating   0            0s
//   probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             0            8s
//   probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             1 (7s ago)   17s
//   probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             2 (3s ago)   25s
//   probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             3 (9s ago)   41s
//   probes-fail-startup-848d5ddfcc-2v5vl   0/1   CrashLoopBackOff    3 (8s ago)   50s
//
// Rules: [5.4] [5.13] five failed runs 2 s apart kill each run ([4.4]); nginx exits at SIGTERM
// ([8.6]); the first three kills restart at once, the back-off read from the status before the
// kill ([4.5]), and the fourth, whose previous run ended within its 10 s back-off, waits
// (`CrashLoopBackOff`, [10.2]); no liveness or readiness run before the startup probe passes ([5.3]).
// Run at 1.35, 1.36 and 1.37.
// Timing: the runs ended (AGE minus "ago") at 10, 22, 32 and 42 s; the engine's at 10, 20, 30 and
// 40 s. The published first restart lost one probe period (12 s, then 10, 10), which the other
// v1.37 transcripts of srStartupBudget137.test.ts show on one cluster and not on the other: the probe
// worker's tick against the new container's first status, a phase the engine does not draw
// ("the probe worker's random start offset", docs/transcripts.md). So the ends are compared within
// one period (2 s); the rows (READY, STATUS, RESTARTS) strictly, as a subsequence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import { agoOf, expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const text = readFileSync(new URL('./fixtures/sr-ru-probes-fail-startup.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];

const LINES = `probes-fail-startup-848d5ddfcc-2v5vl   0/1   ContainerCreating   0            0s
probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             0            8s
probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             1 (7s ago)   17s
probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             2 (3s ago)   25s
probes-fail-startup-848d5ddfcc-2v5vl   0/1   Running             3 (9s ago)   41s
probes-fail-startup-848d5ddfcc-2v5vl   0/1   CrashLoopBackOff    3 (8s ago)   50s`;

describe('transcript: a startup probe that never passes, killed every 10 s until CrashLoopBackOff (minikube, 1.35+)', () => {
  it.each(VERSIONS)('prints the published rows in order: Running 0, 1, 2, 3, then CrashLoopBackOff 3 (%s) [4.4] [4.5] [10.2]', (version) => {
    const rows = simulatedRows(text, version);
    const published = publishedRows(LINES);
    expectSubsequence(published, rows);
    // and nothing else: never ready, no other status than these
    expect(new Set(rows.map((r) => `${r.ready} ${r.status}`))).toEqual(new Set(['0/1 ContainerCreating', '0/1 Running', '0/1 CrashLoopBackOff']));
    // CrashLoopBackOff first after the fourth kill, with 3 restarts
    expect(rows.find((r) => r.status === 'CrashLoopBackOff')).toMatchObject({ restarts: '3' });
  });

  it.each(VERSIONS)('ends each of the first four runs within one probe period of the published 10, 22, 32, 42 s (%s) [5.4] [5.13] [8.6]', (version) => {
    const events = runScenario(withVersion(text, version)).trace!.events;
    const exits = events.filter((e) => e.type === 'container.exit');
    const published = LINES.split('\n').slice(2).map((line) => publishedRows(line)[0]!.t - agoOf(line)!);
    expect(published).toEqual([
      10,
      22,
      32,
      42,
    ]);
    published.forEach((end, i) => expect(Math.abs(apiSecond(exits[i]!.t) - end), `run ${i + 1}`).toBeLessThanOrEqual(2));
    // each run killed by its startup probe, exiting 0 at its SIGTERM
    for (const exit of exits.slice(0, 4)) expect(exit).toMatchObject({ exitCode: 0 });
    const kills = events.filter((e) => e.type === 'container.kill').slice(0, 4);
    expect(kills.map((e) => (e.type === 'container.kill' ? e.reason : ''))).toEqual(['StartupProbe', 'StartupProbe', 'StartupProbe', 'StartupProbe']);
  });
});
