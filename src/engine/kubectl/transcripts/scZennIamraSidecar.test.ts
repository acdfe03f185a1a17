// A Zenn article (author metalmental), "IAM Roles AnywhereでオンプレミスKubernetes PodからAWSリソースを
// 利用する方法" (the search index's file 69024901179; its images are dated 2026-09-20): AWS's
// credential helper (`aws_signing_helper serve`) as a native sidecar beside an aws-cli container
// running `sleep 3600`, on the arm64 worker `raspberry` of a two-node home cluster. The Kubernetes
// version is not printed. Manifest and watch, verbatim: fixtures/sc-zenn-iamra-sidecar.yaml.
// Published (`kubectl get pods -o wide -w`, the IP and node columns kept, the last two dropped):
//   backend   0/2     Init:0/1   0          0s    <none>   raspberry
//   backend   0/2     Init:0/1   0          0s    <none>   raspberry
//   backend   0/2     Init:0/1   0          1s    <none>   raspberry
//   backend   1/2     PodInitializing   0          2s    10.244.151.173   raspberry
//   backend   2/2     Running           0          3s    10.244.151.173   raspberry
// The three `Init:0/1` rows are three writes that change nothing kubectl prints in these columns (the
// scheduler's binding, the kubelet's first statuses, the IP still <none>): one row for the engine.
// Rules: [2.1] [2.2] a sidecar without a startup probe counts as started at the first status that
// shows it running, which lets the main container start; [7.3] [14.2] a sidecar without a readiness
// probe is ready with it, so `1/2 PodInitializing` and never `0/2 PodInitializing` ([5.6]); [0.8]
// from 1.36 the on-demand relist shows each start as the sync that made it ends.
// What is compared: the engine's rows are exactly the published ones, in order, at every version
// 1.29-1.37. The ages need a timing the article does not give: both images are `:latest`, so the
// kubelet asks the registry (public.ecr.aws, from Japan) before each start ([15.6]), and the node's
// sandbox (calico on a Raspberry Pi) has no input in the engine. One registry time for both
// containers, the test's input, gives both AGEs exactly: 0.5 s on 1.29-1.35 (any value in (0.3, 0.8]
// does; each start is seen at the next 1 s relist), 1.4 s on 1.36-1.37 (any in [1.3, 1.55); each
// start is seen at once, [0.8]). No one value fits both families, so the watch, with its version
// unknown, does not tell 1.35 from 1.36; it agrees with each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedRows, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/sc-zenn-iamra-sidecar.yaml', import.meta.url), 'utf8');
const withRegistry = (text: string, seconds: number) => text
  .replace('iamra-sidecar: { pull: 0 }', `iamra-sidecar: { pull: 0, registryCheck: ${seconds}s }`)
  .replace('  app: { pull: 0 }', `  app: { pull: 0, registryCheck: ${seconds}s }`);

const published = publishedRows(`
backend   0/2     Init:0/1   0          0s    <none>   raspberry
backend   0/2     Init:0/1   0          0s    <none>   raspberry
backend   0/2     Init:0/1   0          1s    <none>   raspberry
backend   1/2     PodInitializing   0          2s    10.244.151.173   raspberry
backend   2/2     Running           0          3s    10.244.151.173   raspberry`);
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;
/** The published rows with repeats of an unchanged row folded (writes kubectl shows the same). */
const distinct = published.filter((r, i) => i === 0 || key(r) !== key(published[i - 1]!));

describe('transcript: Zenn, an IAM Roles Anywhere credential helper as a native sidecar (home cluster, September 2026)', () => {
  it.each(['1.29', '1.31', '1.33', '1.34', '1.35', '1.36', '1.37'])('prints exactly the published rows: `0/2 Init:0/1` → `1/2 PodInitializing` → `2/2 Running` (%s) [2.1] [2.2] [5.6] [7.3] [14.2]', (version) => {
    for (const registry of [0.2, 0.5, 1.4]) {
      const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), registry));
      expect(ours.map(key), `registry ${registry} s`).toEqual(distinct.map(key));
    }
  });

  it.each(['1.29', '1.31', '1.33', '1.34', '1.35'])('each row at its AGE with a 0.5 s registry answer; each start seen at the next relist (%s) [0.2] [15.6]', (version) => {
    const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), 0.5));
    expect(ours.map((r) => Math.floor(r.t))).toEqual(distinct.map((r) => r.t));
  });

  it.each(['1.36', '1.37'])('each row at its AGE with a 1.4 s registry answer; each start seen at once (%s) [0.8] [15.6]', (version) => {
    const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), 1.4));
    expect(ours.map((r) => Math.floor(r.t))).toEqual(distinct.map((r) => r.t));
    // and the 0.5 s that fits 1.29-1.35 puts both rows in second 1 here: a second early
    const early = simulatedRows(withRegistry(withVersion(FIXTURE, version), 0.5));
    expect(early.slice(1).map((r) => Math.floor(r.t))).toEqual([1, 1]);
  });
});
