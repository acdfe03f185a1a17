import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../engine/run';
import { galleryFiles } from '../../../scenarios/gallery';
import { sidecarPodTrace } from '../../../state/testFixtures';
import { ending, firstDifference, firstDifferentMoment, laneBars } from './traceDiff';

function trace(file: string) {
  const t = runScenario(galleryFiles[file]!).trace;
  if (!t) throw new Error(file);
  return t;
}

describe('comparing two traces', () => {
  it('finds nothing between a trace and itself, nor in the order of same-moment events', () => {
    const a = sidecarPodTrace();
    expect(firstDifference(a, sidecarPodTrace())).toBeNull();
    const shuffled = { ...a, events: [...a.events] };
    const i = shuffled.events.findIndex((e) => e.t === 4.5);
    [shuffled.events[i], shuffled.events[i + 1]] = [shuffled.events[i + 1]!, shuffled.events[i]!];
    expect(firstDifference(a, shuffled)).toBeNull();
  });

  it('points at the first moment that differs, with each side\'s event there', () => {
    const a = sidecarPodTrace();
    const b = { ...a, events: a.events.map((e) => (e.type === 'container.exit' && e.container === 'init-mydb' ? { ...e, exitCode: 1, reason: 'Error' as const } : e)) };
    const d = firstDifference(a, b)!;
    expect(d.t).toBe(7.5);
    expect(d.a).toMatchObject({ type: 'container.exit', exitCode: 0 });
    expect(d.b).toMatchObject({ type: 'container.exit', exitCode: 1 });
    const later = { ...a, events: a.events.map((e) => (e.t === 12.5 ? { ...e, t: 13 } : e)) };
    expect(firstDifference(a, later)).toMatchObject({ t: 12.5, b: null });
    // Any event counts for the raw comparison; only the pod's story for firstDifference.
    const reworded = { ...a, events: a.events.map((e) => (e.type === 'container.waiting' ? { ...e, reason: 'Other' } : e)) };
    expect(firstDifferentMoment(a, reworded)?.t).toBe(0.5);
    expect(firstDifference(a, reworded)).toBeNull();
  });

  it('the Job that never finishes: the native sidecar starts first, and the two end differently', () => {
    const legacy = trace('01-job-never-finishes-legacy.yaml');
    const native = trace('01-job-never-finishes-native.yaml');
    const d = firstDifference(legacy, native)!;
    expect(d.a).toMatchObject({ type: 'container.start', container: 'pi' });
    expect(d.b).toMatchObject({ type: 'container.start', container: 'log-shipper' });
    expect(ending(legacy).phase).toBe('Running');
    expect(ending(native).phase).toBe('Succeeded');
  });

  it('the app before its proxy: the sides part when the proxy counts as started without a probe', () => {
    const d = firstDifference(trace('02-app-before-proxy-no-gate.yaml'), trace('02-app-before-proxy-startup-probe.yaml'))!;
    expect(d.a).toMatchObject({ type: 'container.started', container: 'istio-proxy' });
    expect(d.b).toBeNull();
  });

  it('lane bars: running from start to exit, ready inside it, exits with their codes', () => {
    const bars = laneBars(sidecarPodTrace());
    expect(bars.map((b) => b.name)).toEqual(['init-myservice', 'init-mydb', 'istio-proxy', 'myapp-container']);
    expect(bars[0]).toEqual({ name: 'init-myservice', kind: 'init', segments: [{ start: 0.5, end: 4.5, kind: 'running' }], exits: [{ t: 4.5, code: 0 }] });
    expect(bars[2]!.segments).toEqual([{ start: 9.5, end: 120, kind: 'running' }, { start: 11.5, end: 120, kind: 'ready' }]);
    // A completed init container that reports ready afterwards has no ready stretch.
    const t = sidecarPodTrace();
    t.events.splice(7, 0, { t: 4.5, type: 'container.ready', container: 'init-myservice', attempt: 0, why: 'fixture' });
    expect(laneBars(t)[0]!.segments).toEqual([{ start: 0.5, end: 4.5, kind: 'running' }]);
  });
});

describe('what the node does is part of the story', () => {
  it('a dead sandbox against a crash (gallery 15): they part at 20 s, where one side\'s app exits and the other\'s sandbox dies', () => {
    const d = firstDifference(trace('15-crash-vs-dead-sandbox-crash.yaml'), trace('15-crash-vs-dead-sandbox-sandbox.yaml'))!;
    expect(d.t).toBe(20);
    expect(d.a).toMatchObject({ type: 'container.exit', container: 'app' });
    expect(d.b).toMatchObject({ type: 'node.sandboxDied', do: 'killSandbox' });
  });
});
