// Golden tests from reports about the STOP ORDER of native sidecars, 2024-2025 (session 44, helper
// "h44-issues", second file; the first is sidecarIssues44.test.ts). Both are kubernetes/website
// reports whose subject is what the kubelet does; kubelet code read:
// pkg/kubelet/kuberuntime/kuberuntime_termination_order.go at 0f5507ff (newTerminationOrdering:
// each sidecar waits on every main container and on the next later sidecar; waitForTurn: one timer
// of the grace for all), and killContainer's use of it in kuberuntime_container.go (preStop first,
// then waitForTurn, then at least minimumGracePeriodInSeconds = 2 s for the stop signal). Ordering
// came with kubernetes#120620 (1.29, "Sidecar termination is now serialized and each sidecar
// container will receive a SIGTERM after all main containers and later starting sidecar containers
// have terminated"); 1.28 (alpha gate on) stops every container at once.
//
// - kubernetes/website#50859 (2025-05-10, open, priority/awaiting-more-evidence, "Main container
//   doesn't get stopped prior to sidecar containers"; the PR that followed, kubernetes/website#51506,
//   2025-07, was put on hold: "I believe the docs are correct here"): the reporter claims sidecars
//   are killed before the main container. Run on the docs' own Deployment (myapp writing logs,
//   logshipper `tail -F`, both shells that ignore SIGTERM as PID 1): from 1.29 myapp gets SIGTERM at
//   the deletion and the sidecar only when myapp's kill returns, here when the 30 s grace runs out,
//   then its 2 s minimum and SIGKILL; in 1.28 both get SIGTERM together ([8.4] [8.5] [8.7]). A
//   sidecar's preStop hook does start at the deletion, with the main container's SIGTERM, which
//   may be what the reporter saw ([8.4]: "all preStop hooks, sidecars' included, start together").
// - kubernetes/website#48290 (2024-10-11, "Link from Sidecar Containers concept page to detail about
//   termination behavior": "they are terminated in reverse order, one by one"): two sidecars that
//   handle SIGTERM; each gets its signal only after the main container and the later sidecar exited
//   ([8.4]); 1.28 stops the three at once.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace } from '../../trace';
import { events, first } from './issues.testkit';

const SIDECAR_MINORS = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28);
const ORDERED_MINORS = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29);

