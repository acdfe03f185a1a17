import { describe, expect, it } from 'vitest';
import { simulate, simulateWithStats } from './simulate';
import { buildScenario, type PodDesc } from '../testing/build';
import type { Trace, TraceEvent } from '../trace';

const run = (d: PodDesc) => simulate(buildScenario(d));
const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string) =>
  trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && (container === undefined || (e as { container?: string }).container === container));
const first = (trace: Trace, type: TraceEvent['type'], container?: string) => of(trace, type, container)[0]?.t ?? Number.NaN;

describe('simulate', () => {
  it('runs init containers one after another, then the sidecar, then the app [2.1] [3.1]', () => {
    const t = run({ until: 60, init: [{ name: 'a', behavior: { exitAfter: 2 } }, { name: 'b', behavior: { exitAfter: 2 } }, { name: 'proxy', kind: 'sidecar' }], main: [{ name: 'app' }] });
    expect(first(t, 'container.start', 'b')).toBeGreaterThan(first(t, 'container.exit', 'a'));
    expect(first(t, 'container.start', 'proxy')).toBeGreaterThan(first(t, 'container.exit', 'b'));
    expect(first(t, 'container.start', 'app')).toBeGreaterThanOrEqual(first(t, 'container.started', 'proxy'));
    expect(of(t, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running']);
  });

  it('restarts a crashing container at once, then after 10, 20, 40 s [4.5]', () => {
    const t = run({ until: 200, version: '1.35', main: [{ name: 'app', behavior: { exitAfter: 1, exitCode: 1 } }] });
    const starts = of(t, 'container.start', 'app').map((e) => e.t);
    const exits = of(t, 'container.exit', 'app').map((e) => e.t);
    const gaps = starts.slice(1).map((s, i) => Math.round(s - exits[i]!));
    // 1.35 requeues at the back-off's expiry ([4.6]); the first restart waits only for the next PLEG relist.
    expect(gaps.slice(0, 4)).toEqual([1, 10, 20, 40]);
    expect(of(t, 'container.backoff', 'app').map((e) => e.delay).slice(0, 3)).toEqual([10, 20, 40]);
  });

  it('lands restarts up to a requeue late before 1.35 [4.6]', () => {
    const t = run({ until: 100, version: '1.34', main: [{ name: 'app', behavior: { exitAfter: 1, exitCode: 1 } }] });
    const starts = of(t, 'container.start', 'app').map((e) => e.t);
    const exits = of(t, 'container.exit', 'app').map((e) => e.t);
    const gap = starts[2]! - exits[1]!;
    expect(gap).toBeGreaterThanOrEqual(10);
    expect(gap).toBeLessThanOrEqual(15);
  });

  it('holds the app back until the sidecar startup probe passes [2.2], but not for readiness', () => {
    const gated = run({ until: 120, init: [{ name: 'proxy', kind: 'sidecar', behavior: { startDelay: 12 }, startupProbe: { periodSeconds: 2, failureThreshold: 30 } }], main: [{ name: 'app' }] });
    expect(first(gated, 'container.start', 'app')).toBeGreaterThan(13.7);
    const ungated = run({ until: 120, init: [{ name: 'proxy', kind: 'sidecar', behavior: { readyAfter: 12 }, readinessProbe: { periodSeconds: 2 } }], main: [{ name: 'app' }] });
    expect(first(ungated, 'container.start', 'app')).toBeLessThan(5);
    expect(first(ungated, 'container.ready', 'proxy')).toBeGreaterThan(13);
  });

  it('restarts a crashed sidecar even under Never, and the pod still Succeeds [4.3] [6.3]', () => {
    const t = run({
      restartPolicy: 'Never', init: [{ name: 'proxy', kind: 'sidecar', behavior: { onStop: { kind: 'exit', after: 0, exitCode: 1 } } }],
      main: [{ name: 'job', behavior: { exitAfter: 30 } }], events: [{ at: 10, do: 'crash', container: 'proxy', exitCode: 2 }],
    });
    expect(of(t, 'container.start', 'proxy')).toHaveLength(2);
    expect(of(t, 'pod.phase').at(-1)?.phase).toBe('Succeeded');
  });

  it('stops sidecars after the main containers, in reverse order [8.4]', () => {
    const t = run({
      init: ['s1', 's2', 's3'].map((name) => ({ name, kind: 'sidecar' as const, behavior: { onStop: { kind: 'exit' as const, after: 1, exitCode: 0 } } })),
      main: [{ name: 'app', behavior: { onStop: { kind: 'exit', after: 2, exitCode: 0 } } }],
      events: [{ at: 20, do: 'deletePod' }],
    });
    const exits = of(t, 'container.exit').map((e) => e.container);
    expect(exits).toEqual(['app', 's3', 's2', 's1']);
    expect(of(t, 'pod.gone')).toHaveLength(1);
  });

  it('stops sidecars together with the main containers in 1.28 [8.7]', () => {
    const t = run({
      version: '1.28', gates: { SidecarContainers: true },
      init: [{ name: 's1', kind: 'sidecar', behavior: { onStop: { kind: 'exit', after: 1, exitCode: 0 } } }],
      main: [{ name: 'app', behavior: { onStop: { kind: 'exit', after: 5, exitCode: 0 } } }],
      events: [{ at: 20, do: 'deletePod' }],
    });
    expect(of(t, 'container.exit').map((e) => e.container)).toEqual(['s1', 'app']);
  });

  it('SIGKILLs a process that ignores SIGTERM at the end of the grace period (137) [8.5] [8.6]', () => {
    const t = run({ grace: 5, main: [{ name: 'app', behavior: { onStop: { kind: 'ignore' } } }], events: [{ at: 10, do: 'deletePod' }] });
    const exit = of(t, 'container.exit', 'app')[0]!;
    expect(exit).toMatchObject({ exitCode: 137, t: 15 });
    expect(of(t, 'pod.phase').at(-1)?.phase).toBe('Failed');
  });

  it('kills a container for good after a liveness failure under Never, and the pod fails [4.4]', () => {
    const t = run({ restartPolicy: 'Never', main: [{ name: 'app', livenessProbe: { periodSeconds: 5, failureThreshold: 1 }, behavior: { onStop: { kind: 'exit', after: 0, exitCode: 143 } } }], events: [{ at: 20, do: 'failLiveness', container: 'app' }] });
    expect(of(t, 'container.kill', 'app')[0]).toMatchObject({ reason: 'LivenessProbe' });
    expect(of(t, 'container.start', 'app')).toHaveLength(1);
    expect(of(t, 'pod.phase').at(-1)?.phase).toBe('Failed');
  });

  it('marks a container unready while its readiness probe fails, without killing it [5.5]', () => {
    const t = run({ until: 100, main: [{ name: 'app', readinessProbe: { periodSeconds: 5, failureThreshold: 2 } }], events: [{ at: 30, do: 'failReadiness', container: 'app', for: 20 }] });
    expect(first(t, 'container.unready', 'app')).toBeGreaterThanOrEqual(35);
    expect(of(t, 'container.ready', 'app')).toHaveLength(2);
    expect(of(t, 'container.kill', 'app')).toHaveLength(0);
  });

  it('shows ErrImagePull then ImagePullBackOff for an unpullable image [10.2]', () => {
    const t = run({ until: 120, main: [{ name: 'app' }], events: [{ at: 0, do: 'failPull', container: 'app', for: 1000 }] });
    const reasons = of(t, 'container.waiting', 'app').map((e) => e.reason);
    expect(reasons).toContain('ErrImagePull');
    expect(reasons).toContain('ImagePullBackOff');
    expect(of(t, 'container.start', 'app')).toHaveLength(0);
  });

  it.each([
    ['1.31', 'Back-off pulling image "busybox"'],
    ['1.32', 'Back-off pulling image "busybox": ErrImagePull: failed to pull and unpack image "busybox"'],
  ] as const)('at %s the ImagePullBackOff status message is %s: from 1.32 the last pull\'s error follows (EnsureImageExists prevPullErrMsg, #127918) [10.9]', (version, message) => {
    const t = run({ version, until: 60, main: [{ name: 'app', image: 'busybox' }], events: [{ at: 0, do: 'failPull', container: 'app', for: 1000 }] });
    const waiting = of(t, 'container.waiting', 'app').find((e) => e.reason === 'ImagePullBackOff')!;
    expect(waiting.why).toContain(`The status message reads: ${message}.`);
  });

  it('records a pull back-off refusal at every sync that meets it, each between two failed pulls and citing the last one [10.9]', () => {
    const t = run({ until: 120, main: [{ name: 'app' }], events: [{ at: 0, do: 'failPull', container: 'app', for: 1000 }] });
    const failures = of(t, 'fault', 'app').filter((e) => e.do === 'failPull' && e.image !== undefined);
    const refusals = of(t, 'container.pullBackoff', 'app');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(refusals.length).toBeGreaterThanOrEqual(failures.length - 1);
    for (const r of refusals) {
      const lastFailure = failures.filter((f) => f.t <= r.t).at(-1)!;
      expect(r.image).toBe(lastFailure.image);
      expect(r.cause).toEqual([lastFailure.id]);
      expect(r.why).toMatch(/^\[10\.9\] /);
    }
    // no pull starts while the back-off refuses: each refusal comes before the next Pulling
    const pulls = of(t, 'container.pulling', 'app').map((e) => e.t);
    for (const r of refusals) expect(pulls.filter((p) => p > r.t - 1e-9 && p < r.t + 1e-9)).toEqual([]);
  });

  it('a start the runtime refuses ends the created run at once (128, StartError), and a run with startError false starts [3.5]', () => {
    const t = run({ until: 60, main: [{ name: 'app', behavior: { startError: true, attempts: { 1: { startError: false } } } }] });
    const exits = of(t, 'container.exit', 'app');
    expect(exits[0]).toMatchObject({ attempt: 0, exitCode: 128, reason: 'StartError' });
    expect(exits[0]!.message).toMatch(/^failed to create containerd task: .*exec format error: unknown$/); // no command: the entrypoint
    expect(of(t, 'container.start', 'app').map((e) => e.attempt)).toEqual([1]);
    expect(of(t, 'container.waiting', 'app').map((e) => e.reason)).toContain('RunContainerError');
  });

  it('gives every event a why naming a rule or a cause', () => {
    const t = run({ until: 60, init: [{ name: 'a', behavior: { exitAfter: 1 } }], main: [{ name: 'app', behavior: { exitAfter: 5, exitCode: 3 } }] });
    for (const e of t.events) expect(e.why.length).toBeGreaterThan(10);
  });

  it('costs about the same for a healthy day as for a healthy hour (cost follows change)', () => {
    const pod = (until: number): PodDesc => ({ until, init: [{ name: 'proxy', kind: 'sidecar', readinessProbe: { periodSeconds: 1 }, livenessProbe: { periodSeconds: 1 } }], main: [{ name: 'app', readinessProbe: { periodSeconds: 1 } }] });
    const hour = simulateWithStats(buildScenario(pod(3600))).stats.steps;
    const day = simulateWithStats(buildScenario(pod(86400))).stats.steps;
    expect(day).toBeLessThan(hour * 1.5);
  });
});
