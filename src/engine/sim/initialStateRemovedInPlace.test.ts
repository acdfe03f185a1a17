// startFrom with containers an in-place restart removed (KEP-5532, [11.2]), seeded as
// restartAll.ts removeFromRuntime leaves them (sim/initialState): every run out of the runtime,
// the written status kept, the sandbox kept, and the next sync starting them with their count.
// Which run was removed follows the status the kubelet writes, convertToAPIContainerStatuses'
// podRestarting branch (read in a TypeScript port of kubelet_pods.go, library id 54531373814):
// from 1.36 (kubernetes#136964) a timeless last state and restartCount already one more; in 1.35
// the removed run as the last state, with its times, and restartCount its attempt. Each continued
// run is compared with the same pod from scratch, from the moment the reset was over.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import type { KubeVersion } from '../version';
import { gangPod } from '../testing/restartAllPods';

const POD = gangPod();

function run(version: KubeVersion, startFrom = ''): TraceEvent[] {
  const out = runScenario(`${POD}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }
until: 110s
${startFrom}`);
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return out.trace!.events;
}

/** The kubectl rows from the first RestartingAllContainers row after `from`: STATUS and the RESTARTS count, each change once. */
function rowsAfterReset(events: TraceEvent[], from: number): string[] {
  const rows = events.flatMap((e) => (e.type === 'pod.kubectl' && e.t >= from ? [`${e.status} ${parseInt(e.restarts, 10)}`] : []));
  const out = rows.slice(rows.findIndex((r) => r.startsWith('RestartingAllContainers ')));
  return out.filter((r, i) => i === 0 || r !== out[i - 1]).slice(0, 7);
}

const starts = (events: TraceEvent[], from: number) => events.flatMap((e) => (e.type === 'container.start' && e.t >= from ? [`${e.container} ${e.attempt}`] : [])).slice(0, 4);

/** No new sandbox: no ContainerCreating, no PodReadyToStartContainers change, no sandbox change after `now`. */
function keptSandbox(events: TraceEvent[], now: number): void {
  const after = events.filter((e) => e.t >= now && !e.observed);
  expect(after.filter((e) => e.type === 'pod.sandboxChanged' || (e.type === 'pod.condition' && e.condition === 'PodReadyToStartContainers'))).toEqual([]);
  expect(after.some((e) => (e.type === 'container.waiting' && e.reason === 'ContainerCreating') || (e.type === 'pod.kubectl' && e.status === 'ContainerCreating'))).toBe(false);
}

describe('seeding a container the in-place restart removed, on both sides of the 1.35/1.36 line', () => {
  it('convertToAPIContainerStatuses podRestarting, 1.36 (#136964): the timeless last state and restartCount 1 seed the removed run 0; RESTARTS and the starts go on as from scratch, in the same sandbox [11.2]', () => {
    const v = '1.36' as KubeVersion;
    const scratch = run(v);
    const removed = '{ state: waiting, reason: RestartingAllContainers, restartCount: 1, lastState: { exitCode: 137, reason: RestartingAllContainers } }';
    const continued = run(v, `startFrom:\n  now: 24s\n  containers:\n    trigger: ${removed}\n    bystander: ${removed}\n  conditions: { AllContainersRestarting: 24s }\n`);
    expect(rowsAfterReset(continued, 24)).toEqual(rowsAfterReset(scratch, 0));
    expect(rowsAfterReset(continued, 24).slice(0, 2)).toEqual(['RestartingAllContainers 2', 'Running 2']);
    expect(starts(continued, 24)).toEqual(starts(scratch, 22));
    keptSandbox(continued, 24);
    expect(continued.some((e) => e.type === 'container.exit' && e.t === 24)).toBe(false); // the timeless run draws no exit
  });

  it('convertToAPIContainerStatuses podRestarting, 1.35: the removed run is the last state, with its times, and restartCount its attempt; RESTARTS and the starts go on as from scratch [11.2]', () => {
    const v = '1.35' as KubeVersion;
    const scratch = run(v);
    const last = (startedAt: number, finishedAt: number, exitCode: number) => `{ startedAt: ${startedAt}, finishedAt: ${finishedAt}, exitCode: ${exitCode}, reason: RestartingAllContainers }`;
    const continued = run(v, [
      'startFrom:', '  now: 25s', '  containers:',
      `    trigger: { state: waiting, reason: RestartingAllContainers, restartCount: 0, lastState: ${last(1.2, 21.2, 3)} }`,
      `    bystander: { state: waiting, reason: RestartingAllContainers, restartCount: 0, lastState: ${last(1.9, 24, 137)} }`,
      '',
    ].join('\n'));
    expect(rowsAfterReset(continued, 25)).toEqual(rowsAfterReset(scratch, 0));
    expect(rowsAfterReset(continued, 25)[0]).toBe('RestartingAllContainers 0');
    expect(starts(continued, 25)).toEqual(starts(scratch, 22));
    expect(starts(continued, 25)[0]).toBe('trigger 1');
    keptSandbox(continued, 25);
  });
});
