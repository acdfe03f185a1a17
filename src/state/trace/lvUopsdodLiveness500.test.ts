// A published liveness kill of a Node.js app that ignores SIGTERM, behind a passed startup probe:
// the `kubectl get pods -w` rows and the `kubectl describe pod` Events, run through the engine and
// the describe panel's projection (describeEvents).
//
// Source: uopsdod's Kubernetes course notes, "Kubernetes Startup 與 Liveness Probe 實作" (search-index
// file 9617939157, zh-tw; the same outputs in its English and Japanese copies, files 9101744040 and
// 9152543279; no repository or date in the stored text). Cluster: `minikube start --driver docker`;
// the version is not printed: the kubelet's `Created container: app-container` and `Image size: …
// bytes.` put it at 1.32-1.34 ([10.6]), so the test runs at 1.32, 1.33 and 1.34. The manifest is
// the published advanced-deployment.yaml (fixtures/lv-uopsdod-liveness-500.yaml): startup probe
// httpGet /healthcheck period 10 s, threshold 30; liveness probe on the same path, period 1 s,
// threshold 5; no terminationGracePeriodSeconds (30 s). The image's server.js (search-index file
// 16720191563) answers /healthcheck with 500 once /healthcheck_switchstatus flipped an in-memory flag,
// and installs no SIGTERM handler (node as PID 1 then ignores SIGTERM).
//
// Published, verbatim (after `curl …/healthcheck_switchstatus` → "isHealthy value switched to false."):
//
//   $ kubectl get rs -w            (at creation)
//   app-deployment-6786b5648d   3         3         0       8s
//   app-deployment-6786b5648d   3         3         1       11s
//   …
//   $ kubectl get pods -w
//   app-deployment-6786b5648d-757bq   1/1     Running   0          3m42s
//   app-deployment-6786b5648d-757bq   0/1     Running   1 (2s ago)   4m9s
//   app-deployment-6786b5648d-757bq   0/1     Running   1 (3s ago)   4m10s
//   app-deployment-6786b5648d-757bq   1/1     Running   1 (3s ago)   4m10s
//
//   Events:
//   Normal   Scheduled  4m36s                default-scheduler  Successfully assigned default/app-deployment-6786b5648d-757bq to minikube
//   Normal   Pulled     4m35s                kubelet            Successfully pulled image "uopsdod/k8s-hostname-amd64-beta:v1" in 1.663s (1.663s including waiting). Image size: 914594685 bytes.
//   Warning  Unhealthy  60s (x5 over 64s)    kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500
//   Normal   Killing    60s                  kubelet            Container app-container failed liveness probe, will be restarted
//   Normal   Pulling    30s (x2 over 4m36s)  kubelet            Pulling image "uopsdod/k8s-hostname-amd64-beta:v1"
//   Normal   Created    28s (x2 over 4m35s)  kubelet            Created container: app-container
//   Normal   Started    28s (x2 over 4m35s)  kubelet            Started container app-container
//   Normal   Pulled     28s                  kubelet            Successfully pulled image "uopsdod/k8s-hostname-amd64-beta:v1" in 1.462s (1.462s including waiting). Image size: 914594685 bytes.
//
// Compared: the watch rows as a subsequence of ours from the watch's start (READY, STATUS, RESTARTS
// strictly; AGE within 1.5 s; AGE minus "ago", the exit's whole second, within 1 s); the rs watch's
// first ready pod at 11 s (the pod's `1/1` within 1.5 s); every kubelet Events row: reason, type,
// message word for word, count exactly, both ages within 1 s, with the listing at 276 s (the
// Scheduled row's age; the engine schedules at 0). Rules: [5.4] [5.5] five failed runs 1 s apart
// kill the container, [5.13] one Unhealthy per failed run, HTTP 500 worded as the HTTP prober does,
// [4.4] the Killing message, [8.3] [8.5] node ignores SIGTERM: SIGKILL 30 s later, [4.5] no back-off
// (the run ended long after any earlier exit: it is the first), [15.6] `Always` asks the registry
// again before the restart, [5.6] the restarted container not ready until the startup probe (its
// worker's 10 s ticks kept from the first run) passes, [10.6] the 1.32-1.34 wording.
// Inputs, not checks: the two pull times and the image size (as published), the flag flipped at
// 211.5 s (the first Unhealthy is 64 s before the listing) with the 500s lasting until that
// container is gone, node's SIGTERM ignored (read from server.js: no handler), the app up 0.3 s after
// its start (not published). The engine runs one pod of the three-replica Deployment.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { expectSubsequence, fromWatchStart, publishedRows, rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/lv-uopsdod-liveness-500.yaml', import.meta.url), 'utf8');
const POD = 'app-deployment-6786b5648d-757bq';
const VERSIONS = ['1.32', '1.33', '1.34'];
const LISTING_AT = 4 * 60 + 36; // Scheduled 4m36s

const WATCH = `
app-deployment-6786b5648d-757bq   1/1     Running   0          3m42s
app-deployment-6786b5648d-757bq   0/1     Running   1 (2s ago)   4m9s
app-deployment-6786b5648d-757bq   0/1     Running   1 (3s ago)   4m10s
app-deployment-6786b5648d-757bq   1/1     Running   1 (3s ago)   4m10s`;
/** AGE minus "(… ago)" on the published restart rows: the killed run's finishedAt second. */
const PUBLISHED_EXIT_SECOND = 4 * 60 + 9 - 2;

