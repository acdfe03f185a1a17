// Golden tests from Kubernetes bug reports about WHICH KILLS RUN A preStop HOOK AND THE STOP ORDER
// OF SIDECARS (session 41, helper "issues10"), each a scenario built from the report's own pod and
// run on every minor it applies to. Read through the library's issues index (descriptions and the
// comments it keeps). The hook reports are in hookIssues41.test.ts.
//
// - kubernetes#55807 (2017-11, kind/bug then kind/feature, closed by the docs PR #74160, "clarify
//   PreStop hook intended behavior in doc"; "prestop hooks aren't called when Jobs complete
//   successfully"; yujuhong: the hook runs only when the kubelet kills the container): a Job whose
//   container ends by itself, exit 0, never gets its preStop; nothing kills it, the pod is Succeeded
//   and the Job complete ([8.3] [16.2]). Every minor. The other side, asserted from 1.29 (and 1.28
//   with the SidecarContainers alpha gate): a native sidecar of the same Job IS killed once the main
//   container is done, so its preStop runs then, and its stop signal follows the hook (from 1.29 once
//   its turn has come, [8.4]; 1.28 unordered, [8.7]); the Job completes after it ([8.1] [6.3]).
// - kubernetes/website#50859 (2025-05, open, "Main container doesn't get stopped prior to sidecar
//   containers": the reporter's Slack tests "prove sidecar gets stopped first prior to main
//   container"; lmktfy: "sidecar containers should wait for the app container to stop"; the docs
//   PR #51506 that would have said so was held and closed): what the kubelet does from 1.29 (#120620)
//   is both: a sidecar's preStop hook starts at the deletion, together with the app's SIGTERM, but
//   the sidecars' stop signals wait until the app has exited, the later sidecar first ([8.4]). A
//   sidecar that reacts to its preStop looks "stopped first". At 1.28 (alpha gate) every container
//   got its stop signal at once ([8.7]), so there a quick sidecar really exited before the app.
//
// Not expressible: the 2017 kubelet of #55807 (its behaviour is unchanged). The Slack thread behind
// website#50859 is not in the index, so the reporter's own pod is not known; the pod below is the
// smallest one that shows both halves. DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events, first } from './issues.testkit';

function signals(trace: Trace, container: string): [string, number][] {
  return events(trace, 'container.signal', container).map((e) => [e.signal, e.t]);
}

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: prestop-job
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: job
        image: busybox
        command: ["sh", "-c", "sleep 20"]
        lifecycle:
          preStop:
            exec:
              command: ["/bin/sh", "-c", "curl -X POST http://localhost:8080/shutdown"]`;

const JOB_WITH_SIDECAR = `apiVersion: batch/v1
kind: Job
metadata:
  name: prestop-job
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: proxy
        image: example.com/proxy:1.0
        restartPolicy: Always
        lifecycle:
          preStop:
            exec:
              command: ["/bin/sh", "-c", "/drain.sh"]
      containers:
      - name: job
        image: busybox
        command: ["sh", "-c", "sleep 20"]
        lifecycle:
          preStop:
            exec:
              command: ["/bin/sh", "-c", "echo bye > /shared/done"]`;

const SIDECAR_MINORS = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28);
const SIDECAR_GATE = (v: string): string => (v === '1.28' ? 'featureGates:\n  SidecarContainers: true\n' : '');

describe('kubernetes#55807: prestop hooks aren\'t called when Jobs complete successfully', () => {
  it.each(SUPPORTED_VERSIONS)('the Job\'s container exits 0 by itself: no kill, no preStop, the pod Succeeded, the Job complete (%s) [8.3] [16.2]', (v) => {
    const trace = at(JOB, 'until: 2m\n', v);
    const exit = events(trace, 'container.exit', 'job');
    expect(exit.map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    expect(events(trace, 'container.kill')).toEqual([]);
    expect(events(trace, 'hook.start')).toEqual([]);
    expect(events(trace, 'container.signal')).toEqual([]);
    expect(events(trace, 'pod.phase').at(-1)?.phase).toBe('Succeeded');
    expect(first(trace, 'job.complete')).toBeGreaterThan(exit[0]!.t);
  });

  it.each(SIDECAR_MINORS)('a native sidecar of the same Job is killed once the main container is done, so its preStop runs, then its stop signal (%s) [8.1] [8.4] [8.7] [6.3]', (v) => {
    const sim = `${SIDECAR_GATE(v)}until: 2m\ncontainers:\n  proxy:\n    preStop: { duration: 3s, exitCode: 0 }\n`;
    const trace = at(JOB_WITH_SIDECAR, sim, v);
    const done = first(trace, 'container.exit', 'job');
    expect(events(trace, 'hook.start', 'job')).toEqual([]);
    const kills = events(trace, 'container.kill');
    expect(kills.map((e) => [e.container, e.reason])).toEqual([['proxy', 'PodTermination']]);
    expect(kills[0]!.t).toBeGreaterThanOrEqual(done);
    expect(kills[0]!.t).toBeLessThan(done + 1.5);
    expect(events(trace, 'hook.start', 'proxy').map((e) => [e.hook, e.t])).toEqual([['preStop', kills[0]!.t]]);
    const hookEnd = first(trace, 'hook.end', 'proxy');
    expect(hookEnd).toBeCloseTo(kills[0]!.t + 3, 5);
    expect(signals(trace, 'proxy')).toEqual([['SIGTERM', hookEnd]]);
    expect(events(trace, 'container.exit', 'proxy').map((e) => [e.t, e.exitCode])).toEqual([[hookEnd, 0]]);
    expect(events(trace, 'pod.phase').at(-1)?.phase).toBe('Succeeded');
    expect(first(trace, 'job.complete')).toBeGreaterThan(hookEnd);
  });
});

const ORDER = `apiVersion: v1
kind: Pod
metadata:
  name: sidecar-order
