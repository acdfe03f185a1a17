// zwindler/sidecar-container-example (README.md, July 2024; search-index file 39999147889): a CronJob
// whose "slow sidecar" (`sh -c "sleep 5 && /app/vhelloworld"`, a web server on 8081 after 5 s) is
// curled by the main container, which exits 1 when the curl fails. Watched twice with the sidecar
// native, on a cluster with sidecars on by default (1.29 or 1.30): without a startup probe the main
// container starts once the sidecar runs and fails (`1/2 Error`); with a startup probe
// (initialDelaySeconds 5, period 1) it starts only once the probe passed and succeeds
// (`1/2 Completed`). The manifests, the published lines and what the engine is given are in
// fixtures/zwindler-cronjob-sidecar-*.yaml.
// - [2.1] [2.2] a sidecar without a startup probe counts as started once running; with one, only once
//   it passed: the main container waits in `Init:0/1` for 6 s.
// - [5.6] the startup result sets `started` alone, so `0/2 PodInitializing` comes before `1/2
//   PodInitializing` (the two rows at 6s).
// - [14.2] [14.3] the sidecar counts in READY; `Completed` / `Error` with the sidecar still running.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, simulatedRows, withVersion, type Row } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const key = (r: Row) => `${r.ready} ${r.status} ${r.restarts}`;

describe('transcript: zwindler/sidecar-container-example, a native sidecar gated by a startup probe (July 2024, 1.29 or 1.30)', () => {
  const SCENARIO = fixture('zwindler-cronjob-sidecar-startup-probe.yaml');
  // The two `Pending` rows are the API server's; the second `Init:0/1` (1s) repeats the first (a
  // status write with nothing new for these columns), so the engine prints it once.
  const published = publishedRows(`
sidecar-cronjob-28689977-lt77c   0/2     Init:0/1   0          0s
sidecar-cronjob-28689977-lt77c   0/2     PodInitializing   0          6s
sidecar-cronjob-28689977-lt77c   1/2     PodInitializing   0          6s
sidecar-cronjob-28689977-lt77c   1/2     Completed         0          7s`);

  // Each row within 1 s of its AGE: the probe worker's first run is 5 s after the sidecar's start
  // plus a random phase upstream (here the next whole second), and the registry's answers for the
  // two `:latest` images (imagePullPolicy Always) are the node's, not modelled.
  it.each(['1.29', '1.30', '1.31', '1.33', '1.35'])('waits in Init:0/1 until the startup probe passes, then prints the started-but-not-ready row, each at its AGE (%s) [2.1] [2.2] [5.6] [14.2] [14.3]', (version) => {
    // The published watch ends at the last row (the sidecar's stop and the Job's later pods are not
    // in it), so the engine's first rows are compared.
    const ours = simulatedRows(withVersion(SCENARIO, version)).slice(0, published.length);
    expect(ours.map(key)).toEqual(published.map(key));
    ours.forEach((row, n) => expect(Math.abs(row.t - published[n]!.t), key(row)).toBeLessThanOrEqual(1));
  });

  // From 1.36 the on-demand relist ([0.8]) also shows the main container running (`2/2 Running`,
  // 0.2 s) before its exit: the published rows are still there, in order.
  it.each(['1.36', '1.37'])('prints the published rows in order (%s) [0.8] [2.2] [5.6]', (version) => {
    expectSubsequence(published, simulatedRows(withVersion(SCENARIO, version)));
  });
});

describe('transcript: zwindler/sidecar-container-example, the same native sidecar without a startup probe (July 2024, 1.29 or 1.30)', () => {
  const SCENARIO = fixture('zwindler-cronjob-sidecar-no-probe.yaml');
  const published = publishedRows(`
sidecar-cronjob-28689958-zrmhh   0/2     Init:0/1   0          0s
sidecar-cronjob-28689958-zrmhh   1/2     PodInitializing   0          2s
sidecar-cronjob-28689958-zrmhh   1/2     Error             0          3s`);

  // Within 1 s of each AGE: the engine's rows come a second early (1 s and 2 s). Its registry check
  // for each `:latest` image costs it nothing here, where this node's took about a second (the
  // README's regular-container run dates the two containers' starts 2 s apart in one sync).
  it.each(['1.29', '1.30', '1.31', '1.33', '1.35'])('starts the main container as soon as the sidecar runs, which fails: `1/2 Error` (%s) [2.1] [2.2] [14.2] [14.3]', (version) => {
    // The published watch ends at the last row (the sidecar's stop and the Job's later pods are not
    // in it), so the engine's first rows are compared.
    const ours = simulatedRows(withVersion(SCENARIO, version)).slice(0, published.length);
    expect(ours.map(key)).toEqual(published.map(key));
    ours.forEach((row, n) => expect(Math.abs(row.t - published[n]!.t), key(row)).toBeLessThanOrEqual(1));
  });

  it.each(['1.36', '1.37'])('prints the published rows in order (%s) [0.8] [2.2]', (version) => {
    expectSubsequence(published, simulatedRows(withVersion(SCENARIO, version)));
  });
});
