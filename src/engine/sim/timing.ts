// The kubelet's clock constants ([0.1]–[0.3]; where each default comes from: rulebook [15.5]–[15.8]).
// Real clusters vary; these keep orderings upstream's and timestamps plausible, calibrated so that
// on containerd (kind) a cached image's first container starts within the pod's first second.
// The pod worker's jittered requeues take one fixed draw, the scenario's `requeueJitter` (0, the
// earliest moment, unless it says otherwise), so that a scenario always gives the same trace.

/** The PLEG relists the runtime every second and triggers a sync for each change it sees ([0.2]; upstream genericPlegRelistPeriod, kubelet.go). */
export const RELIST_PERIOD = 1;
/**
 * Creating the pod sandbox (network namespace, IP): RunPodSandbox with CNI ([15.5]). Kubelet
 * startup-latency logs on containerd show the first image pull beginning 0.60–0.72 s after the
 * pod's creation timestamp (kubernetes/kubernetes#130432); on a kind node the pod's first
 * container shows up in its cgroup 0.42 s after its volumes are mounted (#108892). Was 1 s.
 */
export const SANDBOX_CREATE = 0.5;
/**
 * The first SyncPod's wait for the pod's volumes, the first part of SANDBOX_CREATE (so no time
 * moves): kubelet.go SyncPod calls volumeManager.WaitForAttachAndMount before the runtime's SyncPod,
 * a poll every 300 ms (podAttachAndMountRetryInterval) whose first look finds the default
 * service-account token volume not yet mounted. It runs on the pod worker's context, which a
 * deletion cancels ([3.4]); the sandbox creation after it does not. Later sandboxes find the
 * volumes mounted.
 */
export const VOLUME_WAIT = 0.3;
/** CRI CreateContainer, then StartContainer: tens of milliseconds each on containerd and CRI-O (cri-o/cri-o#5797: 56 ms to start) [15.6]. */
export const CONTAINER_CREATE = 0.1;
export const CONTAINER_START = 0.1;
/** A failed pull (registry lookup) takes about this long [15.6]. */
export const PULL_FAILURE = 0.5;
/**
 * With imagePullPolicy Always and the image present, the registry check takes this long at most
 * [15.6]: shouldPullImage returns true for PullAlways whatever is on the node (images/
 * image_manager.go, both stored versions read: 00a3928b, a 1.2x-era copy, and cfce511e, the
 * newest; so on every minor the engine models), and EnsureImageExists asks the runtime to pull,
 * which asks the registry. 0.2 s until session 39. Published
 * checks of Docker Hub images the node had range from 0.13-0.17 s (an EKS node, a playground's
 * node01) to 3.9 s, most of them 0.44-1.4 s: a kind node on EC2 printed `in 443ms`, `453ms`,
 * `497ms` at restarts (state/trace/pqDay57Ec2Kind135.test.ts), Docker Desktop 734 ms (the
 * simonangel-fong sidecar lab, kubectl/transcripts/sidecarWatches.test.ts), Killercoda 698-702 ms
 * (fixtures/se-kc-shell-present.yaml) and 1.29-1.39 s (state/trace/lvMahinKillercodaLiveness404.test.ts).
 * Capped by the container's `pull` time, except `pull: 0` (the image was on the node before the
 * pod, not a pull of no time: the check still asks the registry); a Simulation `registryCheck` overrides both.
 */
export const PULL_CHECK = 0.5;
/** After a sync error (back-off, pull failure) the pod worker requeues the pod ([0.2], [4.6]; upstream backOffPeriod 10 s, before the jitter). */
export const REQUEUE_AFTER_ERROR = 10;
/** The pod worker's periodic resync, which also caps the 1.35 back-off requeue ([4.6]; the kubelet's syncFrequency, default 1 min). */
export const RESYNC_INTERVAL = 60;
/**
 * completeWork enqueues every requeue with wait.Jitter(delay, 0.5), a delay from `delay` to 1.5
 * times it (pod_workers.go workerBackOffPeriodJitterFactor and workerResyncIntervalJitterFactor,
 * both 0.5, every version read) [4.6].
 */
export const REQUEUE_JITTER_FACTOR = 0.5;

/** A requeue's delay for the scenario's draw of wait.Jitter's random factor (`draw` 0 to 1; 0 when unset). */
export function jitteredDelay(delay: number, draw: number | undefined): number {
  return delay * (1 + REQUEUE_JITTER_FACTOR * (draw ?? 0));
}
/** The status manager writes the final status, then the API server removes the pod (our choice, [15.8]). */
export const API_REMOVAL_DELAY = 0.5;
/** The stop signal's minimum grace after the pod's budget is used up ([8.5]; upstream minimumGracePeriodInSeconds). */
export const MINIMUM_GRACE = 2;
/** Default horizon: terminal + 10 s, capped at 30 minutes (contract section 1). */
export const AFTER_TERMINAL = 10;
export const HORIZON_CAP = 30 * 60;
/**
 * kubeletRestartGracePeriod (prober_manager.go, 1.35+): a container that started more than this
 * long before the kubelet counts as running from before its restart, and its probe workers set
 * no initial result for it ([5.16]).
 */
export const KUBELET_RESTART_GRACE = 10;
/** How long a restarting kubelet (or a rebooting node's kubelet) is away (our choice, [15.8]). */
export const KUBELET_DOWNTIME = 5;

/**
 * The Job controller enqueues a Job a second after a pod of it changes (syncJobBatchPeriod,
 * updatePod -> enqueueSyncJobBatched; enqueueSyncJobWithDelay never waits less) [16.2].
 */
export const SYNC_JOB_BATCH_PERIOD = 1;

/** The kubelet's housekeeping period (kubelet.go housekeepingPeriod): HandlePodCleanups runs at every tick ([8.14]). */
export const HOUSEKEEPING_PERIOD = 2;
