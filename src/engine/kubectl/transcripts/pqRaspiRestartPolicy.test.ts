// restartPolicy Always and OnFailure on a container that exits at once with 0 or 1, four watches
// from a Japanese blog series, "一足遅れて Kubernetes を学び始める - 13. ヘルスチェックとコンテナライフサイクル -"
// (2019-05-30; search-index file 22514187375, no repository named; author not named in the stored
// text), section "コンテナの再起動". Manifests in fixtures/pq-raspi-restart-*.yaml. Server: the author's
// Raspberry Pi cluster, `kubectl get nodes` v1.14.1 on Docker: older than 1.27, so run at 1.27,
// 1.31, 1.34 and (rows only) 1.36; the rules checked have not changed since.
// Published, verbatim (the watches' header lines dropped):
//   # 成功の場合 (Always, exit 0)
//   sample-restart-always   0/1     ContainerCreating   0          13s
//   sample-restart-always   0/1     Completed           0          19s
//   sample-restart-always   0/1     Completed           1          27s
//   sample-restart-always   0/1     CrashLoopBackOff    1          28s
//   sample-restart-always   0/1     Completed           2          37s
//   # 失敗の場合 (Always, exit 1)
//   sample-restart-always   0/1     ContainerCreating   0          7s
//   sample-restart-always   0/1     Error               0          12s
//   sample-restart-always   0/1     Error               1          17s
//   sample-restart-always   0/1     CrashLoopBackOff    1          18s
//   sample-restart-always   0/1     Error               2          37s
//   # 成功の場合 (OnFailure, exit 0)
//   sample-restart-onfailure   0/1     ContainerCreating   0          3s
//   sample-restart-onfailure   0/1     Completed           0          15s
//   # 失敗の場合 (OnFailure, exit 1)
//   sample-restart-onfailure   0/1     ContainerCreating   0          4s
//   sample-restart-onfailure   0/1     Error               0          22s
//   sample-restart-onfailure   0/1     Error               1          28s
//   sample-restart-onfailure   0/1     CrashLoopBackOff    1          29s
//   sample-restart-onfailure   0/1     Error               2          50s
// Rules: [4.1] Always restarts any exit, OnFailure a non-zero one (exit 0 under OnFailure: Succeeded,
// `Completed 0`, [6.2]); [4.5] the first restart at once, the second after 10 s; [10.2] [10.3]
// `Completed`/`Error` for a terminated container, `CrashLoopBackOff` for one waiting its back-off;
// [0.9] [4.6] [4.9] the extra sync one relist after the refused start writes `CrashLoopBackOff`.
// Input versus checked: checked, the rows (READY, STATUS, RESTARTS) as a subsequence at every version;
// not compared, the first run's time (6-18 s on the Pi, sandbox and container creation, against the
// engine's 1 s).
// **Disagreement (timing; explained, not fixed):** with the manifests as published the engine
// prints `CrashLoopBackOff 1` about 10 s after the second exit (at the pod worker's requeue), where
// all three Pi watches print it 1 s after. The [0.9] chain (a relist while a sync runs, whose event
// is one more sync a relist after the sync that meets the back-off) needs a relist during the
// restart's sync; on the Pi the restart's sync takes ~5 s (CreateContainer and StartContainer on
// Docker: `Error 0` to `Error 1` 5 and 6 s for an immediate restart), in the engine 0.2 s, and the
// engine has no container-creation time. Giving one (a 4.5 s registry check under
// `imagePullPolicy: Always`, a stand-in for the Pi's slow start: the published pods pull nothing)
// puts every gap of the two exit-1 watches in place (the third test). The exit-0 watch stays off:
// its first restart took 8 s, and its third run ended 9 s after `CrashLoopBackOff 1`, earlier than
// the 10 s requeue from that sync allows (unexplained; whole-second AGEs and a slow relist on a Pi
// would have to add up to 2 s).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.34', '1.36'];

