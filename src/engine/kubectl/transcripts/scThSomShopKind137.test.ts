// A Thai course's Kubernetes Pod chapter, LAB 9 "ร้านอาหารแมวน้องส้ม" (search-index files
// 70398134632, run of 2026-10-04, and 70162894059, the page's later version with the whole manifest
// and a run of 2026-10-05; no repository named), on kind with Kubernetes v1.37.0 (stated; the
// course's next chapter prints the nodes' VERSION v1.37.0, file 70552461266). The first published
// watch of a pod with a native sidecar on a 1.36+ node among these transcripts (docs/transcripts.md
// asked for one to check [0.8], the on-demand relist). Manifest, inputs and published lines:
// fixtures/sc-th-somshop-kind137.yaml.
// The pod: PostgreSQL as a native sidecar `db` (startupProbe exec pg_isready every 2 s, readinessProbe
// every 5 s), then `wait-for-db` (loops on pg_isready), `db-seed` (a node script), then `web`
// (Next.js, httpGet readiness every 5 s). Published, `kubectl get pod som-shop -w` (repeats of an
// unchanged row folded; AGE of the 2026-10-05 run, then of the 2026-10-04 run):
//   0/2 Init:0/3 0s/0s → 0/2 Init:1/3 4s/4s → 1/2 Init:1/3 4s/4s → 1/2 Init:2/3 5s/4s →
//   1/2 PodInitializing 6s/5s → 1/2 Running 6s/6s → 2/2 Running 7s/7s
// and, after `pg_ctl stop -m fast` in `db`, polls about a second apart:
//   t+1s  2/2 Running 0 2m15s;  t+2s  1/2 Init:0/3 1 (1s ago);  t+3s  2/2 Running 1 (2s ago)
// Rules: [2.2] [5.6] the sidecar started (startup probe) before it is ready, [5.9] its readiness run
// at once, [14.2] `Init:N/M` counts the started sidecar; [4.3] a sidecar restarted at once whatever
// its exit code, the printer's `Init:0/3` for a restarted sidecar not yet started again ([14.2]);
// [0.8] from 1.36 the sync that starts a container is followed by a relist, so the start shows at
// once (`1/2 Running` in the second of `PodInitializing`; the restarted `db` one second after the
// exit's second, `(1s ago)`).
// Inputs (fixture): the containers' own times, none published (PostgreSQL up 2.5 s after its first
// start, 0.5 s after a restart; wait-for-db 0.1 s; the seed 0.5 s; Next.js 0.3 s). The exit is put
// at 140.3 s: the engine's startup-probe ticks fall on even seconds (its worker's phase, random on a
// node, is not an input), and an exit in an even second lets the restarted sidecar pass it 2 s after
// the exit's second, as the node's did (`(2s ago)`); in an odd second the engine needs a third.
// Compared: the rows in order exactly, each at the 2026-10-05 run's AGE exactly and within 1 s of the
// 2026-10-04 run's, at 1.36 and 1.37; the three polls with their "(… ago)" at 1.36 and 1.37. Against
// 1.35 (the periodic relist only): the same rows in order, but `1/2 Running` a second after
// `PodInitializing`, and the restarted sidecar never shows with "(1s ago)": the published polls
// need 1.36+.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agoOf, publishedRows, rowsWithLastRestart, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/sc-th-somshop-kind137.yaml', import.meta.url), 'utf8');
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

/** Consecutive repeats of an unchanged row folded (writes that change nothing these columns show). */
function distinct<T extends { ready: string; status: string; restarts: string }>(rows: T[]): T[] {
  return rows.filter((r, i) => i === 0 || key(r) !== key(rows[i - 1]!));
}

// 2026-10-05 (file 70162894059), verbatim
const RUN_1005 = distinct(publishedRows(`
som-shop   0/2     Init:0/3   0          0s
som-shop   0/2     Init:0/3   0          0s
som-shop   0/2     Init:0/3   0          1s
som-shop   0/2     Init:1/3   0          4s
som-shop   0/2     Init:1/3   0          4s
som-shop   1/2     Init:1/3   0          4s
som-shop   1/2     Init:1/3   0          4s
som-shop   1/2     Init:2/3   0          5s
som-shop   1/2     Init:2/3   0          5s
som-shop   1/2     PodInitializing   0          6s
som-shop   1/2     Running           0          6s
som-shop   2/2     Running           0          7s
som-shop   2/2     Running           0          8s`));
// 2026-10-04 (file 70398134632), verbatim
const RUN_1004 = distinct(publishedRows(`
som-shop   0/2     Init:0/3   0          0s
som-shop   0/2     Init:0/3   0          0s
som-shop   0/2     Init:0/3   0          0s
som-shop   0/2     Init:1/3   0          4s
som-shop   0/2     Init:1/3   0          4s
som-shop   1/2     Init:1/3   0          4s
som-shop   1/2     Init:1/3   0          4s
som-shop   1/2     Init:2/3   0          4s
som-shop   1/2     Init:2/3   0          5s
som-shop   1/2     PodInitializing   0          5s
som-shop   1/2     Running           0          6s
som-shop   2/2     Running           0          7s
som-shop   2/2     Running           0          8s`));
// section 9.9's polls, verbatim (the author's own lines: the AGE column only on the first)
const POLLS = [
  { line: 't+1s  2/2 Running 0 2m15s', ready: '2/2', status: 'Running', restarts: '0' },
  { line: 't+2s  1/2 Init:0/3 1 (1s ago)', ready: '1/2', status: 'Init:0/3', restarts: '1' },
  { line: 't+3s  2/2 Running 1 (2s ago)', ready: '2/2', status: 'Running', restarts: '1' },
];

