// upciti/quitquitquit's README (search-index file 6072374623; the image that lets a Job's main
// container stop an injected Istio proxy), under "Why?": a Job whose pod keeps Istio's proxy as a
// regular container (the mesh in STRICT mTLS mode, before native sidecars) "remains in `NotReady`
// even after the job is executed":
//   demo-4cbb2   1/2   NotReady   0   12s
// Server version: not printed; the README's example is a `batch/v1beta1` CronJob, which the API
// server served up to 1.24, so before 1.27: run at 1.27, 1.31 and 1.36 (the printer's branch that
// turns `Completed` into `NotReady` when another main container still runs, [14.3], is the same
// in every version the engine knows).
// The pod as published is the line alone; assumed: Istio's injection (an `istio-init` init
// container that sets up iptables and exits 0, then `istio-proxy` as a second regular container),
// the README's `restartPolicy: OnFailure`, and a job that runs 5 s and exits 0 (the row's 12 s
// only bounds it). The proxy's readiness probe is left out (a running container with none is
// ready), so `1/2` is the proxy and the job counts as not ready once it has exited.
// Rules: [6.2] the phase stays Running while the proxy runs, [7.3] the pod is not Ready once a main
// container has exited, [14.3] the last main container's `Completed` becomes `NotReady` because
// another one still runs and the pod is not Ready.
import { describe, expect, it } from 'vitest';
import { publishedRows, rowAt, simulatedRows } from './watch.testkit';

const SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: demo-4cbb2
spec:
  restartPolicy: OnFailure
  initContainers:
  - name: istio-init
    image: docker.io/istio/proxyv2
    command: ["sh", "-c", "sleep 1"]
  containers:
  - name: job
    image: busybox
    command: ["sh", "-c", "sleep 5"]
  - name: istio-proxy
    image: docker.io/istio/proxyv2
    command: ["sh", "-c", "sleep infinity"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 60s
containers:
  istio-init: { pull: 0 }
  job: { pull: 0 }
  istio-proxy: { pull: 0 }
`;

describe('transcript: upciti/quitquitquit README, a Job pod with a regular Istio proxy container (before 1.27)', () => {
  const [published] = publishedRows(`
demo-4cbb2                       1/2     NotReady    0          12s`);

  it.each(['1.27', '1.31', '1.36'])('prints `1/2 NotReady 0` at 12 s, and stays so while the proxy runs (%s) [6.2] [7.3] [14.3]', (version) => {
    const ours = simulatedRows(SCENARIO, version);
    const row = { ready: published!.ready, status: published!.status, restarts: published!.restarts };
    expect(rowAt(ours, published!.t)).toEqual(row);
    expect(rowAt(ours, 60)).toEqual(row);
  });
});
