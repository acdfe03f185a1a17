// Golden tests from kubernetes/kubernetes bug reports and PRs about restarts and CrashLoopBackOff
// (session 41, helper "issues6"), each a scenario built from the report's own pod (or the PR's own
// description) and run on every minor it applies to. Read through the library's issues index.
// Kubelet code read: newCrashLoopBackOff in pkg/kubelet/kubelet.go (find_string excerpt, index id
// 54300650048: with ReduceDefaultCrashLoopBackOffDecay the defaults are 1 s and 60 s; with
// KubeletCrashLoopBackOffMax "operator-invoked configuration always has precedence", the cap is the
// config's period and the initial delay is lowered to it when larger) and
// SetDefaults_KubeletConfiguration in pkg/kubelet/apis/config/v1beta1/defaults.go (index id
// 421944960: with KubeletCrashLoopBackOffMax on, an unset maxContainerRestartPeriod defaults to
// MaxContainerBackOff, 300 s). doBackOff (kuberuntime_manager.go) as the rulebook quotes it ([4.5]).
// The termination reports are in terminationIssues41.test.ts.
//
// - kubernetes#109537 (2022-04, 1.23, closed rotten, "liveness probe doesn't work"): an `httpd` pod,
//   restartPolicy OnFailure, whose liveness probe (GET /health, initialDelaySeconds 5, periodSeconds
//   5, failureThreshold 3) always fails: "After the probe actively restarts up to 4 times, the Pod
//   status will directly change to Completed". httpd's STOPSIGNAL (SIGWINCH, [8.13]) is its graceful
//   stop, so every liveness kill ends the run with exit 0. Each kill restarts in the same SyncPod
//   while the back-off allows ([4.4] [4.5]: the 1st with no exited run to judge, the 2nd with no
//   entry yet (Next: 10 s), the 3rd because its 15 s run outlasted the 10 s (Next: 20 s); the 4th
//   kill's 15 s run is shorter than 20 s, so the start is refused); the next sync sees an exit 0 that
//   OnFailure does not restart, and the pod is Succeeded (`Completed`) with RESTARTS 3 after 4 kills
//   (the report's "up to 4 times"; runs of 20 s or more would give a 4th restart). Every minor.
// - kubernetes#53125 (2017-09, closed, "\"Completed\" Container should not be in back-off that
//   resulting in \"CrashLoopBackOff\""): `command: ["echo"]`, `args: ["$HOSTNAME"]` on nginx, pod
//   policy Always (the default): `0/1 CrashLoopBackOff 24`, Last State Terminated Completed, exit 0.
//   Always restarts every exit and the back-off does not look at the code ([4.1] [4.8]): the first
//   restart at once, then 10, 20, 40, 80, 160 s, the row alternating `Completed` and
//   `CrashLoopBackOff` (from 1.36 with a short `Running` after each start, the on-demand relist,
//   [0.8]), the phase Running. Every minor.
// - kubernetes#130711 (PR, merged for 1.33, "KEP-4603: Add ReduceDefaultCrashLoopBackoffDecay
//   featuregate"): with the alpha gate on, "1s initial delay and 60s maximum delay". Asserted at 1.33
//   and 1.34 with the gate: back-offs 1, 2, 4 … 32, 60, 60 ([4.7]); up to 1.34 the pod worker still
//   requeues a refused start after its 10 s error back-off ([4.6]), so the restarts come about 11 s
//   apart while the delays are under 10 s. From 1.35 KubeletCrashLoopBackOffMax is beta and on, and
//   its defaulted 300 s cap takes precedence (newCrashLoopBackOff; the PR's note: "the effective
//   kubelet configuration will follow the conflict resolution policy"): 1, 2 … 128, 256, 300, unless
//   the node sets maxContainerRestartPeriod (60 s: the PR's curve again). The gate does not exist
//   before 1.33 (warned and ignored).
// - kubernetes#128374 (PR, merged for 1.32, "KEP-4603: Node specific kubelet config for maximum
//   backoff down to 1 second"): `crashLoopBackOff.maxContainerRestartPeriod` between 1 s and 300 s;
//   "If the maxContainerRestartPeriod you configure is less than the default initial value of 10s,
//   the initial delay will instead be set to the configured maximum" (the docs PR #48499). Asserted
//   with 5 s: every back-off is 5 s, at 1.32-1.34 with the alpha gate and from 1.35 by default
//   ([4.7]); with the gate off the setting is ignored and the curve is 10 … 300.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace } from '../../trace';
import { at, events } from './issues.testkit';

