// A course's Deployment strategies, the old pods' end: Dhruv Yadav, SST DevOps session 10, "Task 1 -
// Deployment Strategies" (the search index's file 70287320266), on the kind cluster of "Task 2 -
// Pod Lifecycle" (file 70080870275, a 1.35+ kubelet and kubectl by its events, [10.6]): run at
// 1.35, 1.36 and 1.37. The v1 pods are `hashicorp/http-echo:1.0` with a 5 s `preStop` sleep, and
// "http-echo exits with a non-zero code on SIGTERM". The manifest is rebuilt from the README's own
// lines (the deployment file is not published) and the rows are quoted in
// fixtures/dhruv-recreate-prestop-sleep.yaml. The Deployment controller's deletion is the input
// (one pod simulated; the three old pods printed the same rows).
// - Recreate: `1/1 Terminating` at AGE 9s, `0/1 Error` at 14s: the preStop sleep runs first and
//   holds the stop signal 5 s ([8.3], [11.4]); http-echo then exits non-zero at once, the kubelet
//   writes the terminal phase Failed for the deleted pod ([6.5], [6.2]), and from 1.31 the printer
//   keeps a terminal pod's STATUS instead of `Terminating` ([14.4]).
// - Rolling update (same v1 container and preStop; its readiness probe is not published and plays
//   no part once the pod is deleted): `--output-watch-events` prints `MODIFIED … 1/1 Terminating`
//   at 11s and 21s and `DELETED … 0/1 Error` at 17s and 27s, the API server's removal 6 s after each
//   deletion: the kubelet reports the terminal status, then the pod worker's last sync lets the
//   status manager delete the pod ([0.6], [15.8]).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRows, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/dhruv-recreate-prestop-sleep.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];

/** The scenario with the pod deleted at AGE `age` instead (the rolling update's old pods). */
function deletedAt(age: number, version: string): string {
  const text = withVersion(SCENARIO, version);
  expect(text).toMatch(/\{ at: 9s, do: deletePod \}/);
  return text.replace('{ at: 9s, do: deletePod }', `{ at: ${age}s, do: deletePod }`);
}

describe('transcript: a Recreate rollout deletes http-echo pods that have a 5 s preStop sleep (kind, 1.35+)', () => {
  const published = publishedRows(`
web-recreate-794f65f64d-466s2   1/1     Running   0          6s
web-recreate-794f65f64d-hzjdc   1/1     Terminating   0          9s
web-recreate-794f65f64d-hzjdc   0/1     Error         0          14s`);

  it.each(VERSIONS)('prints Running, `1/1 Terminating` at 9s and `0/1 Error` at 14s, each within 1 s of its AGE (%s) [8.3] [11.4] [6.5] [14.4]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    const last = ours.filter((r) => r.t <= 30);
    // From the Running row on, the engine prints exactly these rows.
    const from = last.findIndex((r) => r.status === 'Running');
    expect(last.slice(from).map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(published.map((r) => `${r.ready} ${r.status} ${r.restarts}`));
    expect(last[from]!.t).toBeLessThanOrEqual(published[0]!.t);
    published.slice(1).forEach((row, n) => expect(Math.abs(last[from + 1 + n]!.t - row.t), `${row.ready} ${row.status}`).toBeLessThanOrEqual(1));
  });

  it.each(VERSIONS)('sends the stop signal only when the 5 s sleep is over, and the container exits then (%s) [8.3] [11.4]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const sigterm = events.find((e) => e.type === 'container.signal' && e.signal === 'SIGTERM')!.t;
    const exit = events.find((e) => e.type === 'container.exit');
    // Terminating at 9s, Error at 14s: the preStop's 5 s, then an exit at once, non-zero.
    expect(Math.abs(sigterm - deleted - (14 - 9))).toBeLessThanOrEqual(1);
    expect(exit!.t).toBe(sigterm);
    expect(exit).toMatchObject({ reason: 'Error' });
  });
});

describe('transcript: a rolling update deletes the same v1 pods, watched with --output-watch-events (kind, 1.35+)', () => {
  // `kubectl -n s10 get pods -l app=web-rolling -w --output-watch-events` (excerpt), two old pods:
  //   19:29:01 MODIFIED   web-rolling-5b5979485b-kl2kg   1/1     Terminating         0          11s
  //   19:29:07 DELETED    web-rolling-5b5979485b-kl2kg   0/1     Error               0          17s
  //   19:29:11 MODIFIED   web-rolling-5b5979485b-rc8t9   1/1     Terminating         0          21s
  //   19:29:17 DELETED    web-rolling-5b5979485b-rc8t9   0/1     Error               0          27s
  const pods: [number, number][] = [[11, 17], [21, 27]];

  it.each(VERSIONS)('removes each pod from the API 6 s after its deletion, its last row `0/1 Error` (%s) [8.3] [6.5] [0.6] [15.8]', (version) => {
    for (const [terminating, removed] of pods) {
      const trace = runScenario(deletedAt(terminating, version)).trace!;
      const gone = trace.events.find((e) => e.type === 'pod.gone');
      expect(gone, `deleted at ${terminating}s`).toBeDefined();
      expect(Math.abs(gone!.t - removed), `deleted at ${terminating}s`).toBeLessThanOrEqual(1);
      const lastRow = trace.events.filter((e) => e.type === 'pod.kubectl' && e.t <= gone!.t).at(-1);
      expect(lastRow).toMatchObject({ ready: '0/1', status: 'Error' });
    }
  });
});
