// An "Evidence — Pod Lifecycle" page of a course lab (search-index file 71260680872, no repository
// named): "Executed on minikube v1.39.0 / Kubernetes v1.37.0 (containerd 2.3.4), 2026-10-07.
// Output is verbatim." Section 05, a pod whose container `worker` (busybox:1.36, already on the
// node) logs `starting` and exits 1 three seconds later (its status: startedAt 15:22:52,
// finishedAt 15:22:55, exitCode 1), sampled every 10 s, then described at 92 s:
//
//   t+ 10s  lifecycle-crashloop   0/1   Error   1 (6s ago)    10s
//   t+ 20s  …                     0/1   Error   1 (17s ago)   21s
//   t+ 30s                        0/1   Error   2 (23s ago)   31s   … (all eight below)
//   Normal   Scheduled  92s                default-scheduler  Successfully assigned default/lifecycle-crashloop to minikube
//   Normal   Pulled     41s (x4 over 92s)  kubelet            spec.containers{worker}: Container image "busybox:1.36" already present on machine and can be accessed by the pod
//   Normal   Created    41s (x4 over 92s)  kubelet            spec.containers{worker}: Container created
//   Normal   Started    41s (x4 over 91s)  kubelet            spec.containers{worker}: Container started
//   Warning  BackOff    37s (x3 over 83s)  kubelet            spec.containers{worker}: Back-off restarting failed container worker in pod lifecycle-crashloop_default(bfd39b6b-…)
//
// and, in the page's summary (another run of the same manifest), `lifecycle-crashloop 0/1 Error
// 5 (101s ago) 3m14s`.
// The manifest is not on the page: the command is taken as `sh -c "echo starting; sleep 3; exit 1"`
// (its log line and its 3 s run). Run at 1.37 (the source's), and 1.36.
// What the rows show: the first restart comes at once (run 1 ends at 4 s, run 2 at 8 s: doBackOff
// finds no back-off entry yet, [4.5]); then 10 s and 20 s back-offs, each restart at the first
// requeue after it ([4.6]); `Error`, not `CrashLoopBackOff`, between runs ([4.6], 1.35+).
// Given: the requeue's jitter. Upstream draws it at every requeue; the engine takes one draw,
// `requeueJitter`; 0.85 puts the engine's third and fourth runs where the node's were (after the
// sample at 21 s, by 24 s; about 51 s).
// The summary's pod restarted sooner (its sixth run began about 173 s after its creation, by its
// status), so its row is checked between the engine's earliest draw and the mean one.
// Not checked: the BackOff message's `(uid)` (the engine has no UID and prints `P_NS`, [10.6]).
import { describe, expect, it } from 'vitest';
import { agoOf, columnsWithLastRestart, publishedRows, restartCount, rowAt, simulatedRows, type TimedRow } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const POD = 'lifecycle-crashloop';
const scenario = (version: string, jitter: number, until = 100) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD}, labels: { demo: pod-lifecycle } }
spec:
  containers:
    - name: worker
      image: busybox:1.36
      command: ["sh", "-c", "echo starting; sleep 3; exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: ${until}s
requeueJitter: ${jitter}
containers:
  worker: { pull: 0s }
`;

const SAMPLES = String.raw`
t+ 10s  lifecycle-crashloop   0/1   Error   1 (6s ago)   10s
t+ 20s  lifecycle-crashloop   0/1   Error   1 (17s ago)   21s
t+ 30s  lifecycle-crashloop   0/1   Error   2 (23s ago)   31s
t+ 40s  lifecycle-crashloop   0/1   Error   2 (33s ago)   41s
t+ 50s  lifecycle-crashloop   0/1   Error   2 (43s ago)   51s
t+ 60s  lifecycle-crashloop   0/1   Error   3 (37s ago)   61s
t+ 70s  lifecycle-crashloop   0/1   Error   3 (47s ago)   71s
t+ 80s  lifecycle-crashloop   0/1   Error   3 (58s ago)   82s
`.trim().split('\n').map((line) => line.replace(/^t\+\s+\d+s\s+/, ''));

const BACKOFF_MESSAGE = 'spec.containers{worker}: Back-off restarting failed container worker in pod lifecycle-crashloop_default';
const EVENTS = String.raw`
  Normal   Pulled     41s (x4 over 92s)  kubelet            spec.containers{worker}: Container image "busybox:1.36" already present on machine and can be accessed by the pod
  Normal   Created    41s (x4 over 92s)  kubelet            spec.containers{worker}: Container created
  Normal   Started    41s (x4 over 91s)  kubelet            spec.containers{worker}: Container started
  Warning  BackOff    37s (x3 over 83s)  kubelet            ${BACKOFF_MESSAGE}(bfd39b6b-93ac-4f35-9d4d-05882b5d75c7)
`.trim().split('\n').map(publishedEvent);

const VERSIONS = ['1.36', '1.37'];
const JITTER = 0.85;
const DESCRIBED_AT = 92;

describe('transcript: minikube v1.37.0 evidence page, a container that exits 1 after 3 s (lifecycle-crashloop)', () => {
  it.each(VERSIONS)('prints the eight 10 s samples, READY, STATUS and RESTARTS exactly, each "ago" within 1 s (%s) [4.5] [4.6] [14.1]', (version) => {
    const ours = columnsWithLastRestart(scenario(version, JITTER));
    for (const line of SAMPLES) {
      const [published] = publishedRows(line) as [TimedRow];
      // The sample was taken somewhere in its AGE's second: some row showing then is the published one.
      const showing = ours.filter((r, i) => r.t < published.t + 1 && (ours[i + 1]?.t ?? Infinity) > published.t);
      const row = showing.find((r) => r.ready === published.ready && r.status === published.status && restartCount(r.restarts) === published.restarts);
      expect(row, `${line}\nours then: ${showing.map((r) => `${r.status} ${r.restarts}`).join(', ')}`).toBeDefined();
      expect(Math.abs(published.t - row!.lastRestartAt! - agoOf(line)!), `${line}: ago`).toBeLessThanOrEqual(1);
    }
  });

  it.each(VERSIONS)('describes x4 starts over 92s and x3 BackOff over 83s at 92 s, messages as published (%s) [4.5] [10.6] [10.7]', (version) => {
    const rows = describeEvents(runScenario(scenario(version, JITTER)).trace!, DESCRIBED_AT, POD);
    expect(rows[0]!.reason).toBe('Scheduled');
    const kubelet = rows.filter((r) => r.from === 'kubelet');
    for (const p of EVENTS) expectPublishedEvent(kubelet, p, DESCRIBED_AT, p.reason === 'BackOff' ? { message: BACKOFF_MESSAGE } : {});
    expect(kubelet.map((r) => r.reason)).toEqual(EVENTS.map((p) => p.reason));
  });

  it.each(VERSIONS)('prints the summary\'s `0/1 Error 5 (101s ago) 3m14s` within the requeue\'s jitter (%s) [4.6]', (version) => {
    const published = publishedRows('lifecycle-crashloop   0/1     Error       5 (101s ago)   3m14s')[0]!;
    const agos = [0, 0.5].map((jitter) => {
      const ours = columnsWithLastRestart(scenario(version, jitter, 200));
      expect(rowAt(simulatedRows(scenario(version, jitter, 200)), published.t)).toEqual({ ready: '0/1', status: 'Error', restarts: '5' });
      return published.t - ours.filter((r) => r.t <= published.t).at(-1)!.lastRestartAt!;
    });
    // The latest draw dates the fifth run's end latest, so its "ago" is the shortest.
    expect(Math.min(...agos)).toBeLessThanOrEqual(101);
    expect(Math.max(...agos)).toBeGreaterThanOrEqual(101);
  });
});