const WATCHES = {
  'Always, exit 0': ['pq-raspi-restart-always-exit0.yaml', `
sample-restart-always   0/1     ContainerCreating   0          13s
sample-restart-always   0/1     Completed           0          19s
sample-restart-always   0/1     Completed           1          27s
sample-restart-always   0/1     CrashLoopBackOff    1          28s
sample-restart-always   0/1     Completed           2          37s`],
  'Always, exit 1': ['pq-raspi-restart-always-exit1.yaml', `
sample-restart-always   0/1     ContainerCreating   0          7s
sample-restart-always   0/1     Error               0          12s
sample-restart-always   0/1     Error               1          17s
sample-restart-always   0/1     CrashLoopBackOff    1          18s
sample-restart-always   0/1     Error               2          37s`],
  'OnFailure, exit 0': ['pq-raspi-restart-onfailure-exit0.yaml', `
sample-restart-onfailure   0/1     ContainerCreating   0          3s
sample-restart-onfailure   0/1     Completed           0          15s`],
  'OnFailure, exit 1': ['pq-raspi-restart-onfailure-exit1.yaml', `
sample-restart-onfailure   0/1     ContainerCreating   0          4s
sample-restart-onfailure   0/1     Error               0          22s
sample-restart-onfailure   0/1     Error               1          28s
sample-restart-onfailure   0/1     CrashLoopBackOff    1          29s
sample-restart-onfailure   0/1     Error               2          50s`],
} as const;

const cases = Object.entries(WATCHES).flatMap(([name, [file, lines]]) => VERSIONS.map((v) => [name, v, file, lines] as const));

/** The fixture with the stand-in for the Pi's slow container start (see above) and a requeue draw. */
function slowStart(file: string, version: string, jitter: number): string {
  const text = withVersion(fixture(file), version)
    .replace('      image: nginx:1.12\n', '      image: nginx:1.12\n      imagePullPolicy: Always\n')
    .replace('{ pull: 0 }', '{ pull: 0, registryCheck: 4.5s }');
  return `${text.trimEnd()}\nrequeueJitter: ${jitter}\n`;
}

describe('transcript: restartPolicy Always and OnFailure, a container exiting 0 or 1 at once (Raspberry Pi, v1.14.1)', () => {
  it.each(cases)('%s: the published rows in order (%s) [4.1] [4.5] [10.2] [10.3]', (_name, version, file, lines) => {
    const rows = simulatedRows(fixture(file), version);
    const published = publishedRows(lines);
    expectSubsequence(published, rows);
    // never ready; up to 1.35 no `Running` row either, as on the Pi (from 1.36 the on-demand
    // relist lists each run running first, [0.8])
    expect(rows.filter((r) => r.ready !== '0/1')).toEqual(Number(version.split('.')[1]) >= 36 ? rows.filter((r) => r.status === 'Running') : []);
  });

  it.each(VERSIONS)('OnFailure, exit 0: `Completed 0` and nothing after, the pod Succeeded (%s) [4.1] [6.2]', (version) => {
    const rows = simulatedRows(fixture(WATCHES['OnFailure, exit 0'][0]), version);
    expect(rows.at(-1)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' });
    expect(rows.filter((r) => r.restarts !== '0')).toEqual([]);
  });

  // The stand-in for the Pi's slow start (a 4.5 s sync for each start), at the requeue's two
  // extreme draws: each gap of the exit-1 watches, measured from the first exit row.
  it.each(['1.27', '1.31', '1.34'])('with a 4.5 s container start, the exit-1 watches\' gaps: restart 5-6 s, `CrashLoopBackOff 1` a second later, the third run 19-21 s after (%s) [0.9] [4.5] [4.6]', (version) => {
    for (const name of ['Always, exit 1', 'OnFailure, exit 1'] as const) {
      const [file, lines] = WATCHES[name];
      const published = publishedRows(lines).slice(1);
      const gaps = published.slice(1).map((r, i) => r.t - published[i]!.t);
      const ours = Array.of(0, 1).map((jitter) => {
        const rows = simulatedRows(slowStart(file, version, jitter));
        const at = expectSubsequence(published, rows);
        return at.slice(1).map((i, n) => rows[i]!.t - rows[at[n]!]!.t);
      });
      // immediate restart: the start's own time, either draw
      expect(Math.abs(ours[0]![0]! - gaps[0]!), `${name}: restart`).toBeLessThanOrEqual(1.5);
      // the extra sync's CrashLoopBackOff one relist after the refused start
      expect(ours[0]![1], `${name}: CrashLoopBackOff`).toBe(gaps[1]);
      expect(ours[1]![1], `${name}: CrashLoopBackOff`).toBe(gaps[1]);
      // the third run's end between the draws, within 1.5 s
      expect(gaps[2]!, `${name}: third run`).toBeGreaterThanOrEqual(ours[0]![2]! - 1.5);
      expect(gaps[2]!, `${name}: third run`).toBeLessThanOrEqual(ours[1]![2]! + 1.5);
    }
  });
});
