// A published crash loop on a v1.37 minikube node, sampled with `kubectl get pod` and a describe
// (a course's lesson, "5.5 05-crashloopbackoff.yaml", read as the search index's file 70243927083;
// no repository named there). A busybox:1.36 container (present on the node) exits 1 after 3 s,
// restartPolicy Always. The RESTARTS column's "(Xs ago)" dates each run's end: 3, 7, 22, 51 and
// 105 s after creation. The describe at 3m19s: `Pulled (x6 over 3m19s) … already present on machine
// and can be accessed by the pod`, `Created (x6)`, `Started (x6)`, `BackOff (x5 over 3m11s)`. And:
// "the STATUS column never said CrashLoopBackOff … polled every 2 seconds for 80 seconds".
// Rules exercised: [4.5] the back-off from each run's end, [4.6] from 1.35 the requeue at the
// back-off's end (×[1, 1.5) upstream, wait.Jitter; the engine takes the earliest unless the
// scenario's requeueJitter says where in that range), [10.2] the
// CrashLoopBackOff reason written by the sync after the refusal, [10.6] the Pulled wording.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-crashloop
spec:
  containers:
    - name: crashing-app
      image: busybox:1.36
      command: [sh, -c, "echo Application started; sleep 3; echo Application crashed; exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.37"
until: 200s
containers:
  crashing-app: { pull: 0s }
`;

const publishedEnds = [3, 7, 22, 51, 105];

describe('transcript: a crash loop on a 1.37 node (lifecycle-crashloop)', () => {
  const trace = runScenario(scenario).trace!;
  const ends = trace.events.filter((e) => e.type === 'container.exit').map((e) => e.t);

  it('ends each run no later than the node did, and within the requeue\'s jitter of it [4.5] [4.6]', () => {
    const gaps = publishedEnds.slice(1).map((t, i) => t - publishedEnds[i]!);
    const ours = ends.slice(1, publishedEnds.length).map((t, i) => t - ends[i]!);
    const backoff = [0, 10, 20, 40];
    ours.forEach((gap, i) => {
      expect(gap).toBeLessThanOrEqual(gaps[i]! + 1.5); // whole-second "ago" values
      expect(gaps[i]! - gap).toBeLessThanOrEqual(0.5 * backoff[i]! + 2); // wait.Jitter(remaining back-off, 0.5)
    });
  });

  it('with requeueJitter: 0.5 (wait.Jitter\'s average draw), each run ends within 1.5 s of the node\'s [4.6]', () => {
    const jittered = runScenario(scenario.replace('until: 200s\n', 'until: 200s\nrequeueJitter: 0.5\n')).trace!;
    const jitteredEnds = jittered.events.filter((e) => e.type === 'container.exit').map((e) => e.t);
    const gaps = publishedEnds.slice(1).map((t, i) => t - publishedEnds[i]!);
    const ours = jitteredEnds.slice(1, publishedEnds.length).map((t, i) => t - jitteredEnds[i]!);
    expect(ours).toHaveLength(gaps.length);
    ours.forEach((gap, i) => expect(Math.abs(gap - gaps[i]!), `run ${i + 2}`).toBeLessThanOrEqual(1.5)); // whole-second "ago" values
    // Without it each wait ends sooner than the node's, the 40 s one by 11 s: 19 s sooner by the fifth run's end.
    expect(Math.abs(ends[4]! - ends[0]! - (publishedEnds[4]! - publishedEnds[0]!))).toBeGreaterThan(10);
  });

  it('shows CrashLoopBackOff only for an instant before each restart in the first 80 s, so a 2 s poll never saw it [4.6] [10.2]', () => {
    const rows = trace.events.filter((e) => e.type === 'pod.kubectl');
    rows.forEach((r, i) => {
      if (r.type !== 'pod.kubectl' || r.status !== 'CrashLoopBackOff' || r.t > 90) return;
      expect((rows[i + 1]?.t ?? Infinity) - r.t).toBeLessThan(2);
    });
  });

  it('describes six starts, each finding the image present, as published at 3m19s [10.6]', () => {
    const rows = describeEvents(trace, 199, 'lifecycle-crashloop');
    const pulled = rows.find((r) => r.reason === 'Pulled')!;
    expect(pulled.message).toBe('spec.containers{crashing-app}: Container image "busybox:1.36" already present on machine and can be accessed by the pod');
    expect(pulled.count).toBe(6);
    expect(rows.find((r) => r.reason === 'Created')?.count).toBe(6);
    expect(rows.find((r) => r.reason === 'Started')?.count).toBe(6);
    // BackOff: x5 on the node; the engine's earliest requeue (the resync cap without its jitter) adds
    // one refusal in the 80 s wait, where the node's requeue landed at the back-off's end.
    expect(rows.find((r) => r.reason === 'BackOff')?.count).toBeGreaterThanOrEqual(5);
  });
});
