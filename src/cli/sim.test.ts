// The `sim` command in-process (fast): status, actions, usage errors, missing files.

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../engine/run';
import { sim } from './inProcess.testkit';

const F = 'src/cli/fixtures';


describe('sim status', () => {
  it('prints one JSON object per pod, in input order', async () => {
    const r = await sim('status', `${F}/sidecar-running.yaml`, `${F}/job-completed.yaml`, '--json');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const objs = r.out.map((l) => JSON.parse(l));
    expect(objs).toHaveLength(3);
    expect(objs[0]).toEqual({
      phase: 'Running',
      conditions: {
        PodReadyToStartContainers: { status: 'True' },
        Initialized: { status: 'True' },
        ContainersReady: { status: 'True' },
        Ready: { status: 'True' },
        PodScheduled: { status: 'True' },
      },
      kubectl: { ready: '2/2', status: 'Running', restarts: '2 (10s ago)' },
    });
    expect(objs[1]).toMatchObject({ phase: 'Succeeded', kubectl: { ready: '0/2', status: 'Completed', restarts: '0' } });
    expect(objs[2]).toMatchObject({ kubectl: { status: 'Terminating' }, conditions: { DisruptionTarget: { status: 'True', reason: 'TerminationByKubelet' } } });
  });

  it('takes --now and the hidden inputs', async () => {
    const r = await sim('status', `${F}/job-completed.yaml`, '--json', '--now', '2025-03-01T11:00:00Z', '--pod-is-terminal', 'true');
    const [, deleted] = r.out.map((l) => JSON.parse(l));
    // Terminal but the containers still run: getPhase finds them running ([6.2c] comes first).
    expect(deleted.phase).toBe('Running');
    const c03 = JSON.parse((await sim('status', `${F}/init-crashloop.yaml`, '--json', '--now', '2025-03-01T10:03:00Z')).out[0]!);
    expect(c03).toMatchObject({
      phase: 'Pending',
      conditions: { Initialized: { status: 'False', reason: 'ContainersNotInitialized' } },
      kubectl: { ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '3 (2m ago)' },
    });
  });

  it('reads a List and prints readable text without --json', async () => {
    const r = await sim('status', `${F}/sandbox-gone.yaml`);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('pod default/rebooted (src/cli/fixtures/sandbox-gone.yaml:6), Kubernetes 1.37');
    expect(r.out.join('\n')).toMatch(/PodReadyToStartContainers\s+False/);
  });

  it('exits 2 with FILE:LINE:COL: FIELD.PATH: MESSAGE lines for invalid pods', async () => {
    const r = await sim('status', `${F}/invalid-pod.yaml`, `${F}/not-a-pod.yaml`, `${F}/sidecar-running.yaml`);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      `${F}/invalid-pod.yaml:6:15: spec.containers: Required value`,
      `${F}/invalid-pod.yaml:10:11: status.containerStatuses[0].name: warning: no container named "app" in the spec; ignored by the kubelet`,
      `${F}/invalid-pod.yaml:11:19: status.containerStatuses[0].restartCount: Invalid value: "three": must be an integer`,
      `${F}/invalid-pod.yaml:14:20: status.containerStatuses[0].state.running.startedAt: Invalid value: "yesterday": must be an RFC3339 timestamp, e.g. "2024-05-01T12:00:00Z"`,
      `${F}/not-a-pod.yaml:2:7: kind: Unsupported value: "Deployment": supported values: "Pod"`,
    ]);
  });

  it('reports YAML syntax errors with their position', async () => {
    const r = await sim('status', `${F}/bad-syntax.yaml`);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^src\/cli\/fixtures\/bad-syntax\.yaml:\d+:\d+: /);
  });
});

describe('sim actions', () => {
  it('prints the plan per pod as JSON lines', async () => {
    const r = await sim('actions', `${F}/init-crashloop.yaml`, `${F}/sandbox-gone.yaml`, '--json');
    expect(r.code).toBe(0);
    const [c03, rebooted] = r.out.map((l) => JSON.parse(l));
    expect(Object.keys(c03)).toEqual(['killPod', 'initContainersToStart', 'containersToStart', 'containersToKill', 'why']);
    expect(c03).toMatchObject({ killPod: false, initContainersToStart: ['init1'], containersToStart: [] });
    expect(rebooted).toMatchObject({ killPod: true, initContainersToStart: ['setup'] });
    expect(rebooted.why.join(' ')).toContain('[2.9]');
  });

  it('prints text without --json', async () => {
    const r = await sim('actions', `${F}/init-crashloop.yaml`);
    expect(r.out).toContain('  initContainersToStart  init1');
  });
});

