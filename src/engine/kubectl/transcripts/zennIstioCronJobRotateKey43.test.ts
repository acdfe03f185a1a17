// A Zenn article kept as markdown on GitHub (search-index file 49318258571, no repository named; its
// front matter says `published: false`), "Istio入ったKubernetesのCronJobがcompleteしない" ("a CronJob
// in an Istio mesh that never completes"): a key-rotation CronJob (`*/1 * * * *`, restartPolicy
// Never, ttlSecondsAfterFinished 0) whose pods get Istio's proxy injected as a REGULAR container.
// Two `kubectl get pods -n capital-farm -w` watches are published:
// - before the fix, the main container `rotate-key` (`kubectl create … | kubectl apply -f -`) fails
//   at once, the proxy not yet up, and the pod stays `1/2 Error` with the proxy running (two pods);
// - after the fix (the script waits for the proxy's 15021 /healthz/ready in a `sleep 3` loop, then
//   posts to 15020/quitquitquit), `1/2 NotReady` while the proxy drains, `0/2 Completed`, and the
//   TTL controller's deletion prints `0/2 Terminating`.
// Server version: not printed. The job names (rotate-key-27354417: the schedule's minute since the
// epoch) date the runs to 2022-01-04, the image `bitnami/kubectl:1.23.1`, and the CronJob is
// `batch/v1` (1.21+): a cluster between 1.21 and 1.23. The source predates 1.27, so the rows run at
// 1.27, 1.31 and 1.35 (each at its AGE; the same one-second relist), in order at 1.36 and 1.37 (the
// on-demand relist, [0.8], moves them); the deletion row at 1.27 to 1.30 only: on 1.31+ a Succeeded
// pod being deleted keeps `Completed` ([14.4]), so the published `0/2 Terminating` also rules
// those out.
// The pod as published: the CronJob's template (three containers' commands as written). Assumed:
// Istio's injection (an `istio-init` init container first, as Istio orders it, so `Init:x/3`; the
// proxy second among the main containers, with the injector's readiness probe on 15021,
// initialDelaySeconds 1, periodSeconds 2); every image on the node; each init container done in
// well under a second (iptables, `openssl genrsa 2048`, `openssl rsa`). Given, not checked: the
// failing `kubectl` exits 1 within 0.5 s (the exit code is not printed; any non-zero prints
// `Error`); Envoy ready 1.5 s after its start; the fixed script runs 3.3 s (its one `sleep 3`, the
// first curl failing while the proxy is not ready, then kubectl); the proxy exits 0 five seconds
// after the quitquitquit (pilot-agent's default drain, and the watch's `NotReady` 8s → `Completed`
// 13s), and the deletion half a second after `Completed` (ttlSecondsAfterFinished 0).
// Rules: [2.1] init containers one at a time; [6.2] the phase stays Running while the proxy runs;
// [7.3] the pod is not Ready once `rotate-key` has exited; [14.1] `Init:i/3`, `PodInitializing`;
// [14.3] the main container's `Error` / `Completed`, and `Completed` turned `NotReady` while the
// proxy runs and the pod is not Ready; [14.4] `Terminating` up to 1.30.
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, simulatedRows, type Row, type TimedRow } from './watch.testkit';

const key = (r: Row) => `${r.ready} ${r.status} ${r.restarts}`;

