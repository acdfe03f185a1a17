// A Russian course homework, «Запуск приложений в K8S», task 1 (the search index's file
// 47375206786): a Deployment of nginx and wbitt/network-multitool on MicroK8s, whose multitool
// cannot bind port 80 and exits 1 three seconds after each start. Server version and date not
// printed (kubectl 1.22+ by its "(… ago)"), so the rows are run at every version. The pod, the
// published lines and what the engine is given are in fixtures/microk8s-nginx-multitool-port80.yaml.
// - The first restart comes at once, after the untagged image's registry check ([4.1] [15.6]); a
//   failed run shows `Error` with `1/2` ready ([14.3]); the RESTARTS age dates the previous run's
//   end ([14.1]).
// Compared: READY, STATUS and the RESTARTS count of the watch's rows and of the later line, in
// order, at every version; the watch's rows within 1.5 s of their AGE and each "(Xs ago)" within
// 1 s, up to 1.35 (from 1.36 the on-demand relist, [0.8], prints each start up to 1.6 s sooner than
// a periodic relist would); the later line `1/2 Error 4 (56s ago) 116s`, whose "ago" dates the
// fourth run's end at 60 s: the engine's fourth run ends between 52 and 67 s (up to 1.34) or 52
// and 66 s (from 1.35), from the earliest to the latest requeue draw ([4.5] [4.6]), and 60 s lies
// in both ranges.
// Not compared: the second `ContainerCreating` row (a write that changed no column), and which
// draw this node made (a real node draws each requeue anew).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS } from '../../version';
import { agoOf, expectSubsequence, publishedRow, publishedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SCENARIO = fixture('microk8s-nginx-multitool-port80.yaml');

const WATCH = `
nginx-deployment-79cddc58d-cgdzj   0/2     ContainerCreating   0          0s
nginx-deployment-79cddc58d-cgdzj   2/2     Running             0          3s
nginx-deployment-79cddc58d-cgdzj   1/2     Error               0          6s
nginx-deployment-79cddc58d-cgdzj   2/2     Running             1 (4s ago)   9s
nginx-deployment-79cddc58d-cgdzj   1/2     Error               1 (7s ago)   12s`;
const LATER = 'nginx-deployment-79cddc58d-cgdzj   1/2     Error    4 (56s ago)   116s';
const watch = publishedRows(WATCH);
const watchAgo = WATCH.trim().split('\n').map(agoOf);
const keyOf = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`;

/** The engine's rows, the requeue drawn at `jitter`, with "(… ago)" and the end of the run it dates. */
function rowsAt(version: string, jitter: number) {
  const scenario = withVersion(SCENARIO, version).replace(/^until: .*$/m, `until: 200s\nrequeueJitter: ${jitter}`);
  const r = runScenario(scenario);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events.flatMap((e) => (e.type === 'pod.kubectl'
    ? [{ t: e.t, ready: e.ready, status: e.status, restarts: e.restarts, ago: agoOf(e.restarts), lastRestartAt: e.lastRestartAt }]
    : []));
}

describe('transcript: a homework\'s nginx and network-multitool, both on port 80 (MicroK8s)', () => {
  it.each([...SUPPORTED_VERSIONS])('prints the watch\'s rows first, then the later `Error 4` (%s) [4.1] [4.5] [14.3]', (version) => {
    const ours = rowsAt(version, 0);
    expect(ours.slice(0, watch.length).map(keyOf)).toEqual(watch.map(keyOf));
    expectSubsequence([...watch, publishedRow(LATER)], ours);
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => v < '1.36'))('prints the watch\'s rows at their AGE and dates the first restart (%s) [4.1] [14.1] [15.6]', (version) => {
    const ours = rowsAt(version, 0);
    watch.forEach((row, n) => expect(Math.abs(ours[n]!.t - row.t), `row ${n}`).toBeLessThanOrEqual(1.5));
    watchAgo.forEach((ago, n) => {
      if (ago === undefined) return expect(ours[n]!.ago, `row ${n}`).toBeUndefined();
      return expect(Math.abs(ours[n]!.ago! - ago), `"ago" of row ${n}`).toBeLessThanOrEqual(1);
    });
  });

  it.each([...SUPPORTED_VERSIONS])('ends the fourth run, which `4 (56s ago)` at 116 s dates to 60 s, within the requeue draws\' range (%s) [4.5] [4.6]', (version) => {
    const later = publishedRow(LATER);
    const endOfFourthRun = later.t - agoOf(LATER)!;
    expect(endOfFourthRun).toBe(60);
    const fourthRunEnd = (jitter: number) => rowsAt(version, jitter).find((r) => keyOf(r) === keyOf(later))!.lastRestartAt!;
    expect(fourthRunEnd(0)).toBeLessThanOrEqual(endOfFourthRun);
    expect(fourthRunEnd(1)).toBeGreaterThanOrEqual(endOfFourthRun);
  });
});
