// KEP-4781 (1.35): with ChangeContainerStatusOnKubeletRestart off, its default, the kubelet keeps
// what the written status says (Started, Ready) instead of starting over: after its own restart
// ([0.2]: the probe workers start from the written status; [6.1]: getPhase sees a sidecar's
// started), and, through convertToAPIContainerStatuses's copy by name, for a container it
// replaced ([5.15]). The gate does not exist before 1.35; turned on, it restores the old behaviour.

import type { PodSim } from './podSim';

export function keepsStatusAcrossKubeletRestart(sim: Pick<PodSim, 'minor' | 'gates'>): boolean {
  return sim.minor >= 35 && !sim.gates.ChangeContainerStatusOnKubeletRestart;
}
