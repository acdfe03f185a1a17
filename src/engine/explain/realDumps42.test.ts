// Explain mode on real dumps, session 42: four published pods, each from a search-index file (a
// study note, a blog post, an exam log) that prints the object beside its kubectl line or
// describe: a CKA mock exam's crash-looping init container (1.30/1.31), two NotReady pods (a
// Completed container beside a running one: a v1.20 kubeadm cluster's restarting busybox, and a
// minikube blog's `restartPolicy: Never` pod) and a Job with two native sidecars, one of them
// SIGKILLed at the end of the grace (k3s v1.29.6). Sources, what was published and what was
// rebuilt: each fixture's header and .scratch/rows-dumps42.md.
//
// Upstream read for the printed lines: pkg/printers/internalversion/printers.go printPod, the stored
// 1.31–1.34 copy (library file id 59882936): the init walk (a terminated init container with a
// non-zero exit prints Init:<reason> and stops the walk, unless the Initialized condition is True,
// in which case the main containers are printed over it); the main containers walked last to first,
// the last waiting/terminated reason winning; `reason == "Completed" && hasRunning` turning into
// Running when the Ready condition is True, NotReady when it is not; RESTARTS with the "(… ago)" of
// the newest lastState.terminated.finishedAt; READY counting started-and-ready sidecars and ready
// running main containers over containers + sidecars. The back-off: kuberuntime_manager.go doBackOff
// with client-go's flowcontrol Backoff as [4.5] has it (first restart at once, then 10 s doubling).
//
// Versions: each test runs on every engine minor its branch holds for (these branches did not change
// from 1.27 to 1.37; the sidecar Job from 1.29, where sidecars are on by default, as on the post's
// k3s v1.29.6); timing against a published run uses the version the source implies.
//
// Not asserted (the report): the sidecar's exit 137 is explained as an exit, not as the SIGKILL at
// the end of the 30 s grace the post names (the simulated run below does show it).

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { at, explain, explainText, fixture, from } from './realDumps.testkit';
import type { PodExplanation } from './types';

type Status = Record<string, unknown> & { containerStatuses: Record<string, unknown>[]; initContainerStatuses?: Record<string, unknown>[] };
/** The trace fields these tests read. */
interface Ev { type: string; t: number; container?: string; exitCode?: number; reason?: string; signal?: string; ready?: string; status?: string; restarts?: string }

/** A fixture with its status changed by `edit`. */
function withStatus(name: string, edit: (status: Status) => void): string {
  const obj = parse(fixture(name)) as { status: Status };
  edit(obj.status);
  return stringify(obj);
}

const step = (pod: PodExplanation, name: string) => pod.next.find((n) => n.container === name)!;
const container = (pod: PodExplanation, name: string) => pod.containers.find((c) => c.name === name)!;

/** Runs a scenario and returns its trace; the run must raise no error. */
function trace(text: string): Ev[] {
  const run = runScenario(text);
  expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return run.trace!.events as unknown as Ev[];
}
/** The kubectl row the trace shows at `t`. */
const rowAt = (events: Ev[], t: number) => events.filter((e) => e.type === 'pod.kubectl' && e.t <= t).at(-1)!;
const of = (events: Ev[], type: string, name: string) => events.filter((e) => e.type === type && e.container === name);

