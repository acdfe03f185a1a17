// A CKA-style lab's step 13, "Demo — Native Sidecar (Kubernetes v1.34)" (the search index's file
// 52651694350; no repository named), on a three-node minikube whose nodes print v1.34.0, outputs
// dated 2026-03-20. The manifest and every published line used are in
// fixtures/minikube134-job-native-sidecar.yaml. What the engine is given: busybox:1.36 is on the
// node (pull 0, it ran in the lab's earlier steps); everything else is read from the commands.
// - A Job: a native sidecar with a TERM trap that exits 0, looping `sleep 3`, and a main container
//   sleeping 10 s: `0/2 Init:0/1` 0s → `1/2 PodInitializing` 1s → `2/2 Running` 2s → `1/2 Completed`
//   12s → `0/2 Completed` 13s ([2.1] [2.2] the sidecar started gates the main container, [7.3] [14.2]
//   the sidecar counts in READY, [8.1c] [8.4] it is stopped once the main container is done, [6.3]
//   [14.3] `Completed` with the sidecar still running).
// Not compared: the containers' own `date +%T` lines. By them the sidecar's trap ran at :33, but its
// last `RUNNING` (:31, three seconds into a loop begun at :22) started a `sleep 3` that ends in second
// :34, and a shell runs a trap only once its foreground command returns ([15.3]; the engine's
// sidecar exits 0.7 s after SIGTERM, at the end of that sleep, which a clock would print as :34).
// The lab calls its outputs "Expected output"; the log may be edited, so it is left out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('transcript: a CKA lab\'s step 13, a Job with a native sidecar that traps SIGTERM (minikube v1.34.0)', () => {
  const SCENARIO = fixture('minikube134-job-native-sidecar.yaml');
  const published = publishedRows(`
job-native-sidecar-xxxxx   0/2     Init:0/1            0          0s
job-native-sidecar-xxxxx   1/2     PodInitializing     0          1s
job-native-sidecar-xxxxx   2/2     Running             0          2s
job-native-sidecar-xxxxx   1/2     Completed           0          12s
job-native-sidecar-xxxxx   0/2     Completed           0          13s`);
  // The two `Pending` rows before them are the API server's (the engine's trace starts at the
  // kubelet's first status); the four `0/2 Completed` rows after them (15s, 16s, 100s, 100s) repeat
  // the last one (the Job controller's and the garbage collector's writes), so they are not rows of
  // their own for the engine.

  // Up to 1.35 the PLEG relists every second ([0.2]): each row comes at a relist, and the node's
  // rows fall in the same whole seconds. kubectl floors AGE, and the engine's relists fall on whole
  // seconds of its clock, so each row is compared within 0.5 s (the node's own relist phase).
  it.each(['1.29', '1.31', '1.34', '1.35'])('prints the published rows in order, each at its AGE (%s) [2.1] [2.2] [7.3] [8.1c] [8.4] [14.2] [14.3]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    expect(ours.map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(published.map((r) => `${r.ready} ${r.status} ${r.restarts}`));
    ours.forEach((row, n) => expect(Math.abs(row.t - published[n]!.t), `${row.ready} ${row.status}`).toBeLessThanOrEqual(0.5));
  });

  // From 1.36 the on-demand relist ([0.8]) prints a started container when its sync ends, so the
  // rows come earlier (`2/2 Running` at 0.9 s, `1/2 Completed` at 11 s): the same rows, in order;
  // their times are not this 1.34 node's.
  it.each(['1.36', '1.37'])('prints the same rows in order (%s) [0.8] [2.1] [8.1c] [14.2]', (version) => {
    expectSubsequence(published, simulatedRows(withVersion(SCENARIO, version)));
  });
});
