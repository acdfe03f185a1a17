// simonangel-fong's notes "Kubernetes: Container - Back-off Mechanism & Restart Policy", "Lab:
// Container Auto-restart" (the search index's file 49696936486): a pod of nginx and a busybox
// running `sleep 30` under restartPolicy Always, watched for two and a half minutes on Docker
// Desktop (1.32-1.34 by its events' wording, [10.6]; 1.34 by the same author's other lab). The pod,
// the published lines and what the engine is given are in fixtures/sf-docker-desktop-auto-restart.yaml.
// - Every exit is code 0, so each run ends in `NotReady` (kubectl's Completed-with-a-running-
//   container row, [14.3]), the first restart comes at once and the next ones after 10 s and 20 s
//   of back-off ([4.1] [4.5]); `CrashLoopBackOff` shows only at the sync that the back-off error
//   requeued, right before the restart ([4.6] [10.2]).
// Compared: READY, STATUS and the RESTARTS count of every row, in order, at every version (the rows
// do not depend on it); at the source's versions, the gaps between the rows and each "(Xs ago)"
// within 1.5 s, with the pod worker's requeue drawn at 0.8 of its 10-15 s range ([4.6]: the node's
// `CrashLoopBackOff` rows came 14 and 15 s after the runs' ends). The engine's default draw (0,
// the earliest) puts the second and third restarts 4 s and 9 s earlier than this node's; each
// published restart lies between the engine's at the earliest and the latest draw.
// Not compared: AGE itself (the engine's first row comes a second earlier, the sandbox and the
// first pulls, and the restart after each exit takes the node about a second longer than the
// engine's, so the rows drift by up to 4 s over the watch), and the events' BackOff count.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS } from '../../version';
import { agoOf, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SCENARIO = fixture('sf-docker-desktop-auto-restart.yaml');

const LINES = `
demo-auto-restart   0/2     ContainerCreating     0               0s
demo-auto-restart   2/2     Running               0               5s
demo-auto-restart   1/2     NotReady              0               36s
demo-auto-restart   2/2     Running               1 (3s ago)      38s
demo-auto-restart   1/2     NotReady              1 (33s ago)     68s
demo-auto-restart   1/2     CrashLoopBackOff      1 (14s ago)     81s
demo-auto-restart   2/2     Running               2 (16s ago)     83s
demo-auto-restart   1/2     NotReady              2 (46s ago)     113s
demo-auto-restart   1/2     CrashLoopBackOff      2 (15s ago)     2m7s
demo-auto-restart   2/2     Running               3 (31s ago)     2m23s`;
const published = publishedRows(LINES);
const publishedAgo = LINES.trim().split('\n').map(agoOf);
const keyOf = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

/** The engine's rows with their "(… ago)" in seconds, the requeue drawn at `jitter`. */
function rowsAt(version: string, jitter: number) {
  const scenario = withVersion(SCENARIO, version).replace(/^(until: .*)$/m, `$1\nrequeueJitter: ${jitter}`);
  const r = runScenario(scenario);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events.flatMap((e) => (e.type === 'pod.kubectl'
    ? [{ t: e.t, key: `${e.ready} ${e.status} ${e.restarts.split(' ')[0]}`, ago: agoOf(e.restarts) }]
    : []));
}

describe('transcript: simonangel-fong\'s "Lab: Container Auto-restart", busybox `sleep 30` beside nginx (Docker Desktop, 1.32-1.34)', () => {
  it.each([...SUPPORTED_VERSIONS])('prints the published rows, in order and no others (%s) [4.1] [4.5] [10.2] [14.3]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    expect(ours.map(keyOf)).toEqual(published.map(keyOf));
  });

  it.each(['1.32', '1.33', '1.34'])('spaces the rows and dates each restart as the node did, the requeue at 0.8 of its range (%s) [4.5] [4.6]', (version) => {
    const ours = rowsAt(version, 0.8);
    expect(ours.map((r) => r.key)).toEqual(published.map(keyOf));
    // From the first `Running` row on: each gap to the next row, and each "(Xs ago)".
    for (let n = 2; n < published.length; n++) {
      const gap = published[n]!.t - published[n - 1]!.t;
      expect(Math.abs(ours[n]!.t - ours[n - 1]!.t - gap), `gap before row ${n}`).toBeLessThanOrEqual(1.5);
    }
    publishedAgo.forEach((ago, n) => {
      if (ago === undefined) return expect(ours[n]!.ago, `row ${n}`).toBeUndefined();
      return expect(Math.abs(ours[n]!.ago! - ago), `"ago" of row ${n}`).toBeLessThanOrEqual(1.5);
    });
  });

  it('dates each published restart between the engine\'s earliest and latest requeue draws (1.34) [4.5] [4.6]', () => {
    // A real node draws each requeue anew in 10-15 s; the engine uses one draw for all. Each
    // published "(Xs ago)" of a `Running` row (3, 16, 31 s) lies within 1 s of the range the
    // engine's restarts span from the earliest draw (0) to the latest (1).
    const agos = (jitter: number) => rowsAt('1.34', jitter).filter((r) => r.key.startsWith('2/2 Running') && r.ago !== undefined).map((r) => r.ago!);
    const [earliest, latest] = [agos(0), agos(1)];
    const want = publishedAgo.filter((a, n) => a !== undefined && published[n]!.status === 'Running') as number[];
    expect(want).toEqual([3, 16, 31]);
    want.forEach((ago, n) => {
      expect(earliest[n]!, `restart ${n + 1}, earliest draw`).toBeLessThanOrEqual(ago + 1);
      expect(latest[n]!, `restart ${n + 1}, latest draw`).toBeGreaterThanOrEqual(ago - 1);
    });
  });
});
