// computeInitContainerActions: which init containers (regular and sidecar) to start or kill next
// ([2.1]–[2.6], [3.1]). Upstream: KR/kuberuntime_container.go computeInitContainerActions.
// The loop walks the init containers from the last to the first, so that completed init
// containers removed from the runtime are not run again, exactly as upstream.

import { explain } from './actionReasons';
import { isRestartableInit, restartsOnFailure } from './restartPolicy';
import type { ContainerForActions, PodActions, PodActionsInput } from './podActionsTypes';

function imageChanged(c: ContainerForActions, input: PodActionsInput): boolean {
  const rt = input.runtime[c.name];
  return rt?.image !== undefined && rt.image !== c.image;
}

/**
 * Whether some main container has been created or is running: init must have completed before
 * ([3.1]). The legacy findNextInitContainerToRun counts a Running one only ([2.10]); from 1.37
 * (#138514) computeInitContainerActions reads podStatus.ActiveContainerStatuses, so a main container
 * left Created in an earlier sandbox no longer counts.
 */
export function anyMainContainerActive(input: PodActionsInput): boolean {
  return input.containers.some((c) => {
    const rt = input.runtime[c.name];
    if (rt === undefined || (rt.previousSandbox === true && input.initProgressActiveSandboxOnly === true)) return false;
    if (rt.state === 'exited') return input.initProgressCountsExited === true; // 1.28 with the gate on, before #120269
    return rt.state === 'running' || (rt.state === 'created' && !input.legacyInitProgress);
  });
}

/**
 * Fills `changes` with the init containers to start and kill. Returns whether the pod has
 * initialized, i.e. whether main containers may be considered.
 */
export function computeInitContainerActions(input: PodActionsInput, changes: PodActions): boolean {
  const inits = input.initContainers;
  if (inits.length === 0) return true;

  let podHasInitialized = anyMainContainerActive(input);
  let previouslyInitialized = podHasInitialized;
  const toStart: number[] = [];
  const last = inits.length - 1;

  for (let i = last; i >= 0; i--) {
    const c = inits[i]!;
    const rt = input.runtime[c.name];
    const sidecar = isRestartableInit(c);
    if (!rt) {
      if (previouslyInitialized && sidecar) {
        toStart.push(i);
        explain(changes, `[2.9] Sidecar ${c.name} has no runtime record though the pod initialized before, so it is started again.`, { container: c.name });
      }
      continue;
    }
    if (previouslyInitialized && !sidecar) continue; // only sidecars are kept running after init

    switch (rt.state) {
      case 'created':
        if (input.createdInitWaits) {
          changes.why.push(`[2.7] Init container ${c.name} is in Created: in 1.28 the kubelet waits for it to start, and it never will (fixed by #126543 from 1.29).`);
          break;
        }
        toStart.push(i);
        explain(changes, `[2.7] Init container ${c.name} is stuck in Created, so the kubelet starts it again.`, { container: c.name, after: c.name });
        break;
      case 'running': {
        if (!sidecar) break; // a regular init container: wait for it to finish
        if (c.startupProbe) {
          const startup = input.startup[c.name];
          if (startup === undefined) break; // the startup probe has not decided yet: wait ([2.2])
          if (startup === 'failure') {
            changes.containersToKill.push({ name: c.name, reason: 'StartupProbe', message: `Init container ${c.name} failed startup probe` });
            toStart.push(i);
            explain(changes, `[2.4] Sidecar ${c.name} failed its startup probe: it is killed and restarted, whatever the pod's restartPolicy.`, { container: c.name, after: c.name });
            break;
          }
        }
        if (i === last) {
          podHasInitialized = true;
        } else if (!previouslyInitialized) {
          toStart.push(i + 1);
          explain(changes, `[2.1] Sidecar ${c.name} is started, so the next init container ${inits[i + 1]!.name} may start.`, { container: inits[i + 1]!.name, after: c.name });
        }
        if (!input.sidecarImageChangeIgnored && imageChanged(c, input)) {
          changes.containersToKill.push({ name: c.name, reason: 'SpecChanged', message: `Init container ${c.name} definition changed` });
          toStart.push(i);
          explain(changes, `[1.8] Sidecar ${c.name}'s image changed, so it is killed and started again with the new image.`, { container: c.name, after: c.name });
          break;
        }
        if (c.livenessProbe) {
          const liveness = input.liveness[c.name];
          if (liveness === 'failure') {
            changes.containersToKill.push({ name: c.name, reason: 'LivenessProbe', message: `Init container ${c.name} failed liveness probe` });
            toStart.push(i);
            explain(changes, `[4.4] Sidecar ${c.name} failed its liveness probe: it is killed and restarted.`, { container: c.name, after: c.name });
          }
        }
        break;
      }
      case 'exited':
        if (sidecar) {
          toStart.push(i);
          explain(changes, `[4.3] Sidecar ${c.name} exited (code ${rt.exitCode ?? '?'}); sidecars are restarted whatever the pod's restartPolicy.`, { container: c.name, after: c.name });
        } else if ((rt.exitCode ?? 0) !== 0 || rt.oomKilled) {
          // isInitContainerFailed: a non-zero exit, or the runtime's reason OOMKilled whatever the code (#104650, 1.23 on)
          const failed = (rt.exitCode ?? 0) !== 0 ? `exit ${rt.exitCode}` : `OOMKilled, though it exited ${rt.exitCode ?? 0}`;
          if (!restartsOnFailure(input.restartPolicy, c, input.containerRestartRules)) {
            changes.killPod = true;
            changes.initContainersToStart = [];
            changes.killPodAfter = [c.name];
            changes.why.push(`[2.5] Init container ${c.name} failed (${failed}) and the restartPolicy is Never: the pod is killed and fails.`);
            return false;
          }
          toStart.push(i);
          explain(changes, `[2.5] Init container ${c.name} failed (${failed}); the restartPolicy allows a retry, so it is restarted.`, { container: c.name, after: c.name });
        } else if (i === last) {
          podHasInitialized = true;
        } else {
          toStart.push(i + 1);
          explain(changes, `[2.1] Init container ${c.name} exited 0, so the next one, ${inits[i + 1]!.name}, starts.`, { container: inits[i + 1]!.name, after: c.name });
        }
        break;
      default: // unknown
        if (!sidecar && !restartsOnFailure(input.restartPolicy, c, input.containerRestartRules)) {
          changes.killPod = true;
          changes.initContainersToStart = [];
          changes.killPodAfter = [c.name];
          changes.why.push(`[2.5] Init container ${c.name} is in an unknown state and the restartPolicy is Never: the pod is killed.`);
          return false;
        }
        changes.containersToKill.push({ name: c.name, reason: 'Unknown', message: `Init container is in "unknown" state, try killing it before restart` });
        toStart.push(i);
        explain(changes, `[10.3] Init container ${c.name} is in an unknown state: it is killed and started again.`, { container: c.name, after: c.name });
    }
    previouslyInitialized = true;
  }

  if (!previouslyInitialized) {
    toStart.push(0);
    explain(changes, `[2.1] No init container has run yet in this sandbox, so the first one, ${inits[0]!.name}, starts.`, { container: inits[0]!.name });
  }
  toStart.reverse();
  changes.initContainersToStart.push(...toStart.map((i) => inits[i]!.name));
  return podHasInitialized;
}
