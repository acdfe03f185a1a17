// [15.4] An exec probe answered by the container's own script (probeScript.ts, probeCommand.ts
// probeWindows): the probe workers fail a run where the script's files make the command fail, with
// the command's output, and pass it where they make it pass; elsewhere the usual rules hold.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const pod = (probe: string, script: string, sim = '') => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, '${script}']
      ${probe}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
${sim}`;

const events = (text: string): TraceEvent[] => runScenario(text).trace!.events;
const of = (evs: TraceEvent[], type: string) => evs.filter((e) => e.type === type);

describe('an exec probe answered by the container\'s script', () => {
  it('readiness `cat /tmp/ready` fails until the script\'s touch at 10 s, with cat\'s words, then passes: ready after it, never killed', () => {
    const evs = events(pod('readinessProbe: { exec: { command: [cat, /tmp/ready] }, periodSeconds: 2 }', 'sleep 10; touch /tmp/ready; sleep 3600'));
    const start = of(evs, 'container.start')[0]!.t;
    const failed = of(evs, 'probe.failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.t - start).toBeLessThan(10);
      expect(f).toMatchObject({ output: "cat: can't open '/tmp/ready': No such file or directory\n" });
    }
    const ready = of(evs, 'container.ready').map((e) => e.t);
    expect(ready).toHaveLength(1);
    expect(ready[0]! - start).toBeGreaterThanOrEqual(10);
    expect(of(evs, 'container.kill')).toEqual([]);
  });

  it('an injected failure still wins over the script: failLiveness while the file exists fails the runs, without cat\'s words', () => {
    const evs = events(pod('livenessProbe: { exec: { command: [cat, /tmp/ok] }, periodSeconds: 2 }', 'touch /tmp/ok; sleep 3600',
      'events:\n  - { at: 10s, container: app, do: failLiveness, for: 4s }\n'));
    const failed = of(evs, 'probe.failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(f).not.toHaveProperty('output');
  });

  it('a probe on a file the script never names keeps the usual rule: it passes once the app is up', () => {
    const evs = events(pod('livenessProbe: { exec: { command: [cat, /etc/other] }, periodSeconds: 2 }', 'touch /tmp/ok; sleep 3600'));
    expect(of(evs, 'probe.failed')).toEqual([]);
  });

  it('each run of the container starts the script over: the file is there again after a restart', () => {
    const evs = events(pod('livenessProbe: { exec: { command: [test, -f, /tmp/h] }, periodSeconds: 2, failureThreshold: 1 }', 'trap "exit 0" TERM; touch /tmp/h; sleep 10; rm -f /tmp/h; sleep 3600 & wait'));
    const starts = of(evs, 'container.start').map((e) => e.t);
    const kills = of(evs, 'container.kill').map((e) => e.t);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    kills.forEach((k, n) => expect(k - starts[n]!).toBeGreaterThanOrEqual(10));
    // no failed run between a restart and its own rm, 10 s later
    for (const f of of(evs, 'probe.failed')) {
      const since = f.t - starts.filter((s) => s <= f.t).at(-1)!;
      expect(since).toBeGreaterThanOrEqual(10);
    }
  });
});
