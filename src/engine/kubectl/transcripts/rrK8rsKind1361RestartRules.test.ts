// A cluster-diagnosis tool's measurement report, "2026-08-20 — `settled` against a live retry rule,
// and the two commands one container gets" (search-index file 60793356202; the tool is called k8rs,
// no repository named). Server version stated: an ephemeral kind cluster of `kindest/node:v1.36.1`
// (`kubectl version`: "client v1.36.3 server v1.36.1"), one worker, gates at their 1.36 defaults
// (ContainerRestartRules and RestartAllContainersOnContainerExits beta, on). Three pods in a
// namespace `probe`, described in prose (the manifests are not printed; rebuilt here from it):
// - `retryloop`: pod `Never`; `retry` with its own `restartPolicy: Never` and one rule `{action:
//   Restart, exitCodes: {operator: In, values: [3]}}`, `sh -c` writing a per-run counter to an emptyDir
//   and always `exit 3`; `keeper` running `sleep 86400`. Its `retry` status, polled about every 10 s
//   from 12:31:42: ContainerCreating rc0 → CrashLoopBackOff rc1 → terminated 3 rc2 (12:32:02 to
//   12:32:23) → terminated rc3 (12:32:33 to 12:33:13) → running rc4 (12:33:23) → terminated rc4.
// - `retryladder`: the same, but the script exits 3 for its first four runs and 1 after that, so the
//   rule stops matching: `retry: restarts=4 state=terminated exit=1/Error last=3/Error`, keeper
//   running, phase Running, and the log `this is run 5 speaking`.
// - `gangwait`: pod `Never`; `bystander` (`echo …; exit 1`, no policy of its own) and `trigger`
//   (`restartPolicy: Never` plus `{action: RestartAllContainers, exitCodes: {operator: In, values:
//   [3]}}`, `sleep 75` then `exit 3`): bystander r0 terminated / trigger r0 running until 12:36:32,
//   both r1 at 12:36:44, bystander `terminated exit=1/Error last=137/RestartingAllContainers`.
// Two listings: `gangwait 1/2 Error 2 106s`, `retryladder 1/2 Error 4 (7m27s ago) 8m15s`, `retryloop
// 1/2 CrashLoopBackOff 5 (2m18s ago) 5m24s`; and at 12:41:46 `gangwait 1/2 Error 8 6m27s`,
// `retryladder 1/2 Error 4 (12m ago) 12m`, `retryloop 1/2 CrashLoopBackOff 6 (4m16s ago) 10m`. From
// the two listings' AGEs the first was printed at 12:37:05, so the pods were created at 12:28:50
// (retryladder), 12:31:41 (retryloop) and 12:35:19 (gangwait), each within a second; the times
// below are seconds after each pod's creation.
// Given: busybox (untagged, so pulled `Always`) is not yet on the new node for the first pod,
// retryladder: its first pull is fitted at 2 s (the whole second that puts the published 48 s inside
// the requeue jitter's range, below). For retryloop the image is there, but `Always` asks the
// registry first: 0.5 s, the engine's default pull (a node's check of docker.io took 0.73 s in the
// simonangel-fong transcript), written as a 0.5 s pull; any check from 0.05 s on spans the first
// relist, so the [0.9] chain writes `CrashLoopBackOff` by the 11 s sample (until session 39 a
// `pull: 0` image's check took no time and the sample read `terminated`). gangwait: the image
// there, the default registry check ([15.6]).
// Rules: [4.1] the container's own rule restarts it under a `Never` pod; [4.5] [4.6] the back-off,
// its requeue at the back-off's end, jittered 1 to 1.5 times on a node (the engine takes one draw,
// `requeueJitter`, so each dated run is checked between its runs at 0 and at 1); [10.2] the status
// stays Terminated between runs and says CrashLoopBackOff only once a sync meets the back-off; [0.8]
// the 1.36 on-demand relist writes a run that exits at once as running; [10.8] from 1.36 the last
// state outlives the container deletor, so `retryladder` keeps "(… ago)"; [11.2] the in-place
// restart: both restartCounts up, last states without times, so no "(… ago)"; [6.8] the pod stays
// Running.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { ContainerStatusWrite, Trace } from '../../trace';
import { agoOf, expectSubsequence, publishedRow, rowAt, rowsWithLastRestart, simulatedRows, withVersion } from './watch.testkit';

