// [8.15] An evicted pod loses its exited containers while it is being killed. Upstream (kubelet.go
// syncLoopIteration, a 1.32-era tree; the same 1.27-1.37): every PLEG ContainerDied event calls
// cleanUpContainersInPod, which asks the pod worker ShouldPodContentBeRemoved (pod_workers.go:
// IsEvicted() || (IsDeleted() && IsTerminated())); UpdatePod marks the pod evicted when killPodNow
// passes KillPodOptions.Evict, which only the eviction manager does (the node shutdown manager
// passes false). The container deletor (pod_container_deletor.go deleteContainersInPod with
// removeAll) then removes every exited container of the pod at once. SyncTerminatingPod reads the
// runtime itself once killPod returns (GetPodStatus), so a container removed by then is missing
// from the final status: convertToAPIContainerStatuses infers a stop it never saw (vanishedContainer.ts,
// ContainerStatusUnknown, one restart more) and getPhase counts it stopped, never succeeded.
// Read by a helper in session 45 (memo: kubernetes#122160's root cause, #137992's dump).
//
// When: a container's exit is reported by the first relist after it; a report after the eviction
// triggers the removal of every container exited by then, and each later report of the kill's own
// exits removes that one too. The last container(s) to stop are reported a relist after the kill
// ends, when the final status is already read (upstream races that relist against the sandbox's
// stop; the engine has no sandbox-stop time, so they keep their real exit). A relist at the very
// instant the kill ends is taken to come first (the sandbox's stop takes longer than a relist's
// handling). Only each container's newest run is handled: upstream removes older dead runs too,
// which only drops a last state the final status would show (not modelled).

import type { Instance } from './model';
import type { PodSim } from './podSim';
import { firstRelistAfter } from './podCache';

/** Right before a termination's final status read: the runs the deletor has removed by now go from the runtime. */
export function removeExitedAfterEviction(sim: PodSim): void {
  const evicted = sim.evicted;
  if (!evicted) return;
  const exited: Instance[] = [];
  let triggered = false;
  for (const spec of sim.specs()) {
    const inst = sim.rec(spec.name).instances.at(-1);
    if (!inst || inst.state !== 'exited' || inst.finishedAt === undefined || sim.removedFromRuntime.has(inst)) continue;
    const reported = firstRelistAfter(inst.finishedAt);
    if (reported > sim.now) continue; // reported after the final read
    if (reported > evicted.at) triggered = true; // a ContainerDied the pod worker answers with removeAll
    exited.push(inst);
  }
  if (!triggered) return;
  for (const inst of exited) {
    sim.removedFromRuntime.add(inst);
    sim.containerChanged(inst.container);
  }
}
