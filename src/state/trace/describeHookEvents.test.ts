// The hook failures `kubectl describe pod` lists, as the kubelet records them. Upstream:
// executePreStopHook and startContainer in pkg/kubelet/kuberuntime/kuberuntime_container.go (1.29-era
// and newest stored, 1.36): Warning FailedPreStopHook / FailedPostStartHook with the bare message
// "PreStopHook failed" / "PostStartHook failed" ("so that secrets won't leak", since 1.26, #119541),
// and killContainer's Killing event with its caller's message ("FailedPostStartHook"). The stale
// snapshot kill ([8.11]) runs an exec preStop on a container that has already exited: it fails at
// once, and a user sees that Warning.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { describeEvents } from './describeEvents';

function run(spec: string, sim: string, version = '1.33'): Trace {
  const res = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: hooks }
spec:
${spec}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
${sim}
`);
  if (!res.trace) throw new Error(res.problems.map((p) => p.message).join('; '));
  return res.trace;
}

const rowsOf = (trace: Trace, reason: string) =>
  describeEvents(trace, trace.end, 'hooks').filter((r) => r.reason === reason).map((r) => [r.type, r.message, r.count]);

describe('describe Events for failed lifecycle hooks (executePreStopHook, startContainer; 1.27-1.36)', () => {
  for (const v of ['1.29', '1.36']) {
    it(`[8.11] ${v}: a deletion between app's exit and the next relist shows Warning FailedPreStopHook "PreStopHook failed" for the exited app`, () => {
      const trace = run(`  initContainers:
    - { name: proxy, image: envoy:1, restartPolicy: Always }
  containers:
    - name: app
      image: app:1
      lifecycle: { preStop: { exec: { command: [sh, -c, 'sleep 5'] } } }`,
      `containers:
  proxy: { pull: 0 }
  app: { pull: 0, exitAfter: ${v === '1.36' ? '9.4s' : '9.1s'}, exitCode: 1 }
events:
  - { at: 10.5s, do: deletePod, gracePeriodSeconds: 30 }`, v);
      // kubectl 1.35+ names the container before the message (#133627, [10.6]).
      const app = v === '1.36' ? 'spec.containers{app}: ' : '';
      expect(rowsOf(trace, 'FailedPreStopHook')).toEqual([['Warning', `${app}PreStopHook failed`, 1]]);
      expect(rowsOf(trace, 'Killing').map((r) => r[1])).toContain(`${app}Stopping container app`);
    });
  }

  it('a preStop that exits non-zero on a running container: the same bare message, no exit code', () => {
    const trace = run(`  containers:
    - name: app
      image: app:1
      lifecycle: { preStop: { exec: { command: [sh, -c, 'exit 3'] } } }`,
    `containers:
  app: { pull: 0 }
events:
  - { at: 5s, do: deletePod, gracePeriodSeconds: 10 }`);
    expect(rowsOf(trace, 'FailedPreStopHook')).toEqual([['Warning', 'PreStopHook failed', 1]]);
  });

  it('a failing postStart: Warning FailedPostStartHook "PostStartHook failed", then Killing with the message "FailedPostStartHook"', () => {
    const trace = run(`  restartPolicy: Never
  containers:
    - name: app
      image: app:1
      lifecycle: { postStart: { exec: { command: [sh, -c, 'exit 1'] } } }`,
    `containers:
  app: { pull: 0 }`);
    expect(rowsOf(trace, 'FailedPostStartHook')).toEqual([['Warning', 'PostStartHook failed', 1]]);
    expect(rowsOf(trace, 'Killing')).toEqual([['Normal', 'FailedPostStartHook', 1]]);
  });

  it('a sleep preStop never fails: no FailedPreStopHook row', () => {
    const trace = run(`  containers:
    - name: app
      image: app:1
      lifecycle: { preStop: { sleep: { seconds: 2 } } }`,
    `containers:
  app: { pull: 0 }
events:
  - { at: 5s, do: deletePod, gracePeriodSeconds: 10 }`);
    expect(rowsOf(trace, 'FailedPreStopHook')).toEqual([]);
    expect(rowsOf(trace, 'Killing')).toEqual([['Normal', 'Stopping container app', 1]]);
  });
});
