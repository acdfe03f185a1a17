// A Killercoda session log (search-index file 35152692631, no repository named; 7 September 2025,
// the `controlplane`/`node01` playground, 1.32-1.34 by its `Created container: nginx`, [10.6]):
// `k run nginx --image nginx --command -- "shell" …`, a binary the nginx image does not have, twice
// (the first pod pulls nginx, the second finds it on the node). Manifests and published lines in
// fixtures/se-kc-shell-pull.yaml and fixtures/se-kc-shell-present.yaml; the describe panel's rows
// are checked in src/state/trace/seKillercodaShellDescribe.test.ts.
// Rules exercised: [3.5] a start the runtime refuses (exit 128, StartError; RunContainerError
// shown); [4.5] the first restart at once, then the 10 s back-off; [4.9]/[0.9] the extra sync
// one relist after the failed restart, which writes CrashLoopBackOff a second later; [4.6] up to
// 1.34 the failed sync's requeue, 10-15 s; [15.6] the registry round trip of a tagless image
// (imagePullPolicy Always) before every start.
// What is compared: READY, STATUS and the RESTARTS count strictly, in order; each published AGE
// within 1 s of the engine's row, or between the engine's earliest and latest requeue
// (`requeueJitter` 0 and 1); the StartError's code and message and when it finished.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const PULL = fixture('se-kc-shell-pull.yaml');
const PRESENT = fixture('se-kc-shell-present.yaml');
const VERSIONS = ['1.32', '1.33', '1.34'];
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
const FAILURE_ROWS = [
  1,
  2,
];
const JITTERS = [
  0,
  1,
];
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`;
const exitsOf = (text: string) => runScenario(text).trace!.events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');
const MESSAGE = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "shell": executable file not found in $PATH: unknown';

describe('transcript: Killercoda, `k run nginx … --command -- "shell" …`, the image pulled first (September 2025)', () => {
  // `k get po` at 2s and 5s, then `k get po -w`
  const GETS = publishedRows(`nginx                               0/1     ContainerCreating   0          2s
nginx                               0/1     ContainerCreating   0          5s`);
  const WATCH = `nginx                               0/1     ContainerCreating   0          8s
nginx                               0/1     RunContainerError   0          9s
nginx                               0/1     RunContainerError   1 (1s ago)   11s`;
  const published = publishedRows(WATCH);

  it.each(VERSIONS)('prints ContainerCreating while the 7.6 s pull runs, RunContainerError 0, then RunContainerError 1 after the immediate restart (%s) [3.5] [4.5]', (version) => {
    const ours = simulatedRows(withVersion(PULL, version));
    for (const row of [...GETS, ...published]) {
      expect(rowAt(ours, row.t), `at ${row.t}s`).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts.split(' ')[0] });
    }
    const at = expectSubsequence(published, ours);
    // the two failures' rows within 1 s of their ages
    for (const i of FAILURE_ROWS) expect(Math.abs(Math.floor(ours[at[i]!]!.t) - published[i]!.t), key(published[i]!)).toBeLessThanOrEqual(1);
    // ContainerCreating is all the 8 s of the pull showed
    expect(ours.filter((r) => r.t <= 8).map(key)).toEqual(['0/1 ContainerCreating 0']);
  });

  it('both starts fail with exit 128, StartError and the published message; the second finished 10 s into the pod (Finished 02:08:42, Start Time 02:08:32) [3.5]', () => {
    const exits = exitsOf(PULL);
    expect(exits.length).toBeGreaterThanOrEqual(2);
    for (const e of exits) expect(e).toMatchObject({ exitCode: 128, reason: 'StartError', message: MESSAGE });
    expect(Math.abs(exits[1]!.t - 10)).toBeLessThanOrEqual(1);
  });
});

describe('transcript: Killercoda, the same pod again with the image on the node (September 2025)', () => {
  const WATCH = `nginx                               0/1     RunContainerError   1 (0s ago)   3s
nginx                               0/1     CrashLoopBackOff    1 (1s ago)   4s`;
  const LATER = publishedRows('nginx                               0/1     RunContainerError   2 (9s ago)   29s')[0]!;
  const published = publishedRows(WATCH);

  it.each(VERSIONS)('prints RunContainerError 1 at 3 s and CrashLoopBackOff 1 a second later, the extra sync (%s) [3.5] [4.9]', (version) => {
    for (const jitter of JITTERS) {
      const ours = simulatedRows(withJitter(withVersion(PRESENT, version), jitter));
      // the watch began after the first failure: what it listed is what showed from 3 s on
      const from3 = ours.filter((r) => r.t >= 3);
      expect(from3.slice(0, 2).map(key)).toEqual(published.map(key));
      for (let i = 0; i < 2; i++) expect(Math.abs(Math.floor(from3[i]!.t) - published[i]!.t), key(published[i]!)).toBeLessThanOrEqual(1);
      // and before it, the first failure's RunContainerError 0 the watch did not see
      expect(ours.filter((r) => r.t < 3).map(key)).toEqual(['0/1 ContainerCreating 0', '0/1 RunContainerError 0']);
    }
  });

  it.each(VERSIONS)('`RunContainerError 2 (9s ago)` at 29 s: the third start between the earliest and latest requeue of the failed sync (%s) [4.6]', (version) => {
    const restarted = (jitter: number) => exitsOf(withJitter(withVersion(PRESENT, version), jitter))[2]!.t;
    const published3 = LATER.t - agoOf('2 (9s ago)')!;
    expect(published3).toBe(20);
    expect(published3).toBeGreaterThanOrEqual(Math.floor(restarted(0)) - 1);
    expect(published3).toBeLessThanOrEqual(Math.floor(restarted(1)) + 1);
    // with the latest requeue the row showing at 29 s is the published one
    const ours = simulatedRows(withJitter(withVersion(PRESENT, version), 1));
    expect(rowAt(ours, LATER.t)).toEqual({ ready: LATER.ready, status: LATER.status, restarts: '2' });
  });

  it('every start fails with exit 128 and StartError; the second finished 3 s into the pod (Finished 02:09:30, Start Time 02:09:27) [3.5]', () => {
    const exits = exitsOf(PRESENT);
    for (const e of exits) expect(e).toMatchObject({ exitCode: 128, reason: 'StartError', message: MESSAGE });
    expect(Math.abs(exits[1]!.t - 3)).toBeLessThanOrEqual(1);
  });
});
