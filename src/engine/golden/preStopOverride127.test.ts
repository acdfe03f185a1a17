// [8.12] A deletion on 1.27: killContainer applies the pod worker's grace override after the
// preStop hook and the 2 s floor, so the stop signal gets the whole grace again. Upstream:
// killContainer in kuberuntime_container.go, the 1.26/1.27-era stored version against the 1.29+
// ones (override first); fixed by #115835 in 1.28.0 (CHANGELOG v1.28.0-alpha.3), reported as
// #115817 ("2X the termination grace period") and #117373 (a 300 s preStop taking 10 minutes).
import { describe, expect, it } from 'vitest';
import { eventsOf } from './logAssertions';
import { runScenario } from '../run';
import type { Trace } from '../trace';

/** app ignores SIGTERM (sh as PID 1, [15.3]); the pod is deleted at 10 s. */
function run(version: string, preStop: string | null, deletion = ''): Trace {
  const res = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: prestop-grace }
spec:
  terminationGracePeriodSeconds: 20
  containers:
    - name: app
      image: app:1
      command: [sh, -c, 'sleep 3600']
${preStop === null ? '' : `      lifecycle: { preStop: { exec: { command: [sh, -c, '${preStop}'] } } }\n`}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 90s
containers:
  app: { pull: 0 }
events:
  - { at: 10s, do: deletePod${deletion} }
`);
  if (!res.trace) throw new Error(res.problems.map((p) => p.message).join('; '));
  return res.trace;
}

const signals = (trace: Trace) => eventsOf(trace, 'container.signal', 'app').map((e) => [e.signal, e.t]);
const hookStarts = (trace: Trace) => eventsOf(trace, 'hook.start', 'app').map((e) => e.t);

describe('[8.12] the grace override after the preStop hook in 1.27 (killContainer; #115835 fixed it in 1.28)', () => {
  it('1.27: a 5 s preStop, then SIGTERM with the whole 20 s: SIGKILL 25 s after the deletion', () => {
    expect(signals(run('1.27', 'sleep 5'))).toEqual([['SIGTERM', 15], ['SIGKILL', 35]]);
  });
  for (const v of ['1.28', '1.36']) {
    it(`${v}: the preStop's 5 s come off the grace: SIGKILL 20 s after the deletion`, () => {
      expect(signals(run(v, 'sleep 5'))).toEqual([['SIGTERM', 15], ['SIGKILL', 30]]);
    });
  }

  it('1.27: a preStop that never returns holds the stop signal for the grace, then the override gives another 20 s (#115817: twice the grace)', () => {
    expect(signals(run('1.27', 'sleep 999999'))).toEqual([['SIGTERM', 30], ['SIGKILL', 50]]);
  });
  it('1.28: the same hook ends the grace; the stop signal gets the 2 s minimum', () => {
    expect(signals(run('1.28', 'sleep 999999'))).toEqual([['SIGTERM', 30], ['SIGKILL', 32]]);
  });

  it('1.27: a force deletion (grace 0) bounds the hook by the pod\'s deletionGracePeriodSeconds, 0: no preStop, then the spec\'s 20 s', () => {
    const trace = run('1.27', 'sleep 5', ', gracePeriodSeconds: 0');
    expect(hookStarts(trace)).toEqual([]);
    expect(signals(trace)).toEqual([['SIGTERM', 10], ['SIGKILL', 30]]);
  });
  it('1.28: a force deletion runs the preStop hook within the spec\'s grace ([8.2])', () => {
    const trace = run('1.28', 'sleep 5', ', gracePeriodSeconds: 0');
    expect(hookStarts(trace)).toEqual([10]);
    expect(signals(trace)).toEqual([['SIGTERM', 15], ['SIGKILL', 30]]);
  });

  it('1.27: --grace-period=1 reaches StopContainer as 1 s (the override comes after the 2 s floor); 1.28 gives 2 s', () => {
    expect(signals(run('1.27', null, ', gracePeriodSeconds: 1'))).toEqual([['SIGTERM', 10], ['SIGKILL', 11]]);
    expect(signals(run('1.28', null, ', gracePeriodSeconds: 1'))).toEqual([['SIGTERM', 10], ['SIGKILL', 12]]);
  });
});

describe('transcript: kubernetes/kubernetes#117373 (kubelet log, April 2023, before 1.28)', () => {
  // Published, verbatim (pod names redacted by the reporter):
  //   Apr 29 15:20:01 kubelet[2384]: "SyncLoop DELETE" source="api" pods=[<redacted>-production/<redacted>-68c6fc9b7d-26fwh]
  //   Apr 29 15:25:01 kubelet[2384]: "PreStop hook not completed in grace period" … gracePeriod=300
  //   Apr 29 15:25:01 kubelet[2384]: "Killing container with a grace period" … gracePeriod=300
  // "Pods have a preStop equivalent to a 300s sleep, but ignoring SIGTERM, and a
  // terminationGracePeriod: 300. But on term the pods take 10 minutes rather than 5 minutes."
  const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: prestop-300 }
spec:
  terminationGracePeriodSeconds: 300
  containers:
    - name: app
      image: app:1
      command: [sh, -c, 'sleep 3600']
      lifecycle: { preStop: { exec: { command: [sh, -c, 'sleep 300'] } } }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 700s
containers:
  app: { pull: 0 }
events:
  - { at: 10s, do: deletePod }
`;
  it('1.27: the stop signal 300 s after the deletion with another 300 s: the pod takes 10 minutes [8.12]', () => {
    const trace = runScenario(scenario('1.27')).trace!;
    expect(signals(trace)).toEqual([['SIGTERM', 310], ['SIGKILL', 610]]);
  });
  it('1.28: the hook used the grace: the stop signal gets the 2 s minimum [8.3] [8.5]', () => {
    const trace = runScenario(scenario('1.28')).trace!;
    expect(signals(trace)).toEqual([['SIGTERM', 310], ['SIGKILL', 312]]);
  });
});
