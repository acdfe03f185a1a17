// [5.11] [5.13] The describe rows of an exec probe run past timeoutSeconds on a kubelet with
// ExecProbeTimeout off (settable 1.27-1.34; engine: sim/execProbeTimeout.ts). Upstream read:
// pkg/probe/exec exec_test.go TestExec case "ExecProbeTimeout" (cri-client era, id 286079882:
// probe.Unknown with the error), prober.go probe's Warning Unhealthy "%s probe errored: %v"
// (1.27-1.32) and "%s probe errored and resulted in %s state: %s" (1.33+, kubernetes#125901),
// worker.go doProbe at 00421113 (the result thrown away). GKE nodes before 1.35 ran with the gate
// off (Google's "Configure exec probe timeouts before upgrading to GKE version 1.35"). The
// scenario is written here, not taken from the gallery.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { describeEvents } from './describeEvents';
import { describeEvent } from './describeEvent';

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
until: 120s
containers:
  app: {pull: 0}
featureGates: {ExecProbeTimeout: false}
`;

const trace = (version: string, probe: 'livenessProbe' | 'readinessProbe'): Trace => runScenario(scenario(version, probe)).trace!;
const unhealthy = (t: Trace) => describeEvents(t, 120, 'slow').filter((r) => r.reason === 'Unhealthy')
  .map((r) => r.message.replace(/^spec\.containers\{app\}: /, ''));

describe('prober.go probe with ExecProbeTimeout off: "probe errored" rows, never "probe failed" [5.11] [5.13]', () => {
  it('up to 1.32, "%s probe errored: %v" with the remote runtime\'s error (1.30)', () => {
    expect(unhealthy(trace('1.30', 'livenessProbe'))).toEqual(['Liveness probe errored: command "sh -c sleep 10" timed out']);
  });

  it('1.31-1.32, "%s probe errored: %v" with the cri-client error (1.31)', () => {
    expect(unhealthy(trace('1.31', 'livenessProbe'))).toEqual(['Liveness probe errored: command timed out: "sh -c sleep 10" timed out after 5s']);
  });

  it('1.33+, "errored and resulted in unknown state", the published GKE 1.33/1.34 row (1.33 readiness)', () => {
    expect(unhealthy(trace('1.33', 'readinessProbe'))).toEqual([
      'Readiness probe errored and resulted in unknown state: command timed out: "sh -c sleep 10" timed out after 5s',
    ]);
  });

  it('the trace sentence names the third reason (engine/trace.ts probeErroredReason), not the exited container or the cancelled context (1.34)', () => {
    const errored = trace('1.34', 'livenessProbe').events.find((e) => e.type === 'probe.errored');
    expect(errored).toBeDefined();
    expect(describeEvent(errored!)).toBe('A liveness probe run of app errors (timed out, ExecProbeTimeout off): its result stays as it was.');
  });
});
