// [5.11] [5.13] The kubelet's ExecProbeTimeout gate (sim/execProbeTimeout.ts). Upstream read:
// pkg/features/kube_features.go (1.20 GA and settable; {1.35, LockToDefault: true} in the newest
// stored copy), pkg/probe/exec exec.go Probe (id 42557779566) and the cri-client-era exec_test.go
// TestExec case "ExecProbeTimeout" (id 286079882: the gate off gives probe.Unknown with the
// error), prober.go runProbeWithRetries (3 tries on an error; newest copy id 56021396416) and
// probe ("probe errored"), worker.go doProbe at 00421113 (an error's result is thrown away),
// component-base featuregate SetFromMap ("cannot set feature gate %v to %v, feature is locked to %v").
// The scenario is written here, not taken from the gallery; the describe rows are in
// state/trace/describeExecProbeTimeoutOff.test.ts.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { probeErroredReason, type Trace, type TraceEvent } from '../trace';
import { defaultGates, gateLocked, resolveGates, type KubeVersion } from '../version';

const text = (version: string, probe: 'livenessProbe' | 'readinessProbe', gate?: boolean, command = 'sleep 10') => `apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    ${probe}: {exec: {command: [sh, -c, "${command}"]}, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 3}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 120s
containers:
  app: {pull: 0}
${gate === undefined ? '' : `featureGates: {ExecProbeTimeout: ${String(gate)}}\n`}`;

const run = (version: string, probe: 'livenessProbe' | 'readinessProbe', gate?: boolean, command?: string) => runScenario(text(version, probe, gate, command));
const trace = (version: string, probe: 'livenessProbe' | 'readinessProbe', gate?: boolean, command?: string): Trace => run(version, probe, gate, command).trace!;
const of = (t: Trace, type: TraceEvent['type']) => t.events.filter((e) => e.type === type && 'container' in e && e.container === 'app');

describe('version.ts ExecProbeTimeout: kube_features.go, GA since 1.20, LockToDefault from 1.35', () => {
  it('is on by default at every modelled version, settable up to 1.34, locked from 1.35', () => {
    for (const v of ['1.27', '1.34', '1.35', '1.37'] as KubeVersion[]) expect(defaultGates(v).ExecProbeTimeout).toBe(true);
    expect(gateLocked('ExecProbeTimeout', '1.34')).toBe(false);
    expect(gateLocked('ExecProbeTimeout', '1.35')).toBe(true);
    expect(resolveGates('1.34', { ExecProbeTimeout: false }).ExecProbeTimeout).toBe(false);
    expect(resolveGates('1.35', { ExecProbeTimeout: false }).ExecProbeTimeout).toBe(true);
  });

  it('featuregate SetFromMap: false at 1.35+ is refused as the kubelet refuses it; at 1.34 it is accepted', () => {
    const refused = run('1.35', 'livenessProbe', false);
    const errors = refused.ok ? refused.problems.filter((p) => p.severity === 'error') : refused.problems;
    expect(errors.map((p) => p.message).join('\n')).toMatch(/cannot set feature gate ExecProbeTimeout to false, feature is locked to true/);
    const accepted = run('1.34', 'livenessProbe', false);
    expect(accepted.ok).toBe(true);
    expect(accepted.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('exec.go Probe with ExecProbeTimeout off (TestExec "ExecProbeTimeout"): a timed-out exec errors, prober.go retries it, doProbe throws it away', () => {
  it.each(['1.27', '1.30', '1.31', '1.33', '1.34'])('a liveness exec past its timeout never fails or kills, and errors every run (%s)', (v) => {
    const t = trace(v, 'livenessProbe', false);
    expect(of(t, 'probe.failed')).toEqual([]);
    expect(of(t, 'container.kill')).toEqual([]);
    const errored = of(t, 'probe.errored');
    expect(errored.length).toBeGreaterThanOrEqual(3);
    for (const e of errored) expect(probeErroredReason(e as { error?: string })).toBe('timed out, ExecProbeTimeout off');
  });

  it('runProbeWithRetries: each errored run takes 3 x timeoutSeconds (three tries), and the tick that came meanwhile starts the next at once', () => {
    const errored = of(trace('1.34', 'livenessProbe', false), 'probe.errored');
    const gaps = errored.slice(1, 4).map((e, i) => e.t - errored[i]!.t);
    expect(gaps).toEqual(Array.of(15, 15, 15));
  });

  it('the gate on (the default, 1.34): the same exec fails, counts and kills', () => {
    const t = trace('1.34', 'livenessProbe', true);
    expect(of(t, 'probe.errored')).toEqual([]);
    expect(of(t, 'container.kill')[0]).toMatchObject({ reason: 'LivenessProbe' });
  });

  it('1.35 (LockToDefault): the gate cannot be off, and the run fails and kills as with it on', () => {
    const t = trace('1.35', 'livenessProbe');
    expect(of(t, 'probe.errored')).toEqual([]);
    expect(of(t, 'container.kill')[0]).toMatchObject({ reason: 'LivenessProbe' });
  });

  it('the errored run carries the runtime client\'s timeout error: remote ExecSync up to 1.30, cri-client execSyncV1 from 1.31', () => {
    expect(of(trace('1.30', 'livenessProbe', false), 'probe.errored')[0]).toMatchObject({ error: 'command "sh -c sleep 10" timed out' });
    expect(of(trace('1.31', 'livenessProbe', false), 'probe.errored')[0]).toMatchObject({ error: 'command timed out: "sh -c sleep 10" timed out after 5s' });
  });

  it('a readiness exec that times out with the gate off keeps its initial Failure: never Ready, nothing counted', () => {
    const t = trace('1.33', 'readinessProbe', false);
    expect(of(t, 'container.ready')).toEqual([]);
    expect(of(t, 'probe.failed')).toEqual([]);
    expect(of(t, 'probe.errored').length).toBeGreaterThan(0);
  });

  it('an exec that answers within its timeout is untouched by the gate (sleep 1 under 5s: Ready, 1.34)', () => {
    const off = trace('1.34', 'readinessProbe', false, 'sleep 1');
    const on = trace('1.34', 'readinessProbe', true, 'sleep 1');
    expect(of(off, 'probe.errored')).toEqual([]);
    expect(of(off, 'container.ready').map((e) => e.t)).toEqual(of(on, 'container.ready').map((e) => e.t));
    expect(of(off, 'container.ready')).toHaveLength(1);
  });
});
