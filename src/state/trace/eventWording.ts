// The messages of the kubelet's Created and Started events, by Kubernetes version (rule [10.5]).
// Upstream: startContainer's recordContainerEvent calls, pkg/kubelet/kuberuntime/kuberuntime_container.go.
//   up to 1.32  fmt.Sprintf("Created container %s", name) / "Started container %s"
//               (1.27/1.28: published minikube dump, devfile/devworkspace-operator#1168)
//   1.33, 1.34  "Created container: %v" / "Started container %v" (go vet's non-constant format
//               strings fix, #130471; read in the stored 1.33+ tree, commit fbba6b47)
//   1.35+       "Container created" / "Container started" (#134043, merged 2025-09-12, after 1.34.0;
//               kubectl describe shows the container in its own `spec.containers{x}:` prefix)
// The 1.33 boundary is a bound, not a read tag: the colon form is in the 1.33+ tree and #130471
// (its follow-up cites it) falls in the 1.33 cycle; no 1.32 tree was read.

const NEWEST_MINOR = 37;

/** Minor number of a trace's kubernetesVersion ("1.33" → 33); the newest when unreadable. */
export function traceMinor(version: string | undefined): number {
  const m = Number(version?.split('.')[1]);
  return Number.isFinite(m) && m > 0 ? m : NEWEST_MINOR;
}

export function createdMessage(container: string, minor: number): string {
  if (minor >= 35) return 'Container created';
  return minor >= 33 ? `Created container: ${container}` : `Created container ${container}`;
}

export function startedMessage(container: string, minor: number): string {
  return minor >= 35 ? 'Container started' : `Started container ${container}`;
}