function delays(trace: Trace): number[] {
  return events(trace, 'container.backoff').map((e) => e.delay);
}

const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: liveness
spec:
  restartPolicy: OnFailure
  containers:
  - name: liveness
    image: httpd
    imagePullPolicy: IfNotPresent
    livenessProbe:
      httpGet:
        path: /health
        port: 80
      initialDelaySeconds: 5
      periodSeconds: 5
      failureThreshold: 3`;

describe('kubernetes#109537: liveness probe doesn\'t work', () => {
  it.each(SUPPORTED_VERSIONS)('httpd exits 0 on each liveness kill; after 4 kills the back-off refuses the restart and OnFailure leaves the pod Completed (%s) [4.4] [4.5] [8.13]', (v) => {
    const trace = at(LIVENESS, 'until: 5m\nevents:\n  - { at: 0s, container: liveness, do: failLiveness, for: 1h }\n', v);
    const kills = events(trace, 'container.kill', 'liveness');
    expect(kills.map((e) => e.reason)).toEqual(['LivenessProbe', 'LivenessProbe', 'LivenessProbe', 'LivenessProbe']);
    // runs of 15 s: three failures 5 s apart after the 5 s initial delay
    expect(kills.slice(1).map((e, i) => e.t - kills[i]!.t)).toEqual([15, 15, 15]);
    expect(events(trace, 'container.signal', 'liveness').every((e) => e.signal === 'SIGWINCH')).toBe(true);
    expect(events(trace, 'container.exit', 'liveness').map((e) => [e.exitCode, e.reason]))
      .toEqual(Array.from({ length: 4 }, () => [0, 'Completed']));
    // three restarts in the kill's own sync; the fourth kill meets the 20 s back-off
    const starts = events(trace, 'container.start', 'liveness');
    expect(starts).toHaveLength(4);
    expect(delays(trace)).toEqual([20]);
    const lastKill = kills.at(-1)!.t;
    expect(events(trace, 'container.backoff', 'liveness')[0]!.t).toBe(lastKill);
    // the next sync: an exit 0 under OnFailure is not restarted, the pod is Succeeded
    const phases = events(trace, 'pod.phase');
    expect(phases.map((e) => e.phase)).toEqual(['Pending', 'Running', 'Succeeded']);
    expect(phases.at(-1)!.t).toBeGreaterThan(lastKill);
    expect(phases.at(-1)!.t).toBeLessThan(lastKill + 2);
    const row = events(trace, 'pod.kubectl').at(-1)!;
    expect([row.ready, row.status]).toEqual(['0/1', 'Completed']);
    expect(row.restarts).toMatch(/^3( \(\d+s ago\))?$/);
  });
});

const ECHO = `apiVersion: v1
kind: Pod
metadata:
  name: demo
  labels:
    purpose: demonstrate
