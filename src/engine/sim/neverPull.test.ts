// ErrImageNeverPull: imagePullPolicy Never and an image that is not on the node (a failPull window
// on the container). Upstream read: pkg/kubelet/images/image_manager.go EnsureImageExists, stored
// at 00a3928b (1.27-era: shouldPullImage false for Never, then "Container image %q is not present
// with pull policy of Never", Warning events.ErrImageNeverPullPolicy, ErrImageNeverPull, before the
// pull back-off is looked at), cfce511e (the same Never branch beside KEP-2535's first
// ensureSecretPulledImages) and a 1.34/1.35-era copy (imagePullPrecheck →
// imageNotPresentOnNeverPolicyError, the same message, reason and error); kuberuntime_container.go
// startContainer (Warning Failed "Error: %v" of the error, return msg, err); pod_workers.go
// completeWork (an error requeues after backOffPeriod, [0.2]). The same in 1.27-1.37.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { FaultEvent, Trace, TraceEvent } from '../trace';

function scenario(version: string, opts: { init?: boolean; window?: string; policy?: string; noFault?: boolean } = {}): string {
  const container = (name: string, image: string) => `  - name: ${name}
    image: ${image}
    imagePullPolicy: ${opts.policy ?? 'Never'}
`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: flask
spec:
${opts.init ? `  initContainers:\n${container('setup', 'setup:local')}` : ''}  containers:
${opts.init ? '  - name: app\n    image: busybox:1.36\n' : container('app', 'flask-demo:version1')}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 120s
${opts.noFault ? '' : `events:
  - { at: 0s, container: ${opts.init ? 'setup' : 'app'}, do: failPull${opts.window === undefined ? '' : `, for: ${opts.window}`} }
`}`;
}

function run(text: string): Trace {
  const r = runScenario(text);
  if (!r.trace) throw new Error(JSON.stringify(r.problems));
  return r.trace;
}

const neverPulls = (trace: Trace, container: string): FaultEvent[] =>
  trace.events.filter((e): e is FaultEvent => e.type === 'fault' && e.container === container && e.reason === 'ErrImageNeverPull');
const ofType = (trace: Trace, type: TraceEvent['type'], container: string) =>
  trace.events.filter((e) => e.type === type && 'container' in e && e.container === container);
const statuses = (trace: Trace) => trace.events.flatMap((e) => (e.type === 'pod.kubectl' ? [e.status] : []));

describe('EnsureImageExists, imagePullPolicy Never, image not on the node (image_manager.go 00a3928b, cfce511e, 1.34/1.35-era copy) [10.2]', () => {
  it.each(['1.27', '1.33', '1.37'])('the start fails with ErrImageNeverPull, the message upstream words, no pull and no pull back-off (%s)', (version) => {
    const trace = run(scenario(version));
    const fails = neverPulls(trace, 'app');
    expect(fails.length).toBeGreaterThan(5);
    expect(fails[0]!.message).toBe('Container image "flask-demo:version1" is not present with pull policy of Never');
    expect(fails[0]!.image).toBe('flask-demo:version1');
    // The kubelet never pulls under Never, and the pull back-off is never consulted.
    for (const type of ['container.pulling', 'container.pulled', 'container.pullBackoff', 'container.start'] as const) expect(ofType(trace, type, 'app')).toEqual([]);
    expect(trace.events.filter((e) => e.type === 'fault' && e.do === 'failPull' && e.reason === undefined && e.image !== undefined)).toEqual([]);
    // convertToAPIContainerStatuses: the start error is the Waiting reason, and the printer shows it [14.3].
    expect(ofType(trace, 'container.waiting', 'app').map((e) => (e as { reason: string }).reason)).toContain('ErrImageNeverPull');
    expect(new Set(statuses(trace))).toEqual(new Set(['ContainerCreating', 'ErrImageNeverPull']));
    // The failed start cites the injected failPull.
    const injected = trace.events.find((e) => e.type === 'fault' && e.do === 'failPull' && e.image === undefined)!;
    expect(fails[0]!.cause).toContain(injected.id);
  });

  it.each(['1.27', '1.34', '1.35', '1.37'])('each try waits the pod worker\'s error back-off, 10 s, never a growing pull back-off (pod_workers.go completeWork; %s) [0.2] [4.6]', (version) => {
    const fails = neverPulls(run(scenario(version)), 'app').map((e) => e.t);
    // The first sync fails, the sync after the relist that sees the new sandbox fails again ([0.7]), then one try every 10 s.
    const gaps = fails.slice(2).map((t, i) => Math.round((t - fails[i + 1]!) * 10) / 10);
    expect(gaps.length).toBeGreaterThan(5);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(10);
      expect(gap).toBeLessThan(11.5);
    }
  });

  it.each(['1.27', '1.33', '1.37'])('once the window ends (the image was loaded) the next try starts the container at once, saying the image is there (%s)', (version) => {
    const trace = run(scenario(version, { window: '45s' }));
    const fails = neverPulls(trace, 'app');
    const start = ofType(trace, 'container.start', 'app');
    expect(fails.at(-1)!.t).toBeLessThan(45);
    expect(start).toHaveLength(1);
    expect(start[0]!.t).toBeGreaterThanOrEqual(45);
    expect(start[0]!.t - fails.at(-1)!.t).toBeLessThan(11.5);
    expect(ofType(trace, 'container.pulling', 'app')).toEqual([]);
    expect(statuses(trace).at(-1)).toBe('Running');
  });

  it.each(['1.27', '1.37'])('an init container\'s image: Init:ErrImageNeverPull, the main container waits (printPod; %s) [14.1]', (version) => {
    const trace = run(scenario(version, { init: true }));
    expect(neverPulls(trace, 'setup').length).toBeGreaterThan(5);
    expect(statuses(trace)).toContain('Init:ErrImageNeverPull');
    expect(ofType(trace, 'container.start', 'app')).toEqual([]);
  });

  it('without a failPull a Never image is on the node: the container starts with no pull (unchanged)', () => {
    const trace = run(scenario('1.37', { noFault: true }));
    expect(neverPulls(trace, 'app')).toEqual([]);
    expect(ofType(trace, 'container.start', 'app')).toHaveLength(1);
    expect(ofType(trace, 'container.pulling', 'app')).toEqual([]);
  });

  it('under IfNotPresent a failPull is still a failed pull: ErrImagePull then ImagePullBackOff (unchanged) [10.9]', () => {
    const trace = run(scenario('1.37', { policy: 'IfNotPresent' }));
    expect(neverPulls(trace, 'app')).toEqual([]);
    expect(statuses(trace)).toEqual(expect.arrayContaining(['ErrImagePull', 'ImagePullBackOff']));
  });

  it('the injected failPull says what it means for a Never container: the image is absent, ErrImageNeverPull, no pull back-off', () => {
    const never = run(scenario('1.37', { window: '45s' })).events.find((e) => e.type === 'fault' && e.image === undefined)!;
    expect(never.why).toContain("app's image is not on the node for 45s");
    expect(never.why).toContain('ErrImageNeverPull');
    expect(never.why).not.toContain('ImagePullBackOff');
    const pulled = run(scenario('1.37', { policy: 'IfNotPresent' })).events.find((e) => e.type === 'fault' && e.image === undefined)!;
    expect(pulled.why).toContain('ErrImagePull, then ImagePullBackOff');
  });
});
