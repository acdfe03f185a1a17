// The starts EnsureImageExists refuses before any pull or pull back-off: an image reference it
// cannot parse ([10.11], InvalidImageName) and, after that, an image absent under imagePullPolicy
// Never ([10.2], ErrImageNeverPull). images/image_manager.go EnsureImageExists, stored 00a3928b (a
// 1.27-era copy), cfce511e (the newest) and a 1.34/1.35-era copy: applyDefaultImageTag first, then
// the image lookup and the Never branch, then the pull back-off.

import type { Causes, PodSim } from './podSim';
import type { ContainerRecord } from './model';
import { NOT_STARTED, type StartOutcome } from './backoffMemo';
import { neverPullMessage } from '../scenario/eventEffects';
import { imageReferenceError, invalidImageMessage } from '../kubelet/imageReference';

/** The start's refusal before any pull, in EnsureImageExists' order; undefined when the pull (or start) may go on. */
export function refusedBeforePull(sim: PodSim, rec: ContainerRecord, cause: Causes): StartOutcome | undefined {
  const invalid = imageReferenceErrorOf(rec.image);
  if (invalid !== undefined) return invalidImageName(sim, rec, invalid, cause);
  if (rec.spec.imagePullPolicy === 'Never' && sim.faults.pullFails(rec.spec.name, sim.now)) return neverPullFails(sim, rec, cause);
  return undefined;
}

/**
 * [10.2] imagePullPolicy Never and the image is not on the node (a failPull window on the
 * container): EnsureImageExists pulls nothing and touches no pull back-off; it records Warning
 * ErrImageNeverPull with neverPullMessage and returns ErrImageNeverPull, startContainer records
 * Warning Failed "Error: ErrImageNeverPull" (kuberuntime_container.go, every version read), so the
 * sync fails and the pod worker requeues it after its error back-off ([0.2], [4.6]). Every try in
 * the window fails the same way; the first one after it starts the container (1.27-1.37).
 */
function neverPullFails(sim: PodSim, rec: ContainerRecord, cause: Causes): StartOutcome {
  const name = rec.spec.name;
  const image = rec.image;
  const message = neverPullMessage(image);
  if (rec.startError?.reason !== 'ErrImageNeverPull' || rec.startError.message !== message) { // each try finds the same error: its readers look again only at a new one
    rec.startError = { reason: 'ErrImageNeverPull', message };
    sim.containerChanged(rec);
  }
  const injected = sim.faults.pullFaultId(name);
  sim.emit({
    type: 'fault', do: 'failPull', container: name, image, message, reason: 'ErrImageNeverPull',
    why: `[10.2] ${name}'s image ${image} is not on the node (an injected failPull) and its imagePullPolicy is Never: the kubelet does not pull it. It records Warning ErrImageNeverPull and Failed "Error: ErrImageNeverPull", the start fails with ErrImageNeverPull, and with no pull back-off the pod worker tries again after its error back-off [0.2], the same way until the image is on the node.`,
  }, injected === undefined ? cause : [...cause, injected]);
  return NOT_STARTED;
}

/** imageReferenceError of each image name met, kept (a crash loop starts the same image again and again). */
const referenceErrors = new Map<string, string | null>();

function imageReferenceErrorOf(image: string): string | undefined {
  let error = referenceErrors.get(image);
  if (error === undefined) {
    if (referenceErrors.size >= 1024) referenceErrors.clear();
    error = imageReferenceError(image) ?? null;
    referenceErrors.set(image, error);
  }
  return error ?? undefined;
}

/**
 * [10.11] EnsureImageExists cannot parse the image reference (applyDefaultImageTag): it records
 * Warning InspectFailed with the parse error and returns ErrInvalidImageName before it looks for
 * the image, reads the pull policy or the pull back-off; startContainer records Warning Failed
 * "Error: InvalidImageName", the next status is Waiting InvalidImageName with that message
 * ([10.2]), and the pod worker requeues the failed sync after its error back-off ([4.6]). Every try
 * fails the same way: the container never starts (images/image_manager.go, a 1.27-era copy and
 * the newest stored).
 */
function invalidImageName(sim: PodSim, rec: ContainerRecord, error: string, cause: Causes): StartOutcome {
  const name = rec.spec.name;
  const image = rec.image;
  const message = invalidImageMessage(image, error, sim.minor);
  if (rec.startError?.reason !== 'InvalidImageName' || rec.startError.message !== message) { // each try finds the same error
    rec.startError = { reason: 'InvalidImageName', message };
    sim.containerChanged(rec);
  }
  sim.emit({
    type: 'container.imageInvalid', container: name, image, message,
    why: `[10.11] The kubelet cannot parse ${name}'s image reference ${JSON.stringify(image)} (${error}): it never pulls it, whatever the pull policy, and records Warning InspectFailed and Failed "Error: InvalidImageName". The start fails, with no pull back-off, and the pod worker tries again after its error back-off [4.6], the same way for as long as the spec keeps this image.`,
  }, cause);
  return NOT_STARTED;
}
