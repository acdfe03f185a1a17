// A published `kubectl get pod -w` of a Job whose pod Istio injected with `istio-proxy` as a native
// sidecar, behind Istio CNI's `istio-validation` init container. Rules exercised: [2.1] [2.2] a
// regular init container, then a sidecar gated by its startup probe, [5.6] [5.9] started, then
// ready at once (the readiness worker's manual trigger), [8.1c] the sidecar stopped once the Job's
// container is done, [14.1] [14.2] the printer (`0/2 Init:1/2`: the sidecar counts in READY's
// total). Sources and verdicts: docs/transcripts.md.
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

describe('transcript: kyma-project/istio docs, "Istio Proxy as Native Sidecar Container", a Job with the nativeSidecar annotation', () => {
  // https://github.com/kyma-project/istio/blob/2c8e0703bbbe0d8f3843e471b93808621c976e40/docs/user/00-20-istio-proxy-as-native-sidecar.md
  // (a Kyma cluster; the page names Istio 1.27 and 1.28, so 2025 or later, Kubernetes 1.29 or later).
  // `kubectl get pod -n test -w` (the watch also printed `0/2 Init:1/2` again at 2s, a change
  // outside its columns; the engine never prints a repeated row, so it is left out):
  const published = publishedRows(`
test-job-2tt95   0/2     Init:0/2   0          0s
test-job-2tt95   0/2     Init:1/2   0          1s
test-job-2tt95   0/2     PodInitializing   0          10s
test-job-2tt95   1/2     PodInitializing   0          10s
test-job-2tt95   2/2     Running           0          11s
test-job-2tt95   1/2     Completed         0          21s
test-job-2tt95   0/2     Completed         0          22s`);
  // The Job is the page's; the two init containers are Istio's injection, not quoted on the page
  // (it lists their names, `istio-validation istio-proxy`): the validation exits 0 at once; the
  // proxy's startup probe (every 1 s) and readiness probe (every 15 s) on /healthz/ready are
  // Istio's template, as in the istio.io transcript (sidecarWatches.test.ts). Inputs taken from the
  // watch itself, so not checks: Envoy ready 7 s after its start (its configuration from istiod;
  // the image is the validation container's, already on the node) and its exit 0.5 s after SIGTERM.
  const scenario = `apiVersion: batch/v1
kind: Job
metadata:
  name: test-job
  namespace: test
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/nativeSidecar: "true"
    spec:
      initContainers:
      - name: istio-validation
        image: europe-docker.pkg.dev/kyma-project/prod/external/istio/proxyv2:1.27.0-distroless
        command: ["pilot-agent", "istio-iptables", "--run-validation", "--skip-rule-apply"]
      - name: istio-proxy
        image: europe-docker.pkg.dev/kyma-project/prod/external/istio/proxyv2:1.27.0-distroless
        restartPolicy: Always
        args: ["proxy", "sidecar"]
        startupProbe:
          httpGet: { path: /healthz/ready, port: 15021 }
          periodSeconds: 1
          timeoutSeconds: 3
          failureThreshold: 600
        readinessProbe:
          httpGet: { path: /healthz/ready, port: 15021 }
          periodSeconds: 15
          timeoutSeconds: 3
          failureThreshold: 4
      containers:
      - name: test-job
        image: alpine:latest
        command: [ "/bin/sleep", "10" ]
      restartPolicy: Never
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.31"
until: 40s
containers:
  istio-validation: { pull: 0, exitAfter: 0.2s, exitCode: 0 }
  istio-proxy: { pull: 0, startDelay: 7s, onStop: { after: 0.5s, exitCode: 0 } }
  test-job: { pull: 0 }
`;

  it.each(['1.29', '1.31', '1.33', '1.36'])('prints the published rows in order; the validation row and, from the proxy\'s start, each row within 1.5 s (%s) [2.1] [2.2] [5.9] [8.1c] [14.2]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    const at = expectSubsequence(published, ours);
    // `Init:1/2`: the validation container done within the first second or two
    expect(Math.abs(ours[at[1]!]!.t - published[1]!.t)).toBeLessThanOrEqual(1.5);
    // From `0/2 PodInitializing` on (its time is the proxy's readiness, an input): the main
    // container's start, its 10 s sleep, and the proxy's stop.
    const from = at[2]!;
    at.slice(2).forEach((i, n) => expect(Math.abs(ours[i]!.t - ours[from]!.t - (published[n + 2]!.t - published[2]!.t))).toBeLessThanOrEqual(1.5));
  });
});
