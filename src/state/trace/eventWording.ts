// The messages of the kubelet's Created and Started events, by Kubernetes version (rule [10.6]).
// Upstream: startContainer's recordContainerEvent calls, pkg/kubelet/kuberuntime/kuberuntime_container.go.
//   to 1.31     fmt.Sprintf("Created container %s", name) / fmt.Sprintf("Started container %s", name)
//               (published 1.27/1.28 dump: devfile/devworkspace-operator#1168; a 1.30-era fork tree,
//               HirazawaUi/kubernetes 7cd11694, ImageRuntimeHandler but no image volumes yet)
//   1.32-1.34   "Created container: %v" / "Started container %v", container.Name (read in the stored
//               1.33/1.34-era tree, commit fbba6b47; printed by a minikube kubelet on 2025-02-27,
//               before 1.33.0; likely the go vet fixes for non-constant format strings, #127422)
//   1.35+       "Container created" / "Container started" (#134043, merged 2025-09-12, listed in
//               CHANGELOG-1.35 since v1.34.0; kubectl 1.35 names the container in its own
//               `spec.containers{x}:` prefix, #133627)
// The 1.32 boundary is a bound, not a read tag: no 1.31/1.32 tree was read (no colon at ~1.30, a
// colon by 1.32); if #127422 is the change, its cherry-pick to release-1.30 (#129521, January
// 2025) means late 1.30/1.31 patch releases print the colon too.

import { goDurationString, goMillisecondsString } from './goDuration';
import { PROBE_ERRORED_UNKNOWN_SINCE } from '../../engine/sim/probeOutput';
import { CONTEXT_CANCELED_ERROR } from '../../engine/sim/probeContext';
import type { ProbeErroredWithError } from '../../engine/sim/frequentEvents';

const NEWEST_MINOR = 37;

/** Minor number of a trace's kubernetesVersion ("1.33" → 33); the newest when unreadable. */
export function traceMinor(version: string | undefined): number {
  const m = Number(version?.split('.')[1]);
  return Number.isFinite(m) && m > 0 ? m : NEWEST_MINOR;
}

export function createdMessage(container: string, minor: number): string {
  if (minor >= 35) return 'Container created';
  return minor >= 32 ? `Created container: ${container}` : `Created container ${container}`;
}

/**
 * EnsureImageExists at a start without a pull ([10.6]; images/image_manager.go, read in a 1.2x-era
 * copy: Normal Pulled "Container image %q already present on machine"). Nodes of 1.35 and later
 * print "… and can be accessed by the pod" (KubeletEnsureSecretPulledImages, KEP-2535: published
 * 1.35+ and 1.37 dumps; a 1.33.2 static pod's dump has the short form): a bound from transcripts, the
 * newer image_manager.go not read.
 */
export function imagePresentMessage(image: string, minor: number): string {
  return `Container image "${image}" already present on machine${minor >= 35 ? ' and can be accessed by the pod' : ''}`;
}

/**
 * EnsureImageExists after a pull ([10.6]; images/image_manager.go, read at the newest stored
 * commit; the older forms from their PRs and published dumps, .scratch report of session 33):
 * Normal Pulled "Successfully pulled image %q in %v (%v including waiting)", the pull's own time
 * and the time since EnsureImageExists began (the same here: the engine queues no pull behind
 * another). 1.27 prints Go's durations whole ("589.651197ms", #111772); 1.28 truncates them to the
 * millisecond ("599ms", #117276, merged after 1.27.0; a published v1.28.8 dump); 1.30 appends
 * ". Image size: %v bytes." (#121719, in the 1.30 release notes), written when the scenario gives
 * the image's size (`imageSize`) and left out when it does not: the engine knows no image's size.
 */
export function pulledMessage(image: string, seconds: number, minor: number, sizeBytes?: number): string {
  const took = minor >= 28 ? goMillisecondsString(seconds) : goDurationString(seconds * 1e9);
  const size = minor >= 30 && sizeBytes !== undefined ? `. Image size: ${sizeBytes} bytes.` : '';
  return `Successfully pulled image "${image}" in ${took} (${took} including waiting)${size}`;
}

export function startedMessage(container: string, minor: number): string {
  return minor >= 35 ? 'Container started' : `Started container ${container}`;
}

/**
 * The Message column as `kubectl describe` prints it: from 1.35 the event's
 * involvedObject.fieldPath goes first when it has one (#133627, kubectl's describe of events;
 * "Container created" names no container otherwise). The kubelet's container events carry the
 * container's reference (GenerateContainerRef): `spec.initContainers{x}` for an init or sidecar
 * container, `spec.containers{x}` for a main one; the scheduler's event is about the pod itself.
 */
export function describedMessage(message: string, fieldPath: string | undefined, minor: number): string {
  const trimmed = message.trim(); // DescribeEvents' strings.TrimSpace: an exec probe's output ends with its newline ([5.13])
  return minor >= 35 && fieldPath ? `${fieldPath}: ${trimmed}` : trimmed;
}

/** A container's fieldPath in its pod (GenerateContainerRef's fieldPath): init and sidecar containers are in initContainers. */
export function containerFieldPath(name: string, kind: 'init' | 'sidecar' | 'main'): string {
  return `${kind === 'main' ? 'spec.containers' : 'spec.initContainers'}{${name}}`;
}

/**
 * prober.go probe's Warning Unhealthy for a run that returned an error ([5.13]): up to 1.32
 * "%s probe errored: %v" (every 1.2x-1.3x prober.go read before the change), from 1.33 "%s probe
 * errored and resulted in %s state: %s" with probe.Unknown's "unknown" (kubernetes#125901, in
 * v1.33.0-alpha.1; read in a stored copy of that era, id 262713168). `probe`: "Readiness",
 * "Liveness" or "Startup" (probeType's String). Published: "Readiness probe errored: rpc error:
 * code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state" (a
 * 1.32-era describe, `Created container: x`), and the 1.35 "… errored and resulted in unknown
 * state: rpc error: code = Canceled desc = context canceled" of [5.14]. With ExecProbeTimeout off
 * (1.27-1.34) an exec run past timeoutSeconds errors too, the error the runtime client's timeout
 * text ([5.11], engine/sim/execProbeTimeout.ts): "Readiness probe errored and resulted in unknown
 * state: command timed out: \"…\" timed out after 5s" (GKE before 1.35).
 */
export function probeErroredMessage(probe: string, error: string, minor: number): string {
  return minor >= PROBE_ERRORED_UNKNOWN_SINCE ? `${probe} probe errored and resulted in unknown state: ${error}` : `${probe} probe errored: ${error}`;
}

/** The runtime's error an errored run carries; a trace made before the field: the cancelled context of [5.14]. */
export function probeErroredError(e: ProbeErroredWithError): string {
  return e.error ?? CONTEXT_CANCELED_ERROR;
}
