// [2.11] kuberuntime's SyncPod (step 1, every version read: the 1.1x era, 1.27-1.30 with ctx, a
// 1.33-era copy) records Normal SandboxChanged "Pod sandbox changed, it will be killed and
// re-created." when computePodActions asks for a sandbox while an old one exists (SandboxID != "").
// Published describes show it after a node or pause-process loss, before the re-created
// containers' Pulled/Created/Started.

import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS } from '../version';
import { runFixture } from '../golden/harness';
import { buildScenario } from '../testing/build';
import { simulate } from './simulate';

describe('SandboxChanged when a sync replaces a dead sandbox [2.11]', () => {
  it('E22 (a node reboot): once, after the kubelet is back, citing the reboot, before the first container starts again', () => {
    const { trace } = runFixture('E22');
    const reboot = trace.events.find((e) => e.type === 'node.reboot')!;
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!;
    const changed = trace.events.filter((e) => e.type === 'pod.sandboxChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ attempt: 1, cause: [reboot.id] });
    expect(changed[0]!.t).toBeGreaterThanOrEqual(back.t);
    const at = trace.events.indexOf(changed[0]!);
    const firstStartAfter = trace.events.findIndex((e) => e.type === 'container.start' && e.t > reboot.t);
    expect(at).toBeLessThan(firstStartAfter);
  });

  it('a pod\'s first sandbox records nothing, in every version', () => {
    for (const version of SUPPORTED_VERSIONS) {
      const trace = simulate(buildScenario({ version, until: 30, main: [{ name: 'app', behavior: {} }] }));
      expect(trace.events.some((e) => e.type === 'pod.sandboxChanged'), version).toBe(false);
    }
  });

  it('every version replaces a rebooted Always pod\'s sandbox with the event; a Never pod whose containers ran gets no new sandbox and no event ([2.9])', () => {
    for (const version of SUPPORTED_VERSIONS) {
      const events = [{ at: 10, do: 'recreateSandbox' as const }];
      const always = simulate(buildScenario({ version, until: 40, main: [{ name: 'app', behavior: {} }], events }));
      expect(always.events.filter((e) => e.type === 'pod.sandboxChanged'), version).toHaveLength(1);
      const never = simulate(buildScenario({ version, until: 40, restartPolicy: 'Never', main: [{ name: 'app', behavior: {} }], events }));
      expect(never.events.some((e) => e.type === 'pod.sandboxChanged'), version).toBe(false);
    }
  });
});

describe('PodReadyToStartContainers after a reboot [7.1]', () => {
  // GeneratePodReadyToStartContainersCondition (status/generate.go, every copy read) recomputes the
  // condition from PodSandboxChanged at every status the kubelet generates: a dead sandbox is False.
  const readyToStart = (version: string) => {
    const trace = simulate(buildScenario({ version: version as never, until: 40, main: [{ name: 'app', behavior: {} }], events: [{ at: 10, do: 'recreateSandbox' }] }));
    const back = trace.events.find((e) => e.type === 'node.kubeletStarted')!;
    const conds = trace.events.filter((e) => e.type === 'pod.condition' && e.condition === 'PodReadyToStartContainers' && e.t > 10);
    return { back, conds: conds.map((e) => ({ t: e.t, status: e.type === 'pod.condition' ? e.status : '' })) };
  };

  it('turns False at the kubelet\'s first status after it is back, True again once the new sandbox exists (1.29+)', () => {
    for (const version of SUPPORTED_VERSIONS.filter((v) => Number(v.split('.')[1]) >= 29)) {
      const { back, conds } = readyToStart(version);
      expect(conds[0], version).toEqual({ t: back.t, status: 'False' });
      expect(conds[1]?.status, version).toBe('True');
      expect(conds[1]!.t, version).toBeGreaterThan(back.t);
    }
  });

  it('is not written in 1.27 and 1.28 (its gate is off there)', () => {
    for (const version of ['1.27', '1.28']) expect(readyToStart(version).conds, version).toEqual([]);
  });
});

describe('killSandbox: the sandbox alone dies, the kubelet and the containers live on [2.12]', () => {
  // The published exercise (a course's "tuer pause", docs/transcripts.md): kill the pause process;
  // the kubelet records SandboxChanged, then Killing "Stopping container web", makes a new
  // sandbox (new IP), and web's restart count goes up by one.
  const run = (restartPolicy: 'Always' | 'Never', at = 20) => simulate(buildScenario({
    until: 60, restartPolicy,
    init: [{ name: 'init', behavior: { exitAfter: 2 } }],
    main: [{ name: 'web', behavior: {} }],
    events: [{ at, do: 'killSandbox' }],
  }));

  it('at the next relist: PodReadyToStartContainers False, SandboxChanged, the running container stopped with its grace, init again, then a restart', () => {
    const trace = run('Always');
    const died = trace.events.find((e) => e.type === 'node.sandboxDied')!;
    expect(died).toMatchObject({ do: 'killSandbox', t: 20 });
    const changed = trace.events.find((e) => e.type === 'pod.sandboxChanged')!;
    expect(changed).toMatchObject({ t: 21, attempt: 1, cause: [died.id] });
    const lostCond = trace.events.find((e) => e.type === 'pod.condition' && e.condition === 'PodReadyToStartContainers' && e.t > 20)!;
    expect(lostCond).toMatchObject({ t: 21, status: 'False' });
    const kill = trace.events.find((e) => e.type === 'container.kill' && e.container === 'web')!;
    expect(kill).toMatchObject({ t: 21, reason: 'PodTermination', gracePeriodSeconds: 30 });
    expect(trace.events.indexOf(kill)).toBeGreaterThan(trace.events.indexOf(changed));
    const initAgain = trace.events.find((e) => e.type === 'container.start' && e.container === 'init' && e.attempt === 1)!;
    const webAgain = trace.events.find((e) => e.type === 'container.start' && e.container === 'web' && e.attempt === 1)!;
    expect(initAgain.t).toBeGreaterThan(kill.t);
    expect(webAgain.t).toBeGreaterThan(initAgain.t);
  });

  it('under Never the dead sandbox is not replaced ([2.9]): the container is stopped and the pod ends, without SandboxChanged', () => {
    const trace = run('Never');
    expect(trace.events.some((e) => e.type === 'pod.sandboxChanged')).toBe(false);
    expect(trace.events.find((e) => e.type === 'container.kill' && e.container === 'web')).toMatchObject({ t: 21 });
    expect(trace.events.some((e) => e.type === 'container.start' && e.attempt > 0)).toBe(false);
    expect(trace.events.filter((e) => e.type === 'pod.phase').at(-1)).toMatchObject({ phase: 'Succeeded' });
  });

  it('before the first sandbox exists it does nothing, and says so', () => {
    const trace = run('Always', 0);
    expect(trace.events.find((e) => e.type === 'node.sandboxDied')?.why).toMatch(/nothing happens/);
    expect(trace.events.some((e) => e.type === 'pod.sandboxChanged' || (e.type === 'container.start' && e.attempt > 0))).toBe(false);
  });
});