/** The engine's rows of the first minute (the start-up), folded like the published ones. */
const startup = (version: string) => distinct(simulatedRows(withVersion(FIXTURE, version)).filter((r) => r.t < 60));

describe('transcript: a Thai course\'s som-shop pod, PostgreSQL as a native sidecar, on kind v1.37.0 (October 2026)', () => {
  it.each(['1.37', '1.36', '1.35', '1.33', '1.29'])('prints the published start-up rows exactly, in order (%s) [2.2] [5.6] [5.9] [14.2]', (version) => {
    expect(startup(version).map(key)).toEqual(RUN_1005.map(key));
    expect(RUN_1004.map(key)).toEqual(RUN_1005.map(key));
  });

  it.each(['1.37', '1.36'])('each start-up row at the 2026-10-05 AGE exactly, within 1 s of the 2026-10-04 one (%s) [0.8]', (version) => {
    const ours = startup(version);
    ours.forEach((r, n) => {
      expect(Math.floor(r.t), key(r)).toBe(RUN_1005[n]!.t);
      expect(Math.abs(Math.floor(r.t) - RUN_1004[n]!.t), key(r)).toBeLessThanOrEqual(1);
    });
  });

  it('1.35 (no on-demand relist) prints `1/2 Running` a second after `PodInitializing`, where both runs print it at most a second after and 10-05 in the same second [0.8]', () => {
    const ours = startup('1.35');
    const at = (status: string, ready: string) => Math.floor(ours.find((r) => r.status === status && r.ready === ready)!.t);
    expect(at('Running', '1/2') - at('PodInitializing', '1/2')).toBe(1);
    expect(at('Running', '1/2')).toBe(at('Running', '2/2')); // the web's start and its readiness in one relist
    const pub = (rows: typeof RUN_1005, status: string, ready: string) => rows.find((r) => r.status === status && r.ready === ready)!.t;
    expect(pub(RUN_1005, 'Running', '1/2') - pub(RUN_1005, 'PodInitializing', '1/2')).toBe(0);
    expect(pub(RUN_1005, 'Running', '2/2') - pub(RUN_1005, 'Running', '1/2')).toBe(1);
  });

  it.each(['1.37', '1.36'])('the sidecar stopped: polls a second apart print `2/2 Running 0`, `1/2 Init:0/3 1 (1s ago)`, `2/2 Running 1 (2s ago)` (%s) [0.8] [4.3] [14.1] [14.2]', (version) => {
    const rows = rowsWithLastRestart(withVersion(FIXTURE, version));
    const exitSecond = 140; // the exit at 140.3 s: finishedAt 140 in the API ([14.1])
    const at = (t: number) => rows.filter((r) => r.t <= t).at(-1)!;
    // the second poll's "(1s ago)" puts it in [141, 142); every such poll after the restart shows it
    let fitting = 0;
    for (let p = 141; p < 142; p += 0.1) {
      const polls = [p - 1, p, p + 1].map(at);
      const ok = polls.every((r, n) => r.key === `${POLLS[n]!.ready} ${POLLS[n]!.status} ${POLLS[n]!.restarts}`)
        && [1, 2].every((n) => Math.floor([p - 1, p, p + 1][n]! - polls[n]!.lastRestartAt!) === agoOf(POLLS[n]!.line));
      if (ok) fitting++;
      if (p >= 141.2) expect(ok, `poll at ${p.toFixed(1)}: ${polls.map((r) => r.key).join(' | ')}`).toBe(true);
    }
    expect(fitting).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.lastRestartAt !== undefined).every((r) => r.lastRestartAt === exitSecond)).toBe(true);
  });

  it('1.35: the restarted sidecar first shows two seconds after the exit\'s second, so no poll prints `1/2 Init:0/3 1 (1s ago)` [0.2] [0.6]', () => {
    const rows = rowsWithLastRestart(withVersion(FIXTURE, '1.35'));
    const at = (t: number) => rows.filter((r) => r.t <= t).at(-1)!;
    for (let p = 140.3; p < 150; p += 0.1) {
      const r = at(p);
      const ago = r.lastRestartAt === undefined ? undefined : Math.floor(p - r.lastRestartAt);
      expect(r.key === '1/2 Init:0/3 1' && ago === 1, `poll at ${p.toFixed(1)}`).toBe(false);
    }
  });
});
