// kubectl's surprises, spelled out for one pod: why the STATUS column (or RESTARTS) says what it
// says when it looks wrong. Read from printPod (PR printers.go printPod, as
// src/engine/kubectl/printPod.ts follows it) and the phase rules ([6.2], [6.3]).

import type { ApiPod } from '../api';
import type { KubectlColumns } from '../kubectl/printPod';
import type { PodPhase } from '../trace';

/**
 * RESTARTS counting a restart that never ran (kubernetes#105358, #122160, #137992). When the runtime
 * no longer lists a container whose written state was Running, convertToAPIContainerStatuses
 * (pkg/kubelet/kubelet_pods.go, the stored copy at df5f0243, 1.31-era, and every older copy read)
 * leaves it in the default Waiting state with lastState ContainerStatusUnknown (exit 137, no times,
 * "The container could not be located when the pod was deleted.  The container used to be Running")
 * and, as the pod has no deletionTimestamp, adds 1 to restartCount ("If the pod was not deleted,
 * then it's been restarted"), whatever the restartPolicy. An eviction deletes nothing, and the
 * kubelet removes an evicted pod's exited containers while it still kills the others (every PLEG
 * ContainerDied calls cleanUpContainersInPod, which removes them all once the pod worker says
 * IsEvicted: [8.15], sim/evictedCleanup.ts; #122160's diagnosis), so the status generated after the
 * kill takes that branch. Said only where nothing can
 * have restarted: a terminal pod, or a container under restartPolicy Never.
 */
function unknownRestartQuirk(pod: ApiPod, kubectl: KubectlColumns): string | undefined {
  if (pod.deletionTimestamp !== undefined) return undefined;
  const terminal = pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded';
  const specs = [...pod.spec.initContainers, ...pod.spec.containers];
  const never = (name: string) => (specs.find((c) => c.name === name)?.restartPolicy ?? pod.spec.restartPolicy) === 'Never';
  const guessed = [...pod.status.initContainerStatuses, ...pod.status.containerStatuses]
    .filter((s) => s.lastState.terminated?.reason === 'ContainerStatusUnknown' && s.restartCount > 0 && (terminal || never(s.name)));
  if (guessed.length === 0) return undefined;
  const names = guessed.map((s) => s.name).join(', ');
  const policy = guessed.every((s) => never(s.name)) ? ' under restartPolicy Never' : '';
  return `RESTARTS ${kubectl.restarts.split(' ')[0]} although nothing restarted${policy}: ${names}'s lastState ContainerStatusUnknown (exit 137, no times) is the kubelet's guess, not a run. The runtime no longer listed a container last written as Running (the kubelet removes an evicted pod's containers right after the kill), so convertToAPIContainerStatuses wrote that lastState and, the pod not being deleted, counted a restart (kubernetes#105358, #122160, #137992) [10.4].`;
}

export function kubectlQuirks(pod: ApiPod, kubectl: KubectlColumns, phase: PodPhase): string[] {
  const out: string[] = [];
  const st = kubectl.status;
  const sidecars = pod.spec.initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name);
  if (st.startsWith('Init:') && phase === 'Running') {
    out.push(`STATUS says ${st} although the phase is Running: kubectl names the first init container that is not done, a sidecar that stopped or is not started counts, even once the main containers run [6.2] [6.3].`);
  } else if (st.startsWith('Init:') && /^Init:\d+\/\d+$/.test(st)) {
    const [done, total] = st.slice(5).split('/');
    out.push(`STATUS ${st}: ${done} of ${total} init containers are done; the count is the position of the first one that is not (a sidecar is done once it is started) [2.1] [2.2].`);
  }
  if (st === 'Completed' && kubectl.ready !== `0/${kubectl.ready.split('/')[1]}`) {
    out.push(`READY ${kubectl.ready} with STATUS Completed: the main container finished, but ${sidecars.length ? `the sidecar${sidecars.length > 1 ? 's' : ''} (${sidecars.join(', ')}) still count${sidecars.length > 1 ? '' : 's'} as ready until the kubelet stops ${sidecars.length > 1 ? 'them' : 'it'}` : 'a container still counts as ready'} [8.1] [6.3].`);
  }
  if ((st === 'CrashLoopBackOff' || st === 'Error' || st === 'OOMKilled') && phase === 'Running') {
    out.push(`STATUS ${st} while the phase is Running: the phase only says some container runs or will restart; the STATUS column shows the last container's waiting or terminated reason [6.2].`);
  }
  if (st === 'Terminating') {
    out.push(phase === 'Succeeded' || phase === 'Failed'
      ? `Terminating is not a phase: this pod is already ${phase}, but kubectl up to 1.30 prints Terminating for any pod with a deletionTimestamp; from 1.31 it prints a finished pod's own STATUS (kubernetes#122038) [14.4].`
      : 'Terminating is not a phase: kubectl prints it for any pod with a deletionTimestamp whose phase is not yet Succeeded or Failed [8.1] [14.4].');
  }
  if (st === 'Completed' && phase === 'Failed') {
    out.push('STATUS Completed although the pod Failed: kubectl walks the main containers from the last to the first, so the first one listed with a reason names STATUS (here one that completed), not the one that failed; from 1.35 the failure\'s reason wins (kubernetes#124766) [14.3].');
  }
  const podReason = pod.status.reason;
  if (podReason && st !== podReason && st !== 'Terminating' && st !== 'Unknown') {
    out.push(`The pod's own reason is ${podReason} (status.reason), but STATUS shows ${st}: kubectl starts from the pod's reason and a container's waiting or terminated reason replaces it [14.1] [14.3].`);
  }
  const unknownRestart = unknownRestartQuirk(pod, kubectl);
  if (unknownRestart) out.push(unknownRestart);
  if (st === 'NotReady') {
    out.push('NotReady: a container completed while another still runs, and the pod is not Ready, so kubectl prints NotReady instead of Completed.');
  }
  if (pod.spec.initContainers.some((c) => c.restartPolicy !== 'Always') && pod.status.conditions.some((c) => c.type === 'Initialized' && c.status === 'True')) {
    out.push('RESTARTS counts only the sidecars and main containers once the pod is initialized: restarts of regular init containers no longer show.');
  }
  return out;
}
