// The sidecars' termination order ([8.4]), modelled on upstream's
// pkg/kubelet/kuberuntime/kuberuntime_termination_order.go: newTerminationOrdering, waitForTurn,
// containerTerminated (read at the stored 1.3x commit; the file exists since 1.29, PR #120620, and
// its non-running pre-close since #125935, 1.31, cherry-picked to 1.29 and 1.30), and its caller
// killContainer in kuberuntime_container.go.
//
// What a sidecar waits for is not its predecessors' processes but their *kills*: upstream calls
// containerTerminated(name) only after killContainer's StopContainer has returned, so a main
// container whose process exits while its preStop hook (e.g. a `sleep`) still runs keeps the
// sidecars waiting until that hook is over.

import type { PodSpecModel } from '../scenario/types';

export class TerminationOrdering {
  /** Containers whose "terminated" channel is still open. */
  private readonly open = new Set<string>();
  /** What each sidecar waits for: every main container, then the next later sidecar. */
  private readonly prereqs = new Map<string, string[]>();

  /** newTerminationOrdering: containers not running now are closed from the start. */
  constructor(pod: PodSpecModel, running: (name: string) => boolean) {
    const mains = pod.containers.map((c) => c.name);
    for (const name of mains) if (running(name)) this.open.add(name);
    let laterSidecar: string | undefined;
    for (let i = pod.initContainers.length - 1; i >= 0; i--) {
      const c = pod.initContainers[i]!;
      if (running(c.name)) this.open.add(c.name);
      if (c.kind !== 'sidecar') continue;
      this.prereqs.set(c.name, laterSidecar === undefined ? mains : [...mains, laterSidecar]);
      laterSidecar = c.name;
    }
  }

  /**
   * waitForTurn's condition: every prerequisite's channel is closed. The kernel re-checks it after
   * every step, so it starts from the prerequisite that blocked last time (O(1) while it waits).
   */
  turn(name: string): () => boolean {
    const blockers = this.prereqs.get(name) ?? [];
    let first = 0;
    return () => {
      while (first < blockers.length && !this.open.has(blockers[first]!)) first++;
      return first === blockers.length;
    };
  }

  /** Whether the container has prerequisites at all (a sidecar); main containers go at once. */
  waitsForTurn(name: string): boolean {
    return this.prereqs.has(name);
  }

  /** The prerequisite that still holds the turn back, if any (for the trace's why). */
  blocker(name: string): string | undefined {
    return (this.prereqs.get(name) ?? []).find((b) => this.open.has(b));
  }

  /** containerTerminated: called when the container's killContainer has returned. */
  containerTerminated(name: string): void {
    this.open.delete(name);
  }
}
