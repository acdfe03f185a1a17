// doProbe's keep-going decision for a worker whose container is not running ([5.12]): whether it
// stays (setting Failure) or leaves its loop, and the words when it leaves. Read in worker.go doProbe
// (a 1.35-era tree, library id 264648198, and a later one, 68556262266): with ContainerRestartRules
// it stays when ContainerShouldRestart says the container restarts or, with
// RestartAllContainersOnContainerExits, ShouldAllContainersRestart holds on the written status
// (restartAll.ts); before, when the pod's restartPolicy is not Never (a sidecar's kept from 1.33's
// latest patches on).

import type { ContainerStatus } from '../api';
import { shouldRestartAfterExit } from '../kubelet/restartPolicy';
import type { ProbeKind } from '../trace';
import type { PodSim } from './podSim';
import { shouldAllContainersRestart } from './restartAll';

/** doProbe's "abort if the container will not be restarted" ([5.12]; with `forAll`, 1.35+'s ShouldAllContainersRestart too). */
export function keepsProbing(sim: PodSim, container: string, status: ContainerStatus, forAll = true): boolean {
  const spec = sim.rec(container).spec;
  const exitCode = status.state.terminated?.exitCode ?? 0;
  if (sim.gates.ContainerRestartRules) {
    return shouldRestartAfterExit(sim.pod.restartPolicy, spec, exitCode, true)
      || (forAll && sim.gates.RestartAllContainersOnContainerExits && shouldAllContainersRestart(sim));
  }
  // #133072 (1.35) was cherry-picked to 1.33 and 1.34 (#134801, #134800, both merged), not to
  // 1.32 (#134802, closed): the latest patch of 1.33+ keeps a sidecar's worker ([5.12]).
  return sim.pod.restartPolicy !== 'Never' || (spec.kind === 'sidecar' && sim.minor >= 33);
}

/** Why the worker leaves its loop ([5.12]). */
export function exitWhy(sim: PodSim, container: string, kind: ProbeKind): string {
  const sidecar = sim.rec(container).spec.kind === 'sidecar';
  return `[5.12] ${container} terminated and the pod's restartPolicy is ${sim.pod.restartPolicy}, so its ${kind} probe worker stops and its result is dropped`
    + (sidecar ? ' (up to 1.32 this happens to a sidecar as well, although the kubelet restarts it: a sidecar with a startup probe then never counts as started, #132826).' : '.');
}