describe('CKA mock exam (2024-11-01, kubeadm 1.30/1.31): orange, an init container running `sleeeep 2;` (exit 127)', () => {
  const uid = '6fef656e-cf16-479a-a809-740c02376fcb';
  const initStatus = (restartCount: number, last: string, state: Record<string, unknown>) => withStatus('cka-mock-orange-init-backoff.yaml', (s) => {
    Object.assign(s.initContainerStatuses![0]!, { restartCount, lastState: { terminated: { exitCode: 127, reason: 'Error', startedAt: last, finishedAt: last } }, state });
  });
  // The 15 s line: the second run (the first restart is immediate) ended at 00:54:08, describe's Last State.
  const at15 = initStatus(1, '2024-11-01T00:54:08Z', { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=init-myservice pod=orange_default(${uid})` } });
  // describe at 27 s: Restart Count 2, State Terminated Error 127 at 00:54:25, Last State at 00:54:08.
  const at27 = initStatus(2, '2024-11-01T00:54:08Z', { terminated: { exitCode: 127, reason: 'Error', startedAt: '2024-11-01T00:54:25Z', finishedAt: '2024-11-01T00:54:25Z' } });

  it.each(from(27))('0/1 Init:CrashLoopBackOff 1 (12s ago) 15s: RESTARTS is the init container\'s count, dated by its last exit; the app waits for it [14.1] [2.1] [10.2] (%s)', (v) => {
    const [pod] = explainText(at15, v, '2024-11-01T00:54:20Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '1 (12s ago)', age: '15s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(step(pod!, 'orange-container')).toMatchObject({ action: 'wait', at: null });
    expect(step(pod!, 'orange-container').why).toMatch(/until init-myservice exits with code 0/);
  });

  it.each(['1.30', '1.31'] as const)('after the 15 s line the 10 s back-off from 00:54:08 is over, and the third run the describe shows (00:54:25) falls within the kubelet\'s lateness [4.5] [4.6] (%s)', (v) => {
    const [pod] = explainText(at15, v, '2024-11-01T00:54:20Z');
    const next = step(pod!, 'init-myservice');
    expect(next.action).toBe('start');
    expect(next.at!).toBeLessThanOrEqual(at('2024-11-01T00:54:25Z'));
    expect(at('2024-11-01T00:54:25Z') - Math.max(next.at!, at('2024-11-01T00:54:18Z'))).toBeLessThanOrEqual(15);
  });

  it.each(['1.30', '1.31'] as const)('describe at 27 s (Terminated Error 127, Restart Count 2): Pending; the next run 20 s after 00:54:25, and the published one (the yaml\'s Last State, 00:54:55) is 10 s late, within [4.6] (%s)', (v) => {
    const [pod] = explainText(at27, v, '2024-11-01T00:54:32Z');
    expect(pod!.kubectl).toMatchObject({ ready: '0/1', status: 'Init:Error', age: '27s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(container(pod!, 'init-myservice')).toMatchObject({ state: 'terminated', reason: 'Error', restartCount: 2 });
    const next = step(pod!, 'init-myservice');
    expect(next).toMatchObject({ action: 'start', at: at('2024-11-01T00:54:45Z') });
    expect(at('2024-11-01T00:54:55Z') - next.at!).toBeGreaterThanOrEqual(0);
    expect(at('2024-11-01T00:54:55Z') - next.at!).toBeLessThanOrEqual(15);
  });

  it.each(from(27))('the yaml as published (restartCount 3, last exit 00:54:55, "back-off 40s"): Init:CrashLoopBackOff, RESTARTS 3 dated by that exit, the next start 40 s after it [14.1] [4.5] [10.2] (%s)', (v) => {
    const [pod] = explain('cka-mock-orange-init-backoff.yaml', v, '2024-11-01T00:55:00Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '3 (5s ago)', age: '55s' });
    expect(container(pod!, 'init-myservice').words).toMatch(/last exit code 127 \(Error\) at 2024-11-01T00:54:55Z/);
    expect(step(pod!, 'init-myservice')).toMatchObject({ action: 'start', at: at('2024-11-01T00:55:35Z') });
    expect(step(pod!, 'init-myservice').why).toMatch(/back-off 40s/);
  });
});

describe('a v1.20 kubeadm cluster (2023-01-01): pod1, nginx beside a busybox with no command (exits 0 at once, restartPolicy Always)', () => {
  const created = at('2023-01-01T16:32:29Z');

  it.each(from(27))('the yaml right after the create: busybox Completed while nginx runs and the pod is not Ready, so kubectl prints NotReady (printPod\'s Completed-and-running branch); busybox restarts at once [14.3] [4.1] [4.5] (%s)', (v) => {
    const [pod] = explain('pod1-busybox-notready.yaml', v, '2023-01-01T16:33:03Z');
    expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'NotReady', restarts: '0', age: '34s' });
    expect(pod!.phase).toMatchObject({ value: 'Running' });
    expect(pod!.quirks.join(' ')).toMatch(/NotReady: a container completed while another still runs, and the pod is not Ready/);
    expect(step(pod!, 'busybox')).toMatchObject({ action: 'start', at: at('2023-01-01T16:33:03Z') });
    expect(step(pod!, 'busybox').why).toMatch(/the first restart is immediate/);
  });

  // The two later lines, their statuses built from the yaml: run 5 (restart 4) ended just before 2m52s (Completed,
  // NotReady, run 4's exit in lastState); 18 s later it waits out the 80 s back-off (run 5's exit in lastState). The
  // run times (16:34:20, 16:35:16) are ours; they only date the "(… ago)", which the v1.20 server did not print.
  const run4 = { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2023-01-01T16:34:20Z', finishedAt: '2023-01-01T16:34:20Z' } };
  const run5 = { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2023-01-01T16:35:16Z', finishedAt: '2023-01-01T16:35:16Z' } };
  const later = (lastState: Record<string, unknown>, state: Record<string, unknown>) => withStatus('pod1-busybox-notready.yaml', (s) => {
    Object.assign(s.containerStatuses[0]!, { restartCount: 4, lastState, state });
  });

  it.each(from(27))('1/2 NotReady 4 2m52s, then 1/2 CrashLoopBackOff 4 3m10s: the same restarts, a terminated busybox, then a waiting one [14.3] [10.2] (%s)', (v) => {
    const [nr] = explainText(later(run4, run5), v, '2023-01-01T16:35:21Z');
    expect(nr!.kubectl).toMatchObject({ ready: '1/2', status: 'NotReady', age: '2m52s' });
    expect(nr!.kubectl.restarts).toMatch(/^4 \(/);
    const [cl] = explainText(later(run5, { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=busybox pod=pod1_dev(537a0a97-7558-40d1-ae3d-5536d7b4f880)' } }), v, '2023-01-01T16:35:39Z');
    expect(cl!.kubectl).toMatchObject({ ready: '1/2', status: 'CrashLoopBackOff', age: '3m10s' });
    expect(cl!.kubectl.restarts).toMatch(/^4 \(/);
    expect(step(cl!, 'busybox')).toMatchObject({ action: 'start', at: at('2023-01-01T16:36:36Z') });
  });

  it.each(from(27, 34))('"Continue from here" on the yaml, with each start\'s registry check taking 15 s (the pulls the yaml dates took 16-17 s on that cluster): restart 4 ends before 2m52s and leaves NotReady there, then CrashLoopBackOff 4 at 3m10s, as published; up to 1.34, as on that cluster, a back-off error requeues the pod after 10 s [4.5] [4.6] [0.3] (%s)', (v) => {
    const r = continueScenario(fixture('pod1-busybox-notready.yaml'), { version: v, now: at('2023-01-01T16:33:03Z') });
    if (!r.ok) throw new Error(r.message);
    const text = r.text.replace('  busybox:\n    exitAfter: 0s', '  busybox:\n    registryCheck: 15s\n    exitAfter: 0s');
    expect(text).not.toBe(r.text);
    const events = trace(text);
    expect(rowAt(events, 172)).toMatchObject({ ready: '1/2', status: 'NotReady', restarts: expect.stringMatching(/^4 \(/) });
    expect(rowAt(events, 190)).toMatchObject({ ready: '1/2', status: 'CrashLoopBackOff', restarts: expect.stringMatching(/^4 \(/) });
    // the yaml's own exit and restarts 1 to 4
    expect(of(events, 'container.exit', 'busybox').filter((e) => e.t <= at('2023-01-01T16:35:21Z') - created)).toHaveLength(5);
  });

  it.each(from(27))('the 3m10s status: the next start quotes the kubelet\'s message as it reads, back-off 1m20s (a Go Duration) [10.2] (%s)', (v) => {
    const [cl] = explainText(later(run5, { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=busybox pod=pod1_dev(537a0a97-7558-40d1-ae3d-5536d7b4f880)' } }), v, '2023-01-01T16:35:39Z');
    expect(step(cl!, 'busybox').why).toMatch(/message says back-off 1m20s/);
    expect(step(cl!, 'busybox').why).not.toMatch(/back-off 80s/);
  });

  it('"Continue from here" on the 3m10s status: the observed CrashLoopBackOff keeps the kubelet\'s wording, back-off 1m20s [10.2]', () => {
    const r = continueScenario(later(run5, { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=busybox pod=pod1_dev(537a0a97-7558-40d1-ae3d-5536d7b4f880)' } }), { version: '1.31', now: at('2023-01-01T16:35:39Z') });
    if (!r.ok) throw new Error(r.message);
    const waiting = trace(r.text).find((e) => e.type === 'container.waiting' && e.container === 'busybox' && e.reason === 'CrashLoopBackOff') as { why: string } | undefined;
    expect(waiting!.why).toMatch(/back-off 1m20s restarting failed container=busybox/);
  });

  it.each(from(27))('busybox exited 0: the words do not call it a crash [4.1] [4.5] (%s)', (v) => {
    const [cl] = explainText(later(run5, { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=busybox pod=pod1_dev(537a0a97-7558-40d1-ae3d-5536d7b4f880)' } }), v, '2023-01-01T16:35:39Z');
    expect(container(cl!, 'busybox').words).not.toMatch(/crashed/);
    expect(container(cl!, 'busybox').words).toMatch(/last exit code 0 \(Completed\)/);
  });
});

describe('Pradeep Gadde\'s "Kubernetes Multi-container Pods" (minikube, 2022-02-16): nginx beside an ubuntu that writes a file and exits, restartPolicy Never', () => {
  it.each(from(27))('1/2 NotReady 0 8m3s: ubuntu Completed, nginx running, the pod not Ready; phase Running (the describe\'s Status); ubuntu stays stopped under Never [14.3] [6.2] [4.1] (%s)', (v) => {
    const [pod] = explain('multi-containers-notready.yaml', v, '2022-02-16T01:57:53Z');
    expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'NotReady', restarts: '0', age: '8m3s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.phase.observed).toBeUndefined();
    expect(pod!.containers.map((c) => [c.name, c.state, c.reason])).toEqual([['nginx', 'running', undefined], ['ubuntu', 'terminated', 'Completed']]);
    expect(pod!.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(step(pod!, 'ubuntu')).toMatchObject({ action: 'wait', at: null });
    expect(step(pod!, 'ubuntu').why).toMatch(/exited with 0; the restartPolicy says it stays stopped/);
  });

  it.each(from(27))('the published manifest run with the describe\'s pull times (nginx 17.1 s, ubuntu 10.7 s): nginx starts ~19 s and ubuntu ~30 s in, as the describe dates them, and the row is 1/2 NotReady 0 from then to 8m3s [14.3] [3.2] (%s)', (v) => {
    const sim = `apiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\nuntil: 9m\ncontainers:\n  nginx:\n    pull: 17.1s\n  ubuntu:\n    pull: 10.7s\n    exitAfter: 0s\n    exitCode: 0\n`;
    const events = trace(`${fixture('multi-containers-notready.yaml')}---\n${sim}`);
    const nginx = of(events, 'container.start', 'nginx');
    const ubuntu = of(events, 'container.start', 'ubuntu');
    expect(nginx).toHaveLength(1);
    expect(ubuntu).toHaveLength(1);
    expect(Math.abs(nginx[0]!.t - 19)).toBeLessThanOrEqual(2);
    expect(Math.abs(ubuntu[0]!.t - 30)).toBeLessThanOrEqual(2);
    expect(of(events, 'container.exit', 'ubuntu').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    expect(rowAt(events, 483)).toMatchObject({ ready: '1/2', status: 'NotReady', restarts: '0' });
    expect(events.filter((e) => e.type === 'pod.kubectl' && e.t > ubuntu[0]!.t + 1).map((e) => e.status)).not.toContain('Running');
  });
});

describe('Shawn Hsu\'s sidecar post (k3d, k3s v1.29.6, 2025-05-17): a Job with two native sidecars, upload-logs (`sleep 86400`, a preStop hook) and tcpdump', () => {
  it.each(from(29))('the finished pod as published: Succeeded; kubectl prints 0/3 Completed 0 (no sidecar or main container ready; Initialized is True, so the main container\'s Completed is printed over Init:Error); nothing runs again [14.2] [14.3] [6.3] [6.5] (%s)', (v) => {
    const [pod] = explain('tcpdump-sidecars-job.yaml', v, '2025-05-17T19:45:00Z');
    expect(pod!.kubectl).toEqual({ ready: '0/3', status: 'Completed', restarts: '0', age: '4m26s' });
    expect(pod!.phase).toMatchObject({ value: 'Succeeded' });
    expect(pod!.phase.observed).toBeUndefined();
    expect(pod!.phase.why).toMatch(/sidecar exit codes are ignored/);
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state, c.reason])).toEqual([
      ['upload-logs', 'sidecar', 'terminated', 'Error'], ['tcpdump', 'sidecar', 'terminated', 'Completed'], ['main-container', 'main', 'terminated', 'Completed'],
    ]);
    expect(container(pod!, 'upload-logs').words).toMatch(/exit code 137 \(Error\) at 2025-05-17T19:41:14Z/);
    for (const n of pod!.next) expect(n).toMatchObject({ action: 'wait', at: null });
  });

  it.each(from(29))('the published Job run: after main-container exits 0 the sidecars stop in reverse order, tcpdump at once with 0, upload-logs (PID 1 `sleep` ignores SIGTERM) SIGKILLed 30 s later with 137, as published (19:40:44 and 19:41:14); then 0/3 Completed 0 [8.1] [8.4] [8.5] [8.6] (%s)', (v) => {
    // The post's tcpdump exited 0 on its stop signal (tcpdump, exec'd by `sh -c`, handles SIGTERM): given here.
    const sim = `apiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\ncontainers:\n  tcpdump:\n    exitAfter: never\n    onStop: { after: 0s, exitCode: 0 }\n  main-container:\n    exitAfter: 0s\n    exitCode: 0\n`;
    const events = trace(`${fixture('tcpdump-sidecars-job.yaml')}---\n${sim}`);
    const main = of(events, 'container.exit', 'main-container');
    const tcpdump = of(events, 'container.exit', 'tcpdump');
    const upload = of(events, 'container.exit', 'upload-logs');
    expect([main, tcpdump, upload].map((x) => x.map((e) => [e.exitCode, e.reason]))).toEqual([[[0, 'Completed']], [[0, 'Completed']], [[137, 'Error']]]);
    expect(tcpdump[0]!.t - main[0]!.t).toBeGreaterThanOrEqual(0);
    expect(tcpdump[0]!.t - main[0]!.t).toBeLessThan(1);
    expect(upload[0]!.t - main[0]!.t).toBeGreaterThanOrEqual(30);
    expect(upload[0]!.t - main[0]!.t).toBeLessThan(31);
    const term = (name: string) => of(events, 'container.signal', name).find((e) => e.signal === 'SIGTERM')!.t;
    expect(term('tcpdump')).toBeLessThanOrEqual(term('upload-logs'));
    expect(of(events, 'container.signal', 'upload-logs').map((e) => e.signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(events.filter((e) => e.type === 'pod.phase').at(-1)).toMatchObject({ phase: 'Succeeded' });
    expect(rowAt(events, Infinity)).toMatchObject({ ready: '0/3', status: 'Completed', restarts: '0' });
  });

  it.each(from(29))('upload-logs\' exit 137, 30 s after main-container\'s exit, is explained as the SIGKILL at the end of the grace, as the post explains it [8.5] [8.6] (%s)', (v) => {
    const [pod] = explain('tcpdump-sidecars-job.yaml', v, '2025-05-17T19:45:00Z');
    expect(container(pod!, 'upload-logs').words).toMatch(/SIGKILL/);
    expect(container(pod!, 'upload-logs').words).toMatch(/30 ?s grace/);
    expect(container(pod!, 'tcpdump').words).not.toMatch(/SIGKILL/);
  });
});
