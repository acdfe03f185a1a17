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
// which only drops a last state the final status would show (not modelled). An eviction that finds
// the pod already terminating (deleted, or terminal) does not mark the pod worker evicted: UpdatePod
// sets `evicted` only where the kill begins the termination (pod_workers.go, the 1.27-era and 1.3x
// copies), so that termination keeps every exit.

import type { Instance } from './model';
import type { PodSim } from './podSim';
import { firstRelistAfter } from './podCache';

/** An exit (or the eviction itself) the next relist reports: the clean-up it triggers, while the kill still runs. */
export function scheduleEvictedCleanup(sim: PodSim, finishedAt = sim.now): void {
  sim.k.at(firstRelistAfter(finishedAt), () => {
    if (sim.specs().some((c) => sim.running(c.name))) removeExitedAfterEviction(sim);
  });
}

/**
 * The runs the deletor has removed by now: at a relist that reports an exit after the eviction, and
 * right before a termination's final status read (which a relist at the same instant precedes).
 */
export function removeExitedAfterEviction(sim: PodSim): void {
  const evicted = sim.evicted;
  if (!evicted?.removesContent) return;
  const exited: Instance[] = [];
  let triggered = false;
  for (const spec of sim.specs()) {
    const inst = sim.rec(spec.name).instances.at(-1);
    if (!inst || inst.state !== 'exited' || inst.finishedAt === undefined || sim.removedFromRuntime.has(inst)) continue;
    const reported = firstRelistAfter(inst.finishedAt);
    if (reported > sim.now) continue; // not reported yet
    if (reported > evicted.at) triggered = true; // a ContainerDied the pod worker answers with removeAll
    exited.push(inst);
  }
  if (!triggered) return;
  for (const inst of exited) {
    sim.removedFromRuntime.add(inst);
    sim.containerChanged(inst.container);
  }
  const names = exited.map((i) => i.container);
  sim.emit({
    type: 'node.containersRemoved', do: 'cleanUpContainersInPod',
    why: `[8.15] A PLEG relist reports ${names.length === 1 ? `${names[0]}'s exit` : 'exits'}, and the pod worker was told the pod is evicted (ShouldPodContentBeRemoved), so the kubelet's container deletor removes every exited container of the pod from the runtime: ${names.join(', ')}. The status written after the kill cannot read ${names.length === 1 ? 'its' : 'their'} exit any more: a container last written Running is inferred ContainerStatusUnknown (exit 137, one restart more); one already written Terminated keeps that.`,
  }, [evicted.id, ...exited.map((i) => i.ids.exit)]);
}