const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

const EVENTS = `
  Normal   Pulled     4m35s                kubelet            Successfully pulled image "uopsdod/k8s-hostname-amd64-beta:v1" in 1.663s (1.663s including waiting). Image size: 914594685 bytes.
  Warning  Unhealthy  60s (x5 over 64s)    kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500
  Normal   Killing    60s                  kubelet            Container app-container failed liveness probe, will be restarted
  Normal   Pulling    30s (x2 over 4m36s)  kubelet            Pulling image "uopsdod/k8s-hostname-amd64-beta:v1"
  Normal   Created    28s (x2 over 4m35s)  kubelet            Created container: app-container
  Normal   Started    28s (x2 over 4m35s)  kubelet            Started container app-container
  Normal   Pulled     28s                  kubelet            Successfully pulled image "uopsdod/k8s-hostname-amd64-beta:v1" in 1.462s (1.462s including waiting). Image size: 914594685 bytes.`
  .trim().split('\n').map(publishedEvent);

describe('transcript: uopsdod startup + liveness probes, a Node.js app killed by its liveness probe (minikube, 1.32-1.34)', () => {
  it.each(VERSIONS)('watch: `1/1 Running 0` during the grace, `0/1 Running 1` at the restart, `1/1 Running 1` at the startup probe\'s next tick, each within 1.5 s (%s) [5.6] [8.5] [14.1]', (version) => {
    const text = withVersion(FIXTURE, version);
    // A watch prints every update of the object; the third row repeats the second's columns (another
    // field changed: the startup result's `started`, patched apart from `ready`, [5.6]), so the
    // published rows are compared with repeats folded, each at its first AGE.
    const published = publishedRows(WATCH).filter((r, n, all) => n === 0 || key(r) !== key(all[n - 1]!));
    expect(published).toHaveLength(3);
    const ours = fromWatchStart(simulatedRows(text), published[0]!.t);
    const at = expectSubsequence(published, ours);
    // the first row is the watch's initial listing (the state at 3m42s, 6 s into the kill's grace);
    // each later row is printed when it changes
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    at.slice(1).forEach((i, n) => expect(Math.abs(ours[i]!.t - published[n + 1]!.t), `row ${n + 1}`).toBeLessThanOrEqual(1.5));
    // the restart rows' "ago" counts from the killed run's end: SIGKILL 30 s after the kill
    const exit = runScenario(text).trace!.events.find((e) => e.type === 'container.exit')!;
    expect(exit.type === 'container.exit' && exit.exitCode).toBe(137);
    expect(Math.abs(apiSecond(exit.t) - PUBLISHED_EXIT_SECOND)).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('the first pod ready at the startup probe\'s second tick, within 1.5 s of the ReplicaSet\'s READY 1 at 11 s (%s) [5.4] [5.6]', (version) => {
    const rows = simulatedRows(withVersion(FIXTURE, version));
    const ready = rows.find((r) => r.ready === '1/1')!;
    expect(Math.abs(ready.t - 11)).toBeLessThanOrEqual(1.5);
    // and no Startup probe failed event was published: no failed startup run before that
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    expect(trace.events.filter((e) => e.type === 'probe.failed' && e.probe === 'startup')).toEqual([]);
  });

  it.each(VERSIONS)('describe at 4m36s: every kubelet row\'s reason, message and count as published, ages within 1 s (%s) [4.4] [5.13] [8.5] [10.6] [15.6]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const rows = describeEvents(trace, LISTING_AT, POD).filter((r) => r.from === 'kubelet');
    for (const p of EVENTS) {
      expectPublishedEvent(rows, p, LISTING_AT);
    }
    // nothing else from the kubelet: no BackOff (the restart did not wait), no Startup probe failure
    expect(rows.map((r) => r.reason).sort()).toEqual(EVENTS.map((p) => p.reason).sort());
  });

  it.each(VERSIONS)('the kill, the SIGKILL and the restart: Killing with the fifth failed run, the registry asked at the exit, 30 s after the kill (%s) [5.5] [8.5] [4.5]', (version) => {
    const events = runScenario(withVersion(FIXTURE, version)).trace!.events;
    const kill = events.find((e) => e.type === 'container.kill')!;
    const failed = events.filter((e) => e.type === 'probe.failed').map((e) => e.t);
    expect(failed).toHaveLength(5);
    expect(kill.t).toBe(failed.at(-1));
    const signals = events.filter((e) => e.type === 'container.signal').map((e) => (e.type === 'container.signal' ? `${e.signal}@${e.t - kill.t}` : ''));
    expect(signals).toEqual(['SIGTERM@0', 'SIGKILL@30']);
    // published: Killing 60s, the second Pulling 30s (the exit's sync), Started 28s
    const pulls = events.filter((e) => e.type === 'container.pulling').map((e) => e.t);
    expect(pulls).toHaveLength(2);
    expect(Math.abs(pulls[1]! - kill.t - 30)).toBeLessThanOrEqual(1);
    expect(events.some((e) => e.type === 'container.backoff')).toBe(false);
  });
});
