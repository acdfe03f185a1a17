// `startFrom:` of the Simulation document (issue 14): read with API-server-style problems at the
// field's line.

import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

const WORKLOAD = pod('  initContainers:\n    - {name: init, image: busybox}\n  containers:\n    - {name: app, image: nginx}\n');
const sim = (body: string) => `${WORKLOAD}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nstartFrom:\n${body}`;

describe('startFrom', () => {
  it('reads the observed state: times in seconds since creation, lastState, flags and back-off', () => {
    const r = ok(check(sim([
      '  now: 2m',
      '  containers:',
      '    init: { state: terminated, startedAt: 1s, finishedAt: 3s, exitCode: 0, reason: Completed }',
      '    app:',
      '      state: waiting',
      '      reason: CrashLoopBackOff',
      '      restartCount: 3',
      '      backoff: 40s',
      '      lastState: { startedAt: 90, finishedAt: 95, exitCode: 1 }',
      '  conditions: { Initialized: 3s, Ready: 0 }',
      '',
    ].join('\n'))).result);
    expect(r.scenario.sim.startFrom).toEqual({
      now: 120,
      containers: {
        init: { state: 'terminated', startedAt: 1, finishedAt: 3, exitCode: 0, reason: 'Completed', restartCount: 0 },
        app: { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 3, backoff: 40, lastState: { startedAt: 90, finishedAt: 95, exitCode: 1 } },
      },
      conditions: { Initialized: 3, Ready: 0 },
    });
  });

  it('applies to a Pod only: a Job\'s replacement pods start from nothing', () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: app, image: nginx}]\n';
    expect(check(`${job}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nstartFrom: { now: 5s }\n`).errors).toEqual([
      expect.stringMatching(/^12:1 startFrom: Forbidden: continuing from an observed state applies to one Pod; this workload is a Job/),
    ]);
  });

  it('reports wrong fields the way the API server words them, at their line', () => {
    const c = check(sim([
      '  now: 60s',
      '  containers:',
      '    ap: { state: running, startedAt: 1s }',
      '    init: { state: runing, startedAt: 1s }',
      '    app: { state: running, startedAt: 90s, restartCount: -1 }',
      '',
    ].join('\n')));
    expect(c.errors).toEqual([
      expect.stringMatching(/^16:5 startFrom\.containers\.ap: Not found: "ap": no container of the pod has this name \(did you mean "app"\?\)/),
      expect.stringMatching(/^17:20 startFrom\.containers\.init\.state: Unsupported value: "runing": supported values: "waiting", "running", "terminated"/),
      expect.stringMatching(/^18:39 startFrom\.containers\.app\.startedAt: Invalid value: "90s": must not be after startFrom\.now \(60s\)/),
      expect.stringMatching(/^18:58 startFrom\.containers\.app\.restartCount: Invalid value: -1: must be a whole number/),
    ]);
  });

  it('requires now, a running container\'s startedAt, a terminated run\'s exit code, and the lastState of a restarted waiting container', () => {
    expect(check(sim('  containers: {}\n')).errors).toEqual([expect.stringMatching(/^13:1 startFrom\.now: Required value/)]);
    expect(check(sim('  now: 5s\n  conditions: { Initialised: 1s }\n')).errors).toEqual([
      expect.stringMatching(/^15:17 startFrom\.conditions\.Initialised: Unsupported value: "Initialised".*\(did you mean "Initialized"\?\)/),
    ]);
    const c = check(sim([
      '  now: 60s',
      '  containers:',
      '    init: { state: terminated, finishedAt: 3s }',
      '    app: { state: waiting, restartCount: 2 }',
      '',
    ].join('\n')));
    expect(c.errors).toEqual([
      expect.stringMatching(/^16:5 startFrom\.containers\.init\.exitCode: Required value/),
      expect.stringMatching(/^17:28 startFrom\.containers\.app\.lastState: Required value/),
    ]);
  });

  it('convertToAPIContainerStatuses podRestarting, 1.36+ (kubernetes#136964): a removed container\'s timeless RestartingAllContainers last state is read as the API writes it, counted in restartCount, not as a run [11.2]', () => {
    const r = ok(check(sim([
      '  now: 30s',
      '  containers:',
      '    app:',
      '      state: waiting',
      '      reason: RestartingAllContainers',
      '      restartCount: 1',
      '      lastState: { exitCode: 137, reason: RestartingAllContainers }',
      '',
    ].join('\n'))).result);
    expect(r.scenario.sim.startFrom!.containers.app).toEqual({ state: 'waiting', reason: 'RestartingAllContainers', restartCount: 1 });
  });

  it('convertToAPIContainerStatuses podRestarting, 1.35: the removed run with its times stays the last state; 1.36+: restartCount 0 with the timeless last state is refused (the kubelet counts the removed run) [11.2]', () => {
    const r = ok(check(sim('  now: 30s\n  containers:\n    app: { state: waiting, reason: RestartingAllContainers, restartCount: 0, lastState: { startedAt: 2, finishedAt: 21, exitCode: 3, reason: RestartingAllContainers } }\n')).result);
    expect(r.scenario.sim.startFrom!.containers.app!.lastState).toEqual({ startedAt: 2, finishedAt: 21, exitCode: 3, reason: 'RestartingAllContainers' });
    expect(check(sim('  now: 30s\n  containers:\n    app: { state: waiting, reason: RestartingAllContainers, restartCount: 0, lastState: { exitCode: 137, reason: RestartingAllContainers } }\n')).errors).toEqual([
      expect.stringMatching(/^16:61 startFrom\.containers\.app\.restartCount: Invalid value: 0: a container the in-place restart removed/),
    ]);
    // the timeless last state stands for a removed run only on a container waiting RestartingAllContainers
    expect(check(sim('  now: 30s\n  containers:\n    app: { state: waiting, restartCount: 1, lastState: { exitCode: 137, reason: RestartingAllContainers } }\n')).errors).toEqual([
      expect.stringMatching(/startFrom\.containers\.app\.lastState: Required value/),
    ]);
  });
});