function scenario(version: string, rotateKey: { args: string; sim: string }, events: string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: rotate-key
  namespace: capital-farm
spec:
  restartPolicy: Never
  initContainers:
  - name: istio-init
    image: docker.io/istio/proxyv2:1.12.1
    args: ["istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337"]
  - name: create-private-key
    image: frapsoft/openssl:latest
    imagePullPolicy: IfNotPresent
    command: ["/bin/sh"]
    args: ["-c", "openssl genrsa -out /data/id_rsa 2048 -sha256"]
  - name: create-public-key
    image: frapsoft/openssl:latest
    imagePullPolicy: IfNotPresent
    command: ["/bin/sh"]
    args: ["-c", "openssl rsa -in /data/id_rsa -pubout -out /data/id_rsa.pub"]
  containers:
  - name: rotate-key
    image: bitnami/kubectl:1.23.1
    command: ["/bin/sh", "-c"]
    args: [${JSON.stringify(rotateKey.args)}]
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.12.1
    args: ["proxy", "sidecar"]
    readinessProbe:
      httpGet: { path: /healthz/ready, port: 15021 }
      initialDelaySeconds: 1
      periodSeconds: 2
      failureThreshold: 30
      timeoutSeconds: 3
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
containers:
  istio-init: { pull: 0, exitAfter: 0.3s, exitCode: 0 }
  create-private-key: { pull: 0, exitAfter: 0.3s, exitCode: 0 }
  create-public-key: { pull: 0, exitAfter: 0.1s, exitCode: 0 }
  rotate-key: ${rotateKey.sim}
  istio-proxy: { pull: 0, readyAfter: 1.5s, exitAfter: never, onStop: { after: 0.5s, exitCode: 0 } }
${events.length === 0 ? '' : `events:\n${events.map((e) => `  - ${e}\n`).join('')}`}`;
}

const BEFORE_FIX = {
  args: 'kubectl create secret generic ssh-key-secret --save-config --dry-run=client --from-file=ssh-privatekey=/data/id_rsa --from-file=ssh-publickey=/data/id_rsa.pub -n capital-farm -o yaml | kubectl apply -f -;',
  sim: '{ pull: 0, exitAfter: 0.5s, exitCode: 1 }',
};
const AFTER_FIX = {
  args: 'until curl -fsI http://localhost:15021/healthz/ready; do echo "Waiting for Sidecar..."; sleep 3; done; kubectl create secret generic ssh-key-secret --save-config --dry-run=client --from-file=ssh-privatekey=/data/id_rsa --from-file=ssh-publickey=/data/id_rsa.pub -n capital-farm -o yaml | kubectl apply -f -; x=$(echo $?); curl -fsI -X POST http://localhost:15020/quitquitquit && exit $x',
  sim: '{ pull: 0, exitAfter: 3.3s, exitCode: 0 }',
};
// The proxy's exit (quitquitquit at `rotate-key`'s exit, 6.5 s on the engine's clock, plus the 5 s
// drain) and the TTL controller's deletion, both given.
const AFTER_FIX_EVENTS = ['{ at: 11.5s, container: istio-proxy, do: exit }', '{ at: 12.5s, do: deletePod }'];

/** Our rows moved so that the first `Init:1/3` falls at the published one's AGE (the node's start offset). */
function aligned(ours: TimedRow[], published: TimedRow[]): TimedRow[] {
  const first = (rows: TimedRow[]) => rows.find((r) => r.status === 'Init:1/3')!.t;
  const shift = first(published) - first(ours);
  // the node's first container started 0 to 1 s later than the engine's (0.7 s): sandbox and volume
  expect(shift).toBeGreaterThanOrEqual(0);
  expect(shift).toBeLessThanOrEqual(1);
  return ours.map((r) => ({ ...r, t: r.t + shift }));
}

function expectRowsAtAges(ours: TimedRow[], published: TimedRow[]): void {
  expect(ours.map(key)).toEqual(published.map(key));
  // kubectl floors AGE; the proxy's probe worker starts at a random phase upstream: within 1 s
  ours.forEach((row, n) => expect(Math.abs(row.t - published[n]!.t), key(row)).toBeLessThanOrEqual(1));
}

describe('transcript: Zenn draft "Istio入ったKubernetesのCronJobがcompleteしない", a CronJob pod with a regular Istio proxy (2022, 1.21 to 1.23)', () => {
  // The `Pending` rows before each sequence are the API server's; the repeated `Init:0/3` (1s)
  // of the fixed run is a status write with nothing new in these columns.
  const beforeFix = [publishedRows(`
rotate-key-27354408-t6pnr               0/2     Init:0/3   0          0s
rotate-key-27354408-t6pnr               0/2     Init:1/3   0          1s
rotate-key-27354408-t6pnr               0/2     Init:2/3   0          2s
rotate-key-27354408-t6pnr               0/2     PodInitializing   0          3s
rotate-key-27354408-t6pnr               0/2     Error             0          4s
rotate-key-27354408-t6pnr               1/2     Error             0          6s`), publishedRows(`
rotate-key-27354409-bnlfb               0/2     Init:0/3          0          0s
rotate-key-27354409-bnlfb               0/2     Init:1/3          0          2s
rotate-key-27354409-bnlfb               0/2     Init:2/3          0          3s
rotate-key-27354409-bnlfb               0/2     PodInitializing   0          4s
rotate-key-27354409-bnlfb               0/2     Error             0          5s
rotate-key-27354409-bnlfb               1/2     Error             0          6s`)] as const;
  const afterFix = publishedRows(`
rotate-key-27354417-g54r4               0/2     Init:0/3   0          0s
rotate-key-27354417-g54r4               0/2     Init:1/3   0          2s
rotate-key-27354417-g54r4               0/2     Init:2/3   0          3s
rotate-key-27354417-g54r4               0/2     PodInitializing   0          4s
rotate-key-27354417-g54r4               1/2     Running           0          5s
rotate-key-27354417-g54r4               2/2     Running           0          6s
rotate-key-27354417-g54r4               1/2     NotReady          0          8s
rotate-key-27354417-g54r4               0/2     Completed         0          13s
rotate-key-27354417-g54r4               0/2     Terminating       0          14s`);
  const beforeDeletion = afterFix.slice(0, -1);

  it.each(['1.27', '1.31', '1.35'])('before the fix: `0/2 Error` while the proxy is not ready, then `1/2 Error` for good, each row at its AGE in both pods (%s) [2.1] [6.2] [14.1] [14.3]', (version) => {
    const ours = simulatedRows(scenario(version, BEFORE_FIX, []));
    for (const published of beforeFix) expectRowsAtAges(aligned(ours, published), published);
    // the pod never ends: the proxy runs on and nothing restarts (restartPolicy Never)
    expect(ours.at(-1)).toMatchObject({ ready: '1/2', status: 'Error', restarts: '0' });
    expect(ours.at(-1)!.t).toBeLessThan(10);
  });

  it.each(['1.27', '1.31', '1.35'])('after the fix: `1/2 NotReady` while the proxy drains, then `0/2 Completed`, each row at its AGE (%s) [2.1] [6.2] [7.3] [14.1] [14.3]', (version) => {
    const ours = simulatedRows(scenario(version, AFTER_FIX, AFTER_FIX_EVENTS));
    expectRowsAtAges(aligned(ours, afterFix).slice(0, beforeDeletion.length), beforeDeletion);
  });

  it.each(['1.27', '1.28', '1.29', '1.30'])('after the fix: the TTL controller\'s deletion prints `0/2 Terminating` half a second after `Completed` (%s) [14.4]', (version) => {
    const ours = aligned(simulatedRows(scenario(version, AFTER_FIX, AFTER_FIX_EVENTS)), afterFix);
    expectRowsAtAges(ours, afterFix);
  });

  it.each(['1.31', '1.35', '1.37'])('after the fix: from 1.31 the deleted Succeeded pod keeps `0/2 Completed`, so the published `Terminating` dates the server before 1.31 (%s) [14.4]', (version) => {
    const ours = simulatedRows(scenario(version, AFTER_FIX, AFTER_FIX_EVENTS));
    expect(ours.map(key)).toEqual(beforeDeletion.map(key));
  });

  it.each(['1.36', '1.37'])('prints both watches\' rows in order (%s) [0.8] [14.1] [14.3]', (version) => {
    const before = simulatedRows(scenario(version, BEFORE_FIX, []));
    for (const published of beforeFix) expectSubsequence(published, before);
    expectSubsequence(beforeDeletion, simulatedRows(scenario(version, AFTER_FIX, AFTER_FIX_EVENTS)));
  });
});
