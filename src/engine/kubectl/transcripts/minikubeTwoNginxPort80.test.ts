// Study notes on pod networking, "two-nginx" (the search index's file 33941212835): two nginx
// containers in one pod on a minikube of June 2023 (before 1.28 by its Pulled durations, [10.6];
// run at 1.27, the engine's oldest). The second cannot bind port 80 and exits 1 about 2.5 s after
// each start. The pod, the published lines and what the engine is given are in
// fixtures/minikube126-two-nginx-port80.yaml.
// - The first restart comes at once, after the registry check of an untagged image ([4.1] [15.6]);
//   the second run's end is `Error` until the sync that the back-off error requeued 10-15 s later
//   writes `CrashLoopBackOff` and, the 10 s back-off being over by then, starts the third run
//   ([4.5] [4.6] [10.2]).
// Compared: READY, STATUS and the RESTARTS count of every row, in order, at every version (from
// 1.35 the requeue comes at the back-off's end, [4.6]: the same rows, sooner); at 1.27, with the
// requeue drawn at the top of its 10-15 s range ([4.6]: the node's `CrashLoopBackOff` row came 15 s
// after the `Error` row before it), each row from `2/2 Running` on within 1.5 s of its AGE and each
// "(Xs ago)" within 1.5 s (at 0.8 of the range the third run's "ago" is 2 s short: the node's pull
// before it took 4.8 s, the engine's 3.5 s); and the later line `CrashLoopBackOff 6 (4m4s ago)
// 10m`, which some moment of its AGE (600-659 s) matches.
// Not compared: the first row's AGE (the watch started 3 s in and printed the pod as it then was),
// and the `k events` counts (`Pulling … (x4 over 5m32s)` beside a separate first `Pulling` row,
// `BackOff 24s (x21 over 5m18s)`), whose rows the text does not show whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS } from '../../version';
import { agoOf, ageSeconds, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SCENARIO = fixture('minikube126-two-nginx-port80.yaml');

const LINES = `
two-nginx   0/2     ContainerCreating   0          3s
two-nginx   2/2     Running             0          7s
two-nginx   1/2     Error               0          10s
two-nginx   2/2     Running             1 (4s ago)   13s
two-nginx   1/2     Error               1 (7s ago)   16s
two-nginx   1/2     CrashLoopBackOff    1 (16s ago)   31s
two-nginx   2/2     Running             2 (21s ago)   36s
two-nginx   1/2     Error               2 (23s ago)   38s`;
const published = publishedRows(LINES);
const publishedAgo = LINES.trim().split('\n').map(agoOf);
const keyOf = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

/** The engine's rows with their "(… ago)" in seconds, until `until`, the requeue drawn at `jitter`. */
function rowsAt(version: string, jitter: number, until = '120s') {
  const scenario = withVersion(SCENARIO, version).replace(/^until: .*$/m, `until: ${until}\nrequeueJitter: ${jitter}`);
  const r = runScenario(scenario);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events.flatMap((e) => (e.type === 'pod.kubectl'
    ? [{ t: e.t, key: `${e.ready} ${e.status} ${e.restarts.split(' ')[0]}`, ago: agoOf(e.restarts), lastRestartAt: e.lastRestartAt }]
    : []));
}

describe('transcript: "two-nginx", a second nginx that cannot bind port 80 (minikube, June 2023, before 1.28)', () => {
  it.each([...SUPPORTED_VERSIONS])('prints the published rows first, in order (%s) [4.1] [4.5] [10.2] [14.3]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    expect(ours.slice(0, published.length).map(keyOf)).toEqual(published.map(keyOf));
  });

  it('prints each row at its AGE and dates each restart as the node did, the requeue at the top of its range (1.27) [4.5] [4.6] [15.6]', () => {
    const ours = rowsAt('1.27', 1).slice(0, published.length);
    expect(ours.map((r) => r.key)).toEqual(published.map(keyOf));
    for (let n = 1; n < published.length; n++) {
      expect(Math.abs(ours[n]!.t - published[n]!.t), `row ${n}`).toBeLessThanOrEqual(1.5);
    }
    publishedAgo.forEach((ago, n) => {
      if (ago === undefined) return expect(ours[n]!.ago, `row ${n}`).toBeUndefined();
      return expect(Math.abs(ours[n]!.ago! - ago), `"ago" of row ${n}`).toBeLessThanOrEqual(1.5);
    });
  });

  it('matches the later line `1/2 CrashLoopBackOff 6 (4m4s ago) 10m` at some moment of its AGE (1.27) [4.5] [4.6] [14.1]', () => {
    const [line] = publishedRows('two-nginx   1/2     CrashLoopBackOff   6 (4m4s ago)   10m');
    const ago = ageSeconds('4m4s');
    const ours = rowsAt('1.27', 1, '700s');
    // kubectl prints an AGE from 10 to 179 minutes in whole minutes: the line was read 600-659 s in.
    const moments = [];
    for (let t = 600; t < 660; t += 0.5) {
      const row = ours.filter((r) => r.t <= t).at(-1)!;
      if (row.key === keyOf(line!) && row.lastRestartAt !== undefined && Math.floor(t - row.lastRestartAt) === ago) moments.push(t);
    }
    expect(moments.length, 'a moment in 600-659 s showing the line').toBeGreaterThan(0);
  });
});
