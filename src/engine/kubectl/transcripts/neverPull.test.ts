// Published pods whose image is not on the node under imagePullPolicy Never, run through the
// engine: the image absent is a failPull on the container ([10.2]). Upstream read:
// images/image_manager.go EnsureImageExists (00a3928b, cfce511e, a 1.34/1.35-era copy: Warning
// ErrImageNeverPull, the error returned before any pull or pull back-off), kuberuntime_container.go
// startContainer (Warning Failed "Error: ErrImageNeverPull"), pod_workers.go completeWork (the next
// try after backOffPeriod, 10 s × U[1, 1.5), [0.2]). Rules: [10.2], [0.2], [14.3], [10.7].
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { FaultEvent } from '../../trace';
import { publishedRow, rowAt, simulatedRows, withVersion } from './watch.testkit';

const pod = (name: string, container: string, image: string, version: string, until: string, jitter = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: ${container}
      image: ${image}
      imagePullPolicy: Never
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: ${until}
${jitter}events:
  - { at: 0s, container: ${container}, do: failPull }
`;

/** The times of the failed starts (EnsureImageExists' ErrImageNeverPull), each one occurrence of the ErrImageNeverPull event. */
function tries(text: string): number[] {
  return runScenario(text).trace!.events
    .filter((e): e is FaultEvent => e.type === 'fault' && e.reason === 'ErrImageNeverPull')
    .map((e) => e.t);
}

describe('transcript: smart-edge-open/specs#56 and oracle/docker-images#1154, `kubectl get pods` seconds after creation', () => {
  // https://github.com/smart-edge-open/specs/issues/56 (2020-09, OpenNESS): `kubectl get pods | grep producer`
  //   producer-685fcbc569-bgv8c   0/1     _**ErrImageNeverPull**_   0          10s   (the markdown emphasis removed)
  // https://github.com/oracle/docker-images/issues/1154 (2019-02, kubeadm on Vagrant): `kubectl get all`
  //   pod/admin-server-654cc56ccd-68pst   0/1     ErrImageNeverPull   0          10s
  //   pod/managed-server-0                0/1     ErrImageNeverPull   0          6s
  // Servers before 1.27 (2019-2020): the Never branch and the printer's Waiting reason are the same
  // in every version read, so the rows are checked at 1.27 and the newest.
  const cases = [
    { name: 'producer-685fcbc569-bgv8c', container: 'producer', image: 'producer:1.0', line: 'producer-685fcbc569-bgv8c   0/1     ErrImageNeverPull   0          10s' },
    { name: 'admin-server-654cc56ccd-68pst', container: 'admin-server', image: 'wls-k8s-domain', line: 'admin-server-654cc56ccd-68pst   0/1     ErrImageNeverPull   0          10s' },
    { name: 'managed-server-0', container: 'managed-server', image: 'wls-k8s-domain', line: 'managed-server-0                0/1     ErrImageNeverPull   0          6s' },
  ];
  for (const version of ['1.27', '1.37']) {
    it.each(cases)(`prints $name as published: 0/1 ErrImageNeverPull 0 at its age (convertToAPIContainerStatuses, printPod; ${version}) [10.2] [14.3]`, ({ name, container, image, line }) => {
      const published = publishedRow(line);
      const ours = rowAt(simulatedRows(withVersion(pod(name, container, image, '1.27', '30s'), version)), published.t);
      expect(ours).toEqual({ ready: published.ready, status: published.status, restarts: published.restarts });
    });
  }
});

describe('transcript: how often the kubelet tries again, from the counts of published ErrImageNeverPull events (pod_workers.go completeWork) [0.2] [10.7]', () => {
  // The kubelet's correlator counts every occurrence, and the written event carries the count at
  // its last write (the Age column); the spam filter skips later ones ([10.7]). So "xN over F" with
  // Age A means N tries between F and A ago. The engine's requeueJitter 0.5 stands for the mean of
  // upstream's U[1, 1.5) draw: 12.5 s between tries.
  //
  // https://github.com/kubernetes-sigs/kind/issues/2556 (2021-11-27, kind; client v1.22.2, the
  // server's version cut off in the issue: kind v0.11.1's default node, v1.21.1, inferred):
  //   Warning  ErrImageNeverPull  3m34s (x95 over 23m)  kubelet  Container image "docker.io/library/thisisfine:v1" is not present with pull policy of Never
  // https://github.com/hystax/optscale/issues/701 (2025-07-01, version not stated):
  //   Warning  ErrImageNeverPull  3m41s (x230 over 53m)  kubelet  Container image "error_pages:local" is not present with pull policy of Never
  // https://github.com/k3s-io/k3s/issues/1586 (2020-03-26, k3s, about 1.17):
  //   Warning  ErrImageNeverPull  8s (x5 over 44s)  kubelet, k3s-s-1  Container image "nginx:latest" is not present with pull policy of Never
  const published = [
    { url: 'kubernetes-sigs/kind#2556', image: 'docker.io/library/thisisfine:v1', count: 95, over: 23 * 60, age: 3 * 60 + 34 },
    { url: 'hystax/optscale#701', image: 'error_pages:local', count: 230, over: 53 * 60, age: 3 * 60 + 41 },
    { url: 'k3s-io/k3s#1586', image: 'nginx:latest', count: 5, over: 44, age: 8 },
  ];
  for (const version of ['1.27', '1.34', '1.37']) {
    it.each(published)(`$url: xN tries between the first and the last write, within 10 % (${version})`, ({ image, count, over, age }) => {
      const ts = tries(pod('p', 'app', image, version, `${over + 30}s`, 'requeueJitter: 0.5\n'));
      const span = over - age; // the first occurrence to the last write, as kubectl's ages say (each truncated to its unit)
      const n = ts.filter((t) => t <= ts[0]! + span).length;
      expect(Math.abs(n - count) / count).toBeLessThan(count < 10 ? 0.25 : 0.1);
    });
  }
});