describe('sim usage and files', () => {
  it.each([[['nope', 'x']], [[]], [['status']], [['status', 'x', '--bogus']]])('%j → exit 2 with a usage line', async (argv) => {
    const r = await sim(...argv);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^sim: /);
    expect(r.err.some((l) => l.startsWith('usage: sim run FILE'))).toBe(true);
  });

  it('--help prints the usage on stdout', async () => {
    const r = await sim('--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^usage: sim run FILE/);
  });

  it('a missing file → exit 2 with a clear message', async () => {
    const r = await sim('status', `${F}/does-not-exist.yaml`);
    expect(r).toEqual({ code: 2, out: [], err: [`sim: cannot read ${F}/does-not-exist.yaml: no such file or directory`] });
  });

  it('warns about feature gates the version ignores', async () => {
    const r = await sim('status', `${F}/sidecar-running.yaml`, '--json', '--k8s', '1.33', '--feature-gates', 'SidecarContainers=false');
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['sim: warning: --feature-gates: SidecarContainers is GA and locked to true in 1.33; ignored']);
  });
});

describe('sim run on a run the budget cuts short', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  // A year of crash loops is the costliest run of the unit tests (50,000 events; ~30 s under a
  // load of 25 on 2 cores): the engine runs it once, and the text and the JSON are printed from
  // that one result (the engine is deterministic: simProcess.test and the golden tests hold it).
  // The timeout fits that run on a loaded machine; nothing here is timed.
  it('still exits 0, warns at until on stderr, and ends the text timeline and the trace with sim.truncated', { timeout: 120_000 }, async () => {
    const runScenario = engine.runScenario;
    const results = new Map<string, ReturnType<typeof runScenario>>();
    const once = vi.spyOn(engine, 'runScenario').mockImplementation((text, opts, hooks) => {
      const key = JSON.stringify([text, opts]);
      if (!results.has(key)) results.set(key, runScenario(text, opts, hooks));
      return results.get(key)!;
    });
    const text = await sim('run', `${F}/crash-loop-year.yaml`);
    expect(text.code).toBe(0);
    expect(text.err).toEqual([
      expect.stringMatching(/^src\/cli\/fixtures\/crash-loop-year\.yaml:14:1: until: warning: the simulation stopped early, at \d+ h \d+ min of 8760 h: it reached the budget of 50,000 trace events/),
    ]);
    // (the last event is at any millisecond: from 1.36 a sync follows at once what the last one started, [0.8])
    expect(text.out[0]).toMatch(/^# Kubernetes 1\.37; ends at \d+\.\d{3} s \(stopped early: the budget of 50000 trace events, of 31536000 s\)/);
    expect(text.out.at(-1)).toMatch(/pod\s+sim\.truncated\s+budget of 50000 events reached — The simulation stopped here/);
    const json = await sim('run', `${F}/crash-loop-year.yaml`, '--json');
    const trace = JSON.parse(json.out.join('\n'));
    expect(trace.truncated).toEqual({ reason: 'events', limit: 50000, horizon: 8760 * 3600 });
    expect(trace.events.at(-1)).toMatchObject({ type: 'sim.truncated', t: trace.end });
    expect(once).toHaveBeenCalledTimes(2);
    expect(results.size).toBe(1);
  });
});

describe('sim run --requeue-jitter ([4.6])', () => {
  it('places the kubelet\'s jittered requeue: the restarts after a back-off come later; a value outside 0 to 1 is a usage error', async () => {
    const starts = async (...extra: string[]) => {
      const r = await sim('run', 'src/scenarios/10-crashloopbackoff-timing.yaml', '--json', '--until', '2m', '--k8s', '1.35', ...extra);
      expect(r.code).toBe(0);
      const trace = JSON.parse(r.out.join('\n'));
      return trace.events.filter((e: { type: string }) => e.type === 'container.start').map((e: { t: number }) => e.t);
    };
    const earliest = await starts();
    const mean = await starts('--requeue-jitter', '0.5');
    expect(mean.slice(0, 2)).toEqual(earliest.slice(0, 2)); // the first restart waits for no back-off
    expect(mean[2]).toBeGreaterThan(earliest[2]); // the first back-off's restart: its requeue waited 1.25 times
    expect(await starts('--requeue-jitter', '0')).toEqual(earliest);
    const bad = await sim('run', 'src/scenarios/10-crashloopbackoff-timing.yaml', '--requeue-jitter', '2');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--requeue-jitter: expected a number from 0/);
  });
});
