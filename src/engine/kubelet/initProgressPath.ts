// Which code reads a pod's init progress ([2.10]). Upstream: computePodActions and SyncPod in
// KR/kuberuntime_manager.go, read at the 1.28-era stored version (the legacy branch when the
// SidecarContainers gate is off) and a 1.33+ version (the legacy branch only for a pod without a
// restartable init container and with LegacySidecarContainers on); #127162 (1.31, cherry-picked to
// 1.29 and 1.30: the legacy branch for a pod without sidecars); LegacySidecarContainers in
// pkg/features/kube_features.go (GA and on until 1.33, then deprecated and off by default).
//
// The legacy branch, findNextInitContainerToRun, counts the pod as initialized when some main
// container is Running; computeInitContainerActions also counts a Created one. They differ when
// a main container was left Created in the previous sandbox (a node reboot between its create
// and its start): #137710, #140309, fixed in 1.37 by #138514 (merged for v1.37.0-rc.0, released
// 2026-08-26), which makes computeInitContainerActions read podStatus.ActiveContainerStatuses (the
// current sandbox's containers) instead of FindContainerStatusByName over every sandbox.

import { isRestartableInit, type PolicyContainer } from './restartPolicy';

/** Whether findNextInitContainerToRun (the legacy branch) decides this pod's init progress. */
export function usesLegacyInitProgress(minorVersion: number, sidecarGate: boolean, initContainers: readonly PolicyContainer[]): boolean {
  if (minorVersion <= 27 || !sidecarGate) return true;
  if (minorVersion === 28) return false; // the gate is the only test in 1.28
  if (minorVersion >= 33) return false; // LegacySidecarContainers is off by default from 1.33
  return !initContainers.some(isRestartableInit);
}

/**
 * [2.10] Whether computeInitContainerActions counts an Exited main container as initialized too: 1.28's
 * podHasInitialized is hasAnyRegularContainerCreated (Created, Running or Exited; kuberuntime_container.go
 * as stored, library id 41926215), so after a node reboot the old sandbox's exited app makes the pod
 * "initialized": the regular init containers are skipped and the app restarts beside the first one
 * (kubernetes#120247). #120269 ("Restart containers in right order with SidecarContainers enabled")
 * left Exited out, in 1.29.0 and no 1.28.x release. Only where that function reads the progress (1.28
 * with the gate on), not the legacy branch.
 */
export function exitedMainCountsAsInitialized(minorVersion: number, legacyInitProgress: boolean): boolean {
  return minorVersion === 28 && !legacyInitProgress;
}

/** Whether computeInitContainerActions reads only the current sandbox's main containers (#138514, 1.37+). */
export function initProgressReadsActiveSandbox(minorVersion: number): boolean {
  return minorVersion >= 37;
}

/**
 * [2.7] Whether computeInitContainerActions waits for an init container stuck in Created (1.28's
 * `case ContainerStateCreated: // nothing to do but wait for it to start`, the upstream table's
 * "initialization in progress; do nothing"); #126543 restarts it, merged for 1.31 and cherry-picked
 * to 1.29 and 1.30 (#127212, #127213), so the latest patches of 1.29+ restart it. Only where that
 * function reads the progress, not the legacy branch.
 */
export function createdInitContainerWaits(minorVersion: number, legacyInitProgress: boolean): boolean {
  return minorVersion === 28 && !legacyInitProgress;
}

/**
 * [1.8] Whether a running sidecar whose image changed is killed and started again: from 1.32
 * (#126525, "Restart sidecar container when the image has changed", after kubernetes#121333
 * "Sidecar container will not be restarted when image was changed"); before, nothing acted on it.
 */
export function sidecarImageChangeRestarts(minorVersion: number): boolean {
  return minorVersion >= 32;
}