const VERSIONS = ['1.36', '1.37'];

const counterScript = (tail: string) => `["sh", "-c", "n=$(cat /state/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /state/n; echo \\"this is run $n speaking\\"; ${tail}"]`;

const retryPod = (name: string, tail: string, simulation: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: probe }
spec:
  restartPolicy: Never
  volumes:
    - { name: state, emptyDir: {} }
  containers:
    - name: retry
      image: busybox
      command: ${counterScript(tail)}
      restartPolicy: Never
      restartPolicyRules:
        - action: Restart
          exitCodes: { operator: In, values: [3] }
      volumeMounts:
        - { name: state, mountPath: /state }
    - name: keeper
      image: busybox
      command: ["sleep", "86400"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.36"
${simulation}`;

const RETRYLOOP = retryPod('retryloop', 'exit 3', `until: 620s
containers:
  retry: { pull: 0.5, exitAfter: 0s, exitCode: 3 }
  keeper: { pull: 0.5 }
`);

const RETRYLADDER = retryPod('retryladder', '[ $n -ge 5 ] && exit 1; exit 3', `until: 780s
containers:
  retry:
    pull: 2
    runs:
      - { exitAfter: 0s, exitCode: 3 }
      - { exitAfter: 0s, exitCode: 3 }
      - { exitAfter: 0s, exitCode: 3 }
      - { exitAfter: 0s, exitCode: 3 }
      - { exitAfter: 0s, exitCode: 1 }
`);

const GANGWAIT = `apiVersion: v1
kind: Pod
metadata: { name: gangwait, namespace: probe }
spec:
  restartPolicy: Never
  containers:
    - name: bystander
      image: busybox
      command: ["sh", "-c", "echo bystander ran; exit 1"]
    - name: trigger
      image: busybox
      command: ["sh", "-c", "sleep 75; exit 3"]
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [3] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.36"
until: 400s
containers:
  bystander: { pull: 0 }
  trigger: { pull: 0 }
`;

const withJitter = (scenario: string, jitter: number) => scenario.replace(/^until: (.*)$/m, `until: $1\nrequeueJitter: ${jitter}`);
const trace = (scenario: string, version: string, jitter = 0): Trace => {
  const r = runScenario(withJitter(withVersion(scenario, version), jitter));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
};
const exitsOf = (t: Trace, container: string) => t.events.filter((e) => e.type === 'container.exit' && e.container === container).map((e) => e.t);
const startsOf = (t: Trace, container: string) => t.events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);

/** The container's written status at t ([10.1]). */
function statusAt(t: Trace, container: string, at: number): ContainerStatusWrite | undefined {
  return (t.statusWrites ?? []).filter((w) => w.container === container && w.t <= at).at(-1);
}
const face = (w: ContainerStatusWrite) => `${w.state}${w.reason === undefined ? '' : ` ${w.reason}`}${w.exitCode === undefined ? '' : ` ${w.exitCode}`} rc${w.restartCount}`;

describe('transcript: kind v1.36.1, `retryloop`: a Restart rule on exit 3 under a Never pod (k8rs report, 2026-08-20)', () => {
  // 12:31:42 … 12:33:53, the pod created at 12:31:41
  const SAMPLES: [number, string][] = [
    [1, 'waiting ContainerCreating rc0'], [11, 'waiting CrashLoopBackOff rc1'],
    [21, 'terminated Error 3 rc2'], [31, 'terminated Error 3 rc2'], [42, 'terminated Error 3 rc2'],
    [52, 'terminated Error 3 rc3'], [62, 'terminated Error 3 rc3'], [72, 'terminated Error 3 rc3'], [82, 'terminated Error 3 rc3'], [92, 'terminated Error 3 rc3'],
    [102, 'running rc4'], [112, 'terminated Error 3 rc4'], [122, 'terminated Error 3 rc4'], [132, 'terminated Error 3 rc4'],
  ];
  const distinct = SAMPLES.map(([, f]) => f).filter((f, n, all) => f !== all[n - 1]);

  it.each(VERSIONS)('writes the polled faces of `retry` in order, at requeueJitter 0 and 1 (%s) [4.1] [4.5] [10.2] [0.8]', (version) => {
    for (const jitter of [0, 1]) {
      const t = trace(RETRYLOOP, version, jitter);
      const ours = (t.statusWrites ?? []).filter((w) => w.container === 'retry').map(face).filter((f, n, all) => f !== all[n - 1]);
      const keys = (faces: string[]) => faces.map((f) => ({ ready: '', status: f, restarts: '' }));
      expectSubsequence(keys(distinct), keys(ours));
    }
  });

  // The report says "twelve of fourteen samples" are terminated; its table shows eleven (the other
  // three: ContainerCreating, CrashLoopBackOff and the running one). The first sample, 0 to 3 s after
  // the creation (the AGEs date it only to the second), is left to the order check above.
  it.each(VERSIONS)('keeps `retry` terminated between runs: at 11 or more of the 13 sample times from 11 s, CrashLoopBackOff at 11 s (%s) [10.2] [4.6]', (version) => {
    const t = trace(RETRYLOOP, version);
    const later = SAMPLES.filter(([at]) => at >= 11);
    expect(later.filter(([at]) => statusAt(t, 'retry', at)?.state === 'terminated').length).toBeGreaterThanOrEqual(11);
    expect(statusAt(t, 'retry', 11)).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 1 });
  });

  it.each(VERSIONS)('dates each run within the requeue jitter\'s range: the fourth ended 42-52 s, the fifth started 92-102 s, the sixth ended at 186 s, the seventh at 349 s (%s) [4.5] [4.6] [14.1]', (version) => {
    const [early, late] = [trace(RETRYLOOP, version, 0), trace(RETRYLOOP, version, 1)];
    const within = (lo: number, hi: number, from: number, to: number) => expect(Math.max(lo, from) <= Math.min(hi, to), `[${from}, ${to}] against [${lo}, ${hi}]`).toBe(true);
    // the samples bound the fourth run's end and the fifth run's start
    within(exitsOf(early, 'retry')[3]!, exitsOf(late, 'retry')[3]!, 42, 52);
    within(startsOf(early, 'retry')[4]!, startsOf(late, 'retry')[4]!, 92, 102);
    // `CrashLoopBackOff 5 (2m18s ago) 5m24s`: AGE − ago = 186; `6 (4m16s ago)` at 12:41:46: 12:37:30
    const sixth = 324 - agoOf('retryloop 1/2 CrashLoopBackOff 5 (2m18s ago) 5m24s')!;
    expect(sixth).toBe(186);
    within(Math.floor(exitsOf(early, 'retry')[5]!), Math.floor(exitsOf(late, 'retry')[5]!), sixth, sixth);
    within(Math.floor(exitsOf(early, 'retry')[6]!), Math.floor(exitsOf(late, 'retry')[6]!), 349, 349);
  });

  it.each(VERSIONS)('prints `1/2 CrashLoopBackOff 5`, then `1/2 CrashLoopBackOff 6`, after the published faces (%s) [14.2] [4.6]', (version) => {
    const rows = simulatedRows(withVersion(RETRYLOOP, version));
    expectSubsequence([
      { ready: '0/2', status: 'ContainerCreating', restarts: '0' },
      { ready: '1/2', status: 'CrashLoopBackOff', restarts: '1' },
      { ready: '1/2', status: 'Error', restarts: '2' },
      { ready: '1/2', status: 'Error', restarts: '3' },
      { ready: '2/2', status: 'Running', restarts: '4' },
      { ready: '1/2', status: 'Error', restarts: '4' },
      { ready: '1/2', status: 'CrashLoopBackOff', restarts: '5' },
      { ready: '1/2', status: 'CrashLoopBackOff', restarts: '6' },
    ], rows);
  });

  // The image on the node (`pull: 0`) under Always: the registry check (0.5 s, [15.6]) still spans the
  // first relist, so the [0.9] chain writes CrashLoopBackOff before the 11 s sample, as published.
  it.each(VERSIONS)('writes `CrashLoopBackOff rc1` by 11 s with the image already on the node, its registry check still asked (shouldPullImage; %s) [0.9] [10.2] [15.6]', (version) => {
    const t = trace(RETRYLOOP.replace('retry: { pull: 0.5,', 'retry: { pull: 0,').replace('keeper: { pull: 0.5 }', 'keeper: { pull: 0 }'), version);
    expect(statusAt(t, 'retry', 10.5)).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 1 });
  });
});

describe('transcript: kind v1.36.1, `retryladder`: the rule stops matching at the fifth run (k8rs report, 2026-08-20)', () => {
  it.each(VERSIONS)('settles `retry` terminated with exit 1 after five runs, restartCount 4, `keeper` running, the pod Running (%s) [4.1] [6.8]', (version) => {
    const t = trace(RETRYLADDER, version);
    expect(startsOf(t, 'retry')).toHaveLength(5); // "this is run 5 speaking"
    expect(statusAt(t, 'retry', 776)).toMatchObject({ state: 'terminated', exitCode: 1, reason: 'Error', restartCount: 4 });
    expect(statusAt(t, 'keeper', 776)).toMatchObject({ state: 'running', restartCount: 0 });
    expect(t.events.filter((e) => e.type === 'pod.phase').at(-1)).toMatchObject({ phase: 'Running' });
  });

  it.each(VERSIONS)('prints `1/2 Error 4 (7m27s ago)` at 8m15s and still `(12m ago)` at 12m56s: the fourth run\'s end at 48 s, kept (%s) [10.8] [14.1] [4.6]', (version) => {
    const rows = rowsWithLastRestart(withVersion(RETRYLADDER, version));
    const at = (t: number) => rows.filter((r) => r.t <= t).at(-1)!;
    const first = 'retryladder   1/2     Error              4 (7m27s ago)   8m15s';
    const row = publishedRow(first);
    expect(at(row.t).key).toBe('1/2 Error 4');
    expect(at(776).key).toBe('1/2 Error 4');
    expect(at(776).lastRestartAt).toBe(at(row.t).lastRestartAt);
    // 48 s lies between the engine's fourth-run ends at requeueJitter 0 and 1 (with the fitted pull)
    const published = row.t - agoOf(first)!;
    expect(published).toBe(48);
    const ends = [0, 1].map((j) => Math.floor(exitsOf(trace(RETRYLADDER, version, j), 'retry')[3]!));
    expect(ends[0]!).toBeLessThanOrEqual(published);
    expect(ends[1]!).toBeGreaterThanOrEqual(published);
  });

  it('drops the "(… ago)" at 1.35, where the written last state is not carried over (1.35) [10.8]', () => {
    const rows = rowsWithLastRestart(withVersion(RETRYLADDER, '1.35'));
    const last = rows.filter((r) => r.t <= 495).at(-1)!;
    expect(last.key).toBe('1/2 Error 4');
    expect(last.lastRestartAt).toBeUndefined();
  });
});

describe('transcript: kind v1.36.1, `gangwait`: a RestartAllContainers rule on a sibling of a container that exited (k8rs report, 2026-08-20)', () => {
  it.each(VERSIONS)('keeps bystander r0 terminated and trigger r0 running to 73 s, both r1 at 85 s, bystander exit 1 again (%s) [11.2] [6.8]', (version) => {
    const t = trace(GANGWAIT, version);
    for (const at of [37, 49, 61, 73]) {
      expect(statusAt(t, 'bystander', at), `${at}`).toMatchObject({ state: 'terminated', exitCode: 1, restartCount: 0 });
      expect(statusAt(t, 'trigger', at), `${at}`).toMatchObject({ state: 'running', restartCount: 0 });
    }
    expect(statusAt(t, 'bystander', 85)).toMatchObject({ state: 'terminated', exitCode: 1, reason: 'Error', restartCount: 1 });
    expect(statusAt(t, 'trigger', 85)).toMatchObject({ state: 'running', restartCount: 1 });
    const phases = t.events.filter((e) => e.type === 'pod.phase' && e.t <= 387).map((e) => (e as { phase: string }).phase);
    expect(phases.at(-1)).toBe('Running');
  });

  it.each(VERSIONS)('prints `1/2 Error 2` at 106 s and `1/2 Error 8` at 6m27s, without "(… ago)" (%s) [11.2] [14.1] [14.2]', (version) => {
    const rows = simulatedRows(withVersion(GANGWAIT, version));
    const raw = runScenario(withVersion(GANGWAIT, version)).trace!.events.flatMap((e) => (e.type === 'pod.kubectl' ? [e] : []));
    for (const line of ['gangwait   1/2   Error   2   106s', 'gangwait      1/2   Error              8               6m27s']) {
      const row = publishedRow(line);
      expect(rowAt(rows, row.t), line).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
      expect(raw.filter((r) => r.t <= row.t).at(-1)!.restarts, line).toBe(row.restarts);
    }
  });
});
