// An exec probe run past timeoutSeconds is a FAILURE at every version 1.27-1.37, from 1.31 with
// k8s.io/cri-client's error as its output, never a probe.errored ([5.11], [5.13]). Session 38's
// question: published 1.3x rows `Readiness probe errored and resulted in unknown state: command timed
// out: "…" timed out after 5s` suggested that since the runtime client moved to k8s.io/cri-client
// (1.31) a timeout comes back as an error (prober.go probe "probe errored", worker.go doProbe throws
// the result away), so a liveness probe that times out would never kill. Read (kubernetes/kubernetes):
// - k8s.io/cri-client remote_runtime.go execSyncV1 (the stored staging copy, find_string hit id
//   27866556): a DeadlineExceeded from the runtime becomes
//   fmt.Errorf("%w: %q timed out after %s", ErrCommandTimedOut, strings.Join(cmd, " "), timeout);
// - pkg/probe/exec exec_test.go TestExec of the cri-client era (id 286079882, importing
//   `remote "k8s.io/cri-client/pkg"`): the case "Timeout" (that error, ExecProbeTimeout on) expects
//   probe.Failure, no error, the error's text as the output; the case "ExecProbeTimeout" (the same
//   error, the gate off) expects probe.Unknown with the error. The cri-client-era exec.go itself is
//   not stored; its test fixes what it does (errors.Is on ErrCommandTimedOut, not the older
//   `err.(*TimeoutError)` of the stored exec.go copies 05c351a9 and 42557779566);
// - pkg/kubelet/prober/prober.go (the newest stored copy, id 56021396416: execProberAction.Run,
//   execInContainer.Start returning the runner's error unwrapped; kuberuntime RunInContainer passes
//   ExecSync's error through): nothing between the runtime client and exec.go changes the error.
// So upstream has no version line: a timeout fails and counts at 1.31+ as before. The "errored …
// command timed out: … after 5s" rows are exactly TestExec's gate-off case (Unknown + the cri-client
// error, printed by prober.go's 1.33+ "%s probe errored and resulted in %s state: %s"): a kubelet
// with ExecProbeTimeout=false. Google's GKE page "Configure exec probe timeouts before upgrading to
// GKE version 1.35" says GKE before 1.35 ignores an exec probe's timeoutSeconds and "incorrectly
// reports the probe as successful" (the thrown-away result; kubernetes#100198 for the gate off),
// so such rows are GKE 1.33/1.34 nodes. Published upstream rows agree with the failure: `Readiness
// probe failed: command timed out: "mongosh --eval db.adminCommand('ping')" timed out after 1s` on
// EKS v1.32.9 (toEksMongoTimeout132.test.ts) and on minikube 1.31 (toMinikubeWgetTimeout131.test.ts).
// These run with the gate on (its default); with it off (settable 1.27-1.34) the run errors instead:
// sim/execProbeTimeout.ts, sim/execProbeTimeoutGate.test.ts.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { describeEvents } from './describeEvents';

const scenario = (version: string, probe: 'livenessProbe' | 'readinessProbe') => `apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    ${probe}: {exec: {command: [sh, -c, "sleep 10"]}, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 3}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  app: {pull: 0}
`;

const trace = (version: string, probe: 'livenessProbe' | 'readinessProbe'): Trace => runScenario(scenario(version, probe)).trace!;
// (kubectl 1.35+ prints the involved object's fieldPath before a container event's message, [10.6])
const unhealthy = (t: Trace) => describeEvents(t, 60, 'slow').filter((r) => r.reason === 'Unhealthy')
  .map((r) => r.message.replace(/^spec\.containers\{app\}: /, ''));

const CRI_CLIENT_OUTPUT = 'command timed out: "sh -c sleep 10" timed out after 5s';
const REMOTE_OUTPUT = 'command "sh -c sleep 10" timed out';

describe('exec_test.go TestExec "Timeout" (cri-client era, ExecProbeTimeout on): an exec timeout is a failure, not an error [5.11] [5.13]', () => {
  it.each(['1.27', '1.30', '1.31', '1.33', '1.36', '1.37'])('a timed-out exec liveness run fails, counts, and the third kills the container (%s)', (v) => {
    const t = trace(v, 'livenessProbe');
    expect(t.events.filter((e) => e.type === 'probe.errored')).toEqual([]);
    const kill = t.events.find((e) => e.type === 'container.kill' && e.container === 'app');
    expect(kill).toMatchObject({ reason: 'LivenessProbe' });
    const failedBefore = t.events.filter((e) => e.type === 'probe.failed' && e.container === 'app' && e.t <= kill!.t);
    expect(failedBefore).toHaveLength(3);
  });

  it.each(['1.31', '1.33', '1.36'])('from 1.31 the row is "probe failed:" with the cri-client error, never "errored and resulted in unknown state" (%s)', (v) => {
    const rows = unhealthy(trace(v, 'livenessProbe'));
    expect(rows).toEqual([`Liveness probe failed: ${CRI_CLIENT_OUTPUT}`]);
  });

  it.each(['1.27', '1.30'])('up to 1.30 the row is "probe failed:" with the remote runtime\'s error (%s)', (v) => {
    expect(unhealthy(trace(v, 'livenessProbe'))).toEqual([`Liveness probe failed: ${REMOTE_OUTPUT}`]);
  });

  it('a 1.33 readiness probe that times out keeps the container unready and prints no GKE-style errored row', () => {
    const t = trace('1.33', 'readinessProbe');
    expect(t.events.filter((e) => e.type === 'probe.errored')).toEqual([]);
    expect(t.events.some((e) => e.type === 'container.ready' && e.container === 'app')).toBe(false);
    const rows = unhealthy(t);
    expect(rows).toEqual([`Readiness probe failed: ${CRI_CLIENT_OUTPUT}`]);
    expect(rows).not.toContain(`Readiness probe errored and resulted in unknown state: ${CRI_CLIENT_OUTPUT}`);
  });
});
