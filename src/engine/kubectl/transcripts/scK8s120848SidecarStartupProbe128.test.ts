// kubernetes/kubernetes#120848, "SideCar startupProbe on 1.28" (2023-09-24), on kind v1.28.0 with the
// SidecarContainers gate on: a native sidecar `logshipper` whose command ends by itself (`sleep 3`,
// then one echo into a shared file) and whose startup probe is `exec: true` every second, in front of
// `myapp`. Manifest and the published words: fixtures/sc-k8s120848-logshipper-startup.yaml.
// Published: with `sleep 3` "the startupProbe [passes] and the container `myapp` starts ok"; "if i
// remove the `sleep` … the `myapp` container never start". The kubelet's reason, as the engine has it:
// a sidecar is started only by a startup-probe success while it runs ([2.2]); a probe worker that finds
// its container not running sets Failure without probing ([5.3]); the sidecar is restarted whatever
// its exit code ([4.3]) with a growing back-off ([4.5]); so one that exits before any probe ran is
// never started, and the main container waits behind it forever ([2.1], [7.2]).
// Run at 1.28 (the issue's, gate on) and at 1.29, 1.31, 1.33, 1.35, 1.36, 1.37: the published outcome
// holds on every version.
// Not compared: the "or if i reduce it to anything shorter than 3 seconds". That is a race
// between the sidecar's exit and the worker's first probe, which runs at the first tick after the
// status shows the container running (doProbe, pkg/kubelet/prober/worker.go, read at 00421113, the
// 1.28-era file): 0-1 s of PLEG relist plus 0-1 s of ticker phase after the start. The engine fixes
// both phases and probes 1.8 s after the start up to 1.35 (0.8 s from 1.36, [0.8]): `sleep 1` never
// starts myapp there, `sleep 2` does; on the node either can go both ways.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/sc-k8s120848-logshipper-startup.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.28', '1.29', '1.31', '1.33', '1.35', '1.36', '1.37'];

/** The pod at a version: the SidecarContainers gate set only where it is not on by default. */
function scenario(version: string, withSleep = true): string {
  const text = version === '1.28' ? FIXTURE : withVersion(FIXTURE, version).replace('featureGates:\n  SidecarContainers: true\n', '');
  if (withSleep) return text;
  // the manifest's own line (the fixture's header quotes it too, behind a `#`)
  const noSleep = text.replace("\n      command: ['sh', '-c', 'sleep 3 ; echo", "\n      command: ['sh', '-c', 'echo");
  expect(noSleep).not.toBe(text);
  return noSleep;
}

function eventsOf(text: string): TraceEvent[] {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events;
}

const starts = (events: TraceEvent[], container: string) => events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);
const startupSuccesses = (events: TraceEvent[]) => events.filter((e) => e.type === 'probe.result' && e.container === 'logshipper' && e.probe === 'startup' && e.result === 'success').map((e) => e.t);
const initialized = (events: TraceEvent[]) => events.filter((e) => e.type === 'pod.condition' && e.condition === 'Initialized' && e.status === 'True');

describe('transcript: kubernetes/kubernetes#120848, a sidecar that exits by itself, gated by a startup probe (kind v1.28.0)', () => {
  it.each(VERSIONS)('with `sleep 3` the startup probe passes while logshipper runs, and myapp starts (%s) [2.2] [5.4] [2.1]', (version) => {
    const events = eventsOf(scenario(version));
    const sidecarStart = starts(events, 'logshipper')[0]!;
    const firstExit = events.find((e) => e.type === 'container.exit' && e.container === 'logshipper')!.t;
    const started = startupSuccesses(events)[0]!;
    expect(started).toBeGreaterThan(sidecarStart);
    expect(started).toBeLessThan(firstExit);
    expect(firstExit - sidecarStart).toBeCloseTo(3, 6);
    const myapp = starts(events, 'myapp');
    expect(myapp.length).toBeGreaterThanOrEqual(1);
    expect(myapp[0]!).toBeGreaterThan(started);
    expect(initialized(events).length).toBeGreaterThanOrEqual(1);
  });

  it.each(VERSIONS)('without the sleep logshipper is restarted again and again, never started, and myapp never starts in 10 minutes (%s) [5.3] [4.3] [4.5] [7.2]', (version) => {
    const events = eventsOf(scenario(version, false));
    expect(starts(events, 'myapp')).toEqual([]);
    expect(startupSuccesses(events)).toEqual([]);
    expect(initialized(events)).toEqual([]);
    // a crash loop of exits 0: at least five runs in the 600 s (10, 20, 40, 80, 160 s back-offs)
    expect(starts(events, 'logshipper').length).toBeGreaterThanOrEqual(5);
    const rows = events.filter((e) => e.type === 'pod.kubectl');
    expect(rows.every((e) => e.ready === '0/2' && e.status !== 'Running')).toBe(true);
  });
});
