// The pod phase while a rebooted node re-runs the init containers, version by version ([6.1],
// [6.2b]). Upstream: getPhase in pkg/kubelet/kubelet_pods.go (the stored 1.29-era file), #126653
// (1.32.0: a pending regular init container counts again once a main container has a status; issue
// #126650) and #128516 (1.33.0: podHasInitialized from the current sandbox's containers,
// HasAnyActiveRegularContainerStarted; issue #127793, whose e2e case is E70). The fixtures are E22
// (regular init containers) and E70 (a sidecar between them), run at the versions on each side.
import { describe, expect, it } from 'vitest';
import { fixtureText } from './harness';
import { eventsOf, expectThat, phaseAt, times } from './logAssertions';
import { runScenario } from '../run';
import type { Trace } from '../trace';

function run(name: string, version: string): Trace {
  const res = runScenario(fixtureText(name), { fileName: `${name}.yaml`, kubernetesVersion: version });
  if (!res.trace) throw new Error(`${name}.yaml did not run at ${version}`);
  return res.trace;
}

const REBOOT = 30; // both fixtures' recreateSandbox

/** The phases written from the reboot until the main container runs again. */
function phasesDuringReinit(trace: Trace): string[] {
  const mainBack = times(trace, 'container.start', 'regular-1').find((t) => t > REBOOT)!;
  return eventsOf(trace, 'pod.phase').filter((e) => e.t > REBOOT && e.t < mainBack).map((e) => e.phase!);
}

/** When init-3 runs again after the reboot (it runs 5 s). */
function init3Rerun(trace: Trace): number {
  return times(trace, 'container.start', 'init-3').find((t) => t > REBOOT)! + 1;
}

describe('getPhase after a node reboot, regular init containers only (E22; #126650, fixed by #126653 in 1.32)', () => {
  for (const v of ['1.28', '1.31']) {
    it(`[6.2b] ${v}: the phase stays Running while init-1..3 run again (regular-1's old Terminated status counts as started)`, () => {
      const trace = run('E22', v);
      expectThat(trace, phasesDuringReinit(trace).every((p) => p === 'Running') && phaseAt(trace, init3Rerun(trace)) === 'Running',
        `phase Running throughout the re-initialization (phases ${phasesDuringReinit(trace).join(', ')})`, ['init-3', 'regular-1']);
    });
  }
  for (const v of ['1.27', '1.32', '1.36']) {
    it(`[6.2b] ${v}: the phase is Pending while a regular init container runs again`, () => {
      const trace = run('E22', v);
      expectThat(trace, phaseAt(trace, init3Rerun(trace)) === 'Pending',
        `phase Pending while init-3 runs again (got ${phaseAt(trace, init3Rerun(trace))})`, ['init-3', 'regular-1']);
    });
  }
});

describe('getPhase after a node reboot with a sidecar (E70; #127793, fixed by #128516 in 1.33)', () => {
  /** From init-3's exit to regular-1's new start: only the sidecar is pending. */
  function phaseBeforeMainRestarts(trace: Trace): string {
    const mainBack = times(trace, 'container.start', 'regular-1').find((t) => t > REBOOT)!;
    return phaseAt(trace, mainBack - 0.1);
  }
  it('[6.1] 1.32: once the regular init containers are done, the not-yet-started sidecar no longer keeps it Pending (regular-1\'s old status counts)', () => {
    const trace = run('E70', '1.32');
    expectThat(trace, phaseBeforeMainRestarts(trace) === 'Running', `Running before regular-1 restarts (got ${phaseBeforeMainRestarts(trace)})`, ['restartable-init-2', 'regular-1']);
  });
  // (from 1.35 getPhase sees the sidecar's started, [6.1], so it is Running again once init-3 is done)
  for (const v of ['1.33', '1.34']) {
    it(`[6.1] ${v}: Pending until a main container runs in the new sandbox`, () => {
      const trace = run('E70', v);
      expectThat(trace, phaseBeforeMainRestarts(trace) === 'Pending', `Pending before regular-1 restarts (got ${phaseBeforeMainRestarts(trace)})`, ['restartable-init-2', 'regular-1']);
    });
  }
});

describe('getPhase while every main container is in CrashLoopBackOff beside a running sidecar (HasAnyRegularContainerStarted up to 1.32)', () => {
  const text = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: crashloop-beside-sidecar }
spec:
  initContainers:
    - { name: proxy, image: envoy:1, restartPolicy: Always }
  containers:
    - { name: app, image: app:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  proxy: { pull: 0 }
  app: { pull: 0, exitAfter: 5s, exitCode: 1 }
`;
  const phasesOf = (version: string): string[] => {
    const res = runScenario(text(version));
    if (!res.trace) throw new Error(`did not run at ${version}`);
    return eventsOf(res.trace, 'pod.phase').map((e) => `${e.t}:${e.phase!}`);
  };
  it('[6.1] 1.29-1.32: once app waits in its back-off (Waiting, not Running or Terminated) the running sidecar, not seen as started, makes it Pending again', () => {
    for (const v of ['1.29', '1.32']) {
      const phases = phasesOf(v).map((p) => p.split(':')[1]);
      expect(phases.slice(0, 3), v).toEqual(['Pending', 'Running', 'Pending']);
    }
  });
  it('[6.1] 1.33+: app ran in this sandbox, so the pod stays Running', () => {
    for (const v of ['1.33', '1.36']) {
      expect(phasesOf(v).map((p) => p.split(':')[1]), v).toEqual(['Pending', 'Running']);
    }
  });
});