spec:
  containers:
  - name: command-demo
    image: nginx:1.10
    command: ["echo"]
    args: ["$HOSTNAME"]`;

describe('kubernetes#53125: "Completed" Container should not be in back-off that resulting in "CrashLoopBackOff"', () => {
  it.each(SUPPORTED_VERSIONS)('an exit 0 under Always is restarted with the crash back-off: CrashLoopBackOff, Last State Completed, phase Running (%s) [4.1] [4.8] [4.5]', (v) => {
    const trace = at(ECHO, 'until: 5m\n', v);
    const exits = events(trace, 'container.exit', 'command-demo');
    expect(exits.length).toBeGreaterThanOrEqual(6);
    expect(exits.every((e) => e.exitCode === 0 && e.reason === 'Completed')).toBe(true);
    expect(delays(trace).slice(0, 5)).toEqual([10, 20, 40, 80, 160]);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running']);
    const statuses = events(trace, 'pod.kubectl').map((e) => e.status);
    expect(statuses).toContain('CrashLoopBackOff');
    expect(statuses).toContain('Completed');
    // from 1.36 the on-demand relist after a start also prints the short Running ([0.8])
    const shown = new Set(statuses.slice(1));
    expect(shown).toEqual(new Set(minor(v) >= 36 ? ['Running', 'Completed', 'CrashLoopBackOff'] : ['Completed', 'CrashLoopBackOff']));
    const waiting = (trace.statusWrites ?? []).filter((w) => w.container === 'command-demo' && w.state === 'waiting' && w.reason === 'CrashLoopBackOff');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.at(-1)!.restartCount).toBeGreaterThanOrEqual(5);
  });
});

const CRASHER = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "exit 1"]`;

function crashLoop(v: KubeVersion, extra: string): Trace {
  return at(CRASHER, `until: 10m\n${extra}`, v);
}

const REDUCED = 'featureGates:\n  ReduceDefaultCrashLoopBackOffDecay: true\n';

describe('kubernetes#130711: KEP-4603: Add ReduceDefaultCrashLoopBackoffDecay featuregate', () => {
  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) < 33))('no such gate: 10 s doubling to 300 s (%s) [4.5] [4.7]', (v) => {
    expect(delays(crashLoop(v, ''))).toEqual([10, 20, 40, 80, 160, 300]);
  });

  it.each(['1.33', '1.34'] as const)('alpha, off by default; on: 1 s doubling to 60 s (%s) [4.7] [4.6]', (v) => {
    expect(delays(crashLoop(v, '')).slice(0, 6)).toEqual([10, 20, 40, 80, 160, 300]);
    const trace = crashLoop(v, REDUCED);
    expect(delays(trace).slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // up to 1.34 a refused start waits for the pod worker's 10 s requeue, not for the back-off
    const starts = events(trace, 'container.start', 'app').map((e) => e.t);
    expect(starts[3]! - starts[2]!).toBeCloseTo(11, 5);
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 35))('from 1.35 the beta KubeletCrashLoopBackOffMax defaults the cap to 300 s, which wins; a node\'s 60 s brings the PR\'s curve back (%s) [4.7]', (v) => {
    expect(delays(crashLoop(v, REDUCED))).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300]);
    expect(delays(crashLoop(v, `${REDUCED}kubelet:\n  maxContainerRestartPeriod: 60s\n`)).slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

const NODE_MAX = 'kubelet:\n  maxContainerRestartPeriod: 5s\n';

describe('kubernetes#128374: KEP-4603: Node specific kubelet config for maximum backoff down to 1 second', () => {
  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 32))('maxContainerRestartPeriod 5s: the initial delay is lowered to the cap, every back-off 5 s (%s) [4.7]', (v) => {
    const gate = minor(v) < 35 ? 'featureGates:\n  KubeletCrashLoopBackOffMax: true\n' : '';
    const d = delays(crashLoop(v, `${gate}${NODE_MAX}`));
    expect(d.length).toBeGreaterThan(20);
    expect(d.every((x) => x === 5)).toBe(true);
  });

  it.each(['1.32', '1.33', '1.34'] as const)('alpha, off by default: the setting is ignored, 10 s doubling to 300 s (%s) [4.7]', (v) => {
    expect(delays(crashLoop(v, NODE_MAX))).toEqual([10, 20, 40, 80, 160, 300]);
  });
});