spec:
  initContainers:
  - name: logshipper
    image: example.com/logshipper:1.0
    restartPolicy: Always
    lifecycle:
      preStop:
        exec:
          command: ["/bin/sh", "-c", "echo stopping"]
  - name: proxy
    image: example.com/proxy:1.0
    restartPolicy: Always
  containers:
  - name: app
    image: example.com/app:1.0`;
// the app drains for 10 s after SIGTERM, proxy for 2 s, logshipper for 1 s
const ORDER_SIM = `until: 3m
containers:
  logshipper:
    preStop: { duration: 1s, exitCode: 0 }
    onStop: { after: 1s, exitCode: 0 }
  proxy:
    onStop: { after: 2s, exitCode: 0 }
  app:
    onStop: { after: 10s, exitCode: 0 }
events:
  - { at: 30s, do: deletePod }
`;

describe('kubernetes/website#50859: Main container doesn\'t get stopped prior to sidecar containers', () => {
  const ordered = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29);
  it.each(ordered)('the sidecar\'s preStop starts with the app\'s SIGTERM, but the sidecars\' stop signals wait for the app, later sidecar first (%s) [8.4]', (v) => {
    const trace = at(ORDER, ORDER_SIM, v);
    expect(events(trace, 'container.kill').map((e) => [e.container, e.t]).sort()).toEqual([['app', 30], ['logshipper', 30], ['proxy', 30]]);
    expect(events(trace, 'hook.start', 'logshipper').map((e) => [e.hook, e.t])).toEqual([['preStop', 30]]);
    expect(first(trace, 'hook.end', 'logshipper')).toBe(31);
    expect(signals(trace, 'app')).toEqual([['SIGTERM', 30]]);
    expect(events(trace, 'container.exit', 'app').map((e) => e.t)).toEqual([40]);
    expect(signals(trace, 'proxy')).toEqual([['SIGTERM', 40]]);
    expect(events(trace, 'container.exit', 'proxy').map((e) => e.t)).toEqual([42]);
    expect(signals(trace, 'logshipper')).toEqual([['SIGTERM', 42]]);
    expect(events(trace, 'container.exit', 'logshipper').map((e) => e.t)).toEqual([43]);
  });

  it('1.28 with the SidecarContainers alpha gate: unordered, every container gets its stop signal at once (after its own hook), so the sidecars exit first [8.7]', () => {
    const trace = at(ORDER, `featureGates:\n  SidecarContainers: true\n${ORDER_SIM}`, '1.28');
    expect(signals(trace, 'app')).toEqual([['SIGTERM', 30]]);
    expect(signals(trace, 'proxy')).toEqual([['SIGTERM', 30]]);
    expect(signals(trace, 'logshipper')).toEqual([['SIGTERM', 31]]);
    expect(events(trace, 'container.exit').map((e) => [e.container, e.t])).toEqual([['proxy', 32], ['logshipper', 32], ['app', 40]]);
  });
});