/** The scenario at `v`; at 1.28 the alpha SidecarContainers gate is turned on. */
function at(workload: string, sim: string, v: KubeVersion): Trace {
  const gates = v === '1.28' ? 'featureGates:\n  SidecarContainers: true\n' : '';
  const text = `${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${gates}${sim}`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

function signalAt(trace: Trace, container: string, signal: string): number | undefined {
  return events(trace, 'container.signal', container).find((e) => e.signal === signal)?.t;
}

// application/deployment-sidecar.yaml of the docs' sidecar page; `preStop` adds a hook to the sidecar.
const DOCS_DEPLOYMENT = (preStop: boolean): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp
  labels:
    app: myapp
spec:
  replicas: 1
  selector:
    matchLabels:
      app: myapp
  template:
    metadata:
      labels:
        app: myapp
    spec:
      containers:
        - name: myapp
          image: alpine:latest
          command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done']
          volumeMounts:
            - name: data
              mountPath: /opt
      initContainers:
        - name: logshipper
          image: alpine:latest
          restartPolicy: Always
          command: ['sh', '-c', 'tail -F /opt/logs.txt']${preStop ? `
          lifecycle:
            preStop:
              exec:
                command: ["sh", "-c", "sleep 5"]` : ''}
          volumeMounts:
            - name: data
              mountPath: /opt
      volumes:
        - name: data
          emptyDir: {}`;
const DELETE_AT_20 = 'until: 90s\nevents:\n  - { at: 20s, do: deletePod }\n';

describe('kubernetes/website#50859: Main container doesn\'t get stopped prior to sidecar containers', () => {
  it.each(ORDERED_MINORS)('the docs\' Deployment: myapp gets SIGTERM at the deletion, logshipper only when myapp\'s kill returns (%s) [8.4] [8.5]', (v) => {
    const trace = at(DOCS_DEPLOYMENT(false), DELETE_AT_20, v);
    expect(first(trace, 'pod.deleted')).toBe(20);
    expect(signalAt(trace, 'myapp', 'SIGTERM')).toBe(20);
    // myapp's shell ignores SIGTERM as PID 1: SIGKILL at the end of the 30 s grace
    expect(signalAt(trace, 'myapp', 'SIGKILL')).toBe(50);
    const myappExit = first(trace, 'container.exit', 'myapp');
    const sidecarTerm = signalAt(trace, 'logshipper', 'SIGTERM')!;
    expect(sidecarTerm).toBeGreaterThanOrEqual(49);
    expect(sidecarTerm).toBeLessThanOrEqual(myappExit);
    // the sidecar gets the 2 s minimum, then SIGKILL: it is the last to stop
    expect(signalAt(trace, 'logshipper', 'SIGKILL')! - sidecarTerm).toBeCloseTo(2, 3);
    expect(first(trace, 'container.exit', 'logshipper')).toBeGreaterThan(myappExit);
    expect(events(trace, 'container.exit').map((e) => e.exitCode)).toEqual([137, 137]);
  });

  it('1.28 (alpha gate on): no ordering yet, both get SIGTERM at the deletion and SIGKILL 30 s later [8.7]', () => {
    const trace = at(DOCS_DEPLOYMENT(false), DELETE_AT_20, '1.28');
    for (const c of ['myapp', 'logshipper']) {
      expect(signalAt(trace, c, 'SIGTERM')).toBe(20);
      expect(signalAt(trace, c, 'SIGKILL')).toBe(50);
    }
  });

  it.each(ORDERED_MINORS)('a sidecar\'s preStop hook starts at the deletion with myapp\'s SIGTERM; its own SIGTERM still waits (%s) [8.4]', (v) => {
    const trace = at(DOCS_DEPLOYMENT(true), DELETE_AT_20, v);
    const hook = events(trace, 'hook.start', 'logshipper').find((e) => e.hook === 'preStop');
    expect(hook).toBeDefined();
    expect(hook!.t).toBe(20);
    expect(signalAt(trace, 'myapp', 'SIGTERM')).toBe(20);
    expect(signalAt(trace, 'logshipper', 'SIGTERM')!).toBeGreaterThanOrEqual(49);
  });
});

const TWO_SIDECARS = `apiVersion: v1
kind: Pod
metadata:
  name: reverse-order
spec:
  initContainers:
  - name: sidecar-1
    image: example.com/proxy:1
    restartPolicy: Always
  - name: sidecar-2
    image: example.com/log-agent:1
    restartPolicy: Always
  containers:
  - name: app
    image: example.com/app:1`;
const TWO_SIDECARS_SIM = `until: 60s
containers:
  app: { onStop: { after: 3s, exitCode: 0 } }
  sidecar-2: { onStop: { after: 2s, exitCode: 0 } }
  sidecar-1: { onStop: { after: 1s, exitCode: 0 } }
events:
  - { at: 10s, do: deletePod }
`;

describe('kubernetes/website#48290: sidecars are terminated in reverse order, one by one', () => {
  it.each(ORDERED_MINORS)('app, then sidecar-2, then sidecar-1, each SIGTERM after the previous exit (%s) [8.4]', (v) => {
    const trace = at(TWO_SIDECARS, TWO_SIDECARS_SIM, v);
    expect(signalAt(trace, 'app', 'SIGTERM')).toBe(10);
    const appExit = first(trace, 'container.exit', 'app');
    expect(appExit).toBeCloseTo(13, 3);
    const term2 = signalAt(trace, 'sidecar-2', 'SIGTERM')!;
    expect(term2).toBeGreaterThanOrEqual(appExit);
    expect(term2 - appExit).toBeLessThan(0.5);
    const exit2 = first(trace, 'container.exit', 'sidecar-2');
    expect(exit2 - term2).toBeCloseTo(2, 3);
    const term1 = signalAt(trace, 'sidecar-1', 'SIGTERM')!;
    expect(term1).toBeGreaterThanOrEqual(exit2);
    expect(term1 - exit2).toBeLessThan(0.5);
    expect(first(trace, 'container.exit', 'sidecar-1') - term1).toBeCloseTo(1, 3);
    expect(events(trace, 'container.signal').some((e) => e.signal === 'SIGKILL')).toBe(false);
  });

  it.each(SIDECAR_MINORS.filter((v) => v === '1.28'))('%s (alpha gate on): the three get SIGTERM at the deletion [8.7]', (v) => {
    const trace = at(TWO_SIDECARS, TWO_SIDECARS_SIM, v);
    for (const c of ['app', 'sidecar-1', 'sidecar-2']) expect(signalAt(trace, c, 'SIGTERM')).toBe(10);
  });
});
