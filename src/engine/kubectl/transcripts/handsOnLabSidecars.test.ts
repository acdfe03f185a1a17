// Published watches of native sidecars from cr7258/hands-on-lab (kubernetes/sidecar-containers,
// README sections 6-8, commit 269c9a8bb9f5d1b0949a6e2841f5ecdc1511fe40), a kind cluster on
// kindest/node:v1.28.0 with the SidecarContainers gate on; the repo keeps each row's full
// `kubectl get pod -o yaml` under logs/. The manifests are the lab's files as published, in
// fixtures/ with the watch quoted at their head; busybox:1.35 was already on the node (earlier
// labs of the same cluster), so no pull is timed. The two leading `Pending` rows (the API server's
// object before the kubelet's first status) and a repeated `Init:0/3` (a change outside the
// columns) are left out, as the engine prints neither. Rules exercised: [2.1] init containers in
// order, [2.2] a sidecar without a startup probe lets the next container start once it runs,
// [14.2] a started sidecar counts in READY while the pod initializes, [5.1] a readiness probe
// gates nothing, [4.1] a sidecar restarts whatever the pod's policy. Verdicts: docs/transcripts.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { ageSeconds, expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The rows in order, each within 1 s of its AGE (kubectl truncates AGE to the second). */
function expectRows(scenario: string, published: ReturnType<typeof publishedRows>, version: string) {
  const ours = simulatedRows(withVersion(scenario, version));
  const at = expectSubsequence(published, ours);
  at.forEach((i, n) => expect(Math.abs(ours[i]!.t - published[n]!.t), `row ${n + 1}`).toBeLessThanOrEqual(1));
}

const VERSIONS = ['1.28', '1.29', '1.33'];

/** The engine's rows whose RESTARTS say "(… ago)": [time, seconds ago]. */
function simulatedRowsWithAgo(scenario: string): [number, number][] {
  return runScenario(scenario).trace!.events.flatMap((e) => {
    const ago = e.type === 'pod.kubectl' ? /\((\S+) ago\)/.exec(e.restarts)?.[1] : undefined;
    return ago === undefined ? [] : [[e.t, ageSeconds(ago)] as [number, number]];
  });
}

describe('transcript: cr7258/hands-on-lab section 6, an init container, two sidecars and two main containers', () => {
  const published = publishedRows(`
myapp   0/4     Init:0/3   0          0s
myapp   0/4     Init:1/3   0          11s
myapp   1/4     Init:2/3   0          12s
myapp   2/4     PodInitializing   0          13s
myapp   4/4     Running           0          14s`);
  it.each(VERSIONS)('prints the published rows at their ages (%s) [2.1] [2.2] [14.2]', (version) => {
    expectRows(fixture('cr7258-init-sidecars-mains.yaml'), published, version);
  });
});

describe('transcript: cr7258/hands-on-lab section 8, sidecars whose readiness probe takes 30 s', () => {
  const published = publishedRows(`
myapp   0/4     Init:0/3   0          0s
myapp   0/4     Init:1/3   0          11s
myapp   0/4     Init:2/3   0          12s
myapp   0/4     PodInitializing   0          13s
myapp   2/4     Running           0          14s
myapp   3/4     Running           0          42s
myapp   4/4     Running           0          43s`);
  it.each(VERSIONS)('starts the main containers before the sidecars are ready, and counts each when its probe passes (%s) [5.1] [5.11] [14.2]', (version) => {
    expectRows(fixture('cr7258-sidecar-readiness.yaml'), published, version);
  });
});

describe('transcript: cr7258/hands-on-lab section 7, sidecars that exit 0 after 20 s and 30 s under restartPolicy Always', () => {
  const published = publishedRows(`
myapp   0/4     Init:0/3   0          0s
myapp   0/4     Init:1/3   0          11s
myapp   1/4     Init:2/3   0          12s
myapp   2/4     PodInitializing   0          13s
myapp   4/4     Running           0          14s
myapp   3/4     Running           0          32s
myapp   4/4     Running           1 (2s ago)   33s
myapp   3/4     Running           1 (11s ago)   42s
myapp   4/4     Running           2 (1s ago)    43s`);
  // The dumps date sidecar-2's exit at 42 s, the engine's row at 43.2 s: within the 1 s its
  // restart's sync may take.
  it.each(VERSIONS)('restarts each sidecar at its exit, READY dropping for the restart (%s) [4.1] [14.1]', (version) => {
    expectRows(fixture('cr7258-sidecar-restarts.yaml'), published, version);
  });

  // kubectl counts "(… ago)" from finishedAt and AGE from creationTimestamp, both whole seconds in
  // the API, so AGE minus "ago" is the exit's whole second: 31, 31, 42 in the watch. The engine
  // printed `1 (1s ago)` at 33 s until it kept its API timestamps in whole seconds too (apiSecond).
  it.each(VERSIONS)('dates each restart as the cluster did: AGE minus "ago" is the exit\'s whole second (%s) [14.1]', (version) => {
    const publishedAgo = [...`
myapp   4/4     Running           1 (2s ago)   33s
myapp   3/4     Running           1 (11s ago)   42s
myapp   4/4     Running           2 (1s ago)    43s`.matchAll(/\((\S+) ago\)\s+(\S+)/g)].map(([, ago, age]) => ageSeconds(age!) - ageSeconds(ago!));
    expect(publishedAgo).toEqual([31, 31, 42]);
    const ours = simulatedRowsWithAgo(withVersion(fixture('cr7258-sidecar-restarts.yaml'), version));
    expect(ours.slice(0, 3).map(([t, ago]) => Math.floor(t) - ago)).toEqual([31, 31, 42]);
    expect(ours[0]).toEqual([33, 2]);
  });
});

describe('transcript: cr7258/hands-on-lab section 9, the pod deleted on 1.28: preStop hooks on the mains, TERM traps everywhere', () => {
  // The spec the row dumps record (logs/6-prestop-hook-status.yaml's last-applied-configuration:
  // each container `exec sh -c "trap … TERM; while …"`); the deletion at AGE 38 s is the input.
  const published = publishedRows(`
myapp   4/4     Running           0          14s
myapp   4/4     Terminating       0          38s
myapp   0/4     Terminating       0          53s`);
  it('stops the sidecars with the main containers, as 1.28 did, and prints the rows at their ages [8.7] [8.3] [15.3]', () => {
    const scenario = fixture('cr7258-prestop-termination.yaml');
    expectRows(scenario, published, '1.28');
    // The dumps: the sidecars exited 0 at 41 s and 42 s, the main containers at 53 s (their
    // preStop's 5 s, then their traps' 10 s): on 1.28 a deletion signals the sidecars at once.
    const exits = runScenario(scenario).trace!.events.filter((e) => e.type === 'container.exit' && e.t > 38);
    expect(exits.map((e) => [e.type === 'container.exit' ? e.container : '', Math.floor(e.t)])).toEqual([
      ['sidecar-container-1', 41], ['sidecar-container-2', 42], ['main-container-1', 53], ['main-container-2', 53],
    ]);
  });
});
