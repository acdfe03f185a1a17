// kubectl describe of a pod whose image is not on the node under imagePullPolicy Never: each try
// records Warning ErrImageNeverPull "Container image %q is not present with pull policy of Never"
// (images/image_manager.go EnsureImageExists, 00a3928b, cfce511e, a 1.34/1.35-era copy) and Warning
// Failed "Error: ErrImageNeverPull" (kuberuntime_container.go startContainer), every 10 s × U[1, 1.5)
// (pod_workers.go completeWork, [0.2]); the correlator counts each, the spam filter writes 25 then
// one every 300 s, and ErrImageNeverPull, recorded first at each try, takes every token that comes
// back, so Failed stops at x12 while ErrImageNeverPull keeps counting ([10.7]). Rules: [10.2], [10.7].
import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../engine/kubectl/humanDuration';
import { runScenario } from '../../engine/run';
import { describeEvents, type DescribeRow } from './describeEvents';

const scenario = (image: string, version: string, until: number) => `apiVersion: v1
kind: Pod
metadata:
  name: getting-started
spec:
  containers:
    - name: getting-started
      image: ${image}
      imagePullPolicy: Never
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: ${until}s
requeueJitter: 0.6
events:
  - { at: 0s, container: getting-started, do: failPull }
`;

/** The rows as kubectl prints them: Type, Reason, Age, (xN over F), Message (1.35+'s fieldPath prefix dropped). */
function printed(rows: DescribeRow[], at: number): string[][] {
  return rows.map((r) => [r.type, r.reason, humanDuration(at - r.t), r.count === 1 ? '' : `x${r.count} over ${humanDuration(at - r.first)}`, r.message.replace(/^spec\.containers\{[^}]+\}: /, '')]);
}

describe('transcript: the Failed row stops at x12 while ErrImageNeverPull counts on (EventSourceObjectSpamFilter; image_manager.go EnsureImageExists) [10.2] [10.7]', () => {
  // https://github.com/kubernetes-sigs/kind/issues/2556 (2021-11-27; client v1.22.2, the server's
  // version cut off: kind v0.11.1's default node v1.21.1, inferred), its Events:
  //   Normal   Scheduled          23m                   default-scheduler  Successfully assigned default/getting-started to kind-control-plane
  //   Warning  Failed             21m (x12 over 23m)    kubelet            Error: ErrImageNeverPull
  //   Warning  ErrImageNeverPull  3m34s (x95 over 23m)  kubelet            Container image "docker.io/library/thisisfine:v1" is not present with pull policy of Never
  // https://github.com/hystax/optscale/issues/701 (2025-07-01, version not stated), its Events:
  //   Warning  Failed                  51m (x12 over 53m)     kubelet            Error: ErrImageNeverPull
  //   Warning  ErrImageNeverPull       3m41s (x230 over 53m)  kubelet            Container image "error_pages:local" is not present with pull policy of Never
  // The describe time is where the ErrImageNeverPull row's age falls: its last write (the token
  // that comes back at 1,200 s, resp. 3,000 s, taken by the next try) plus the published age. A
  // requeue draw of 0.6: 13 s between tries, as both counts say (95 tries in 19m26s, 230 in 49m19s:
  // 12.3 s and 12.9 s; upstream's mean is 12.5 s).
  const cases = [
    { url: 'kind#2556', image: 'docker.io/library/thisisfine:v1', until: 1500, age: 3 * 60 + 34, failed: ['21m', 'x12 over 23m'], count: 95, over: '23m' },
    { url: 'optscale#701', image: 'error_pages:local', until: 3300, age: 3 * 60 + 41, failed: ['51m', 'x12 over 53m'], count: 230, over: '53m' },
  ] as const;
  for (const version of ['1.27', '1.33', '1.34', '1.37']) {
    it.each(cases)(`$url: Failed x12 long ago, ErrImageNeverPull counted on, in this order (${version})`, ({ image, until, age, failed, count, over }) => {
      const trace = runScenario(scenario(image, version, until)).trace!;
      const lastWrite = describeEvents(trace, until - 200, 'getting-started').find((r) => r.reason === 'ErrImageNeverPull')!.t;
      const at = lastWrite + age;
      const rows = printed(describeEvents(trace, at, 'getting-started'), at);
      expect(rows.map((r) => r[1])).toEqual(['Scheduled', 'Failed', 'ErrImageNeverPull']);
      expect(rows[1]).toEqual(['Warning', 'Failed', ...failed, 'Error: ErrImageNeverPull']);
      const [, , , counted, message] = rows[2]!;
      expect(message).toBe(`Container image "${image}" is not present with pull policy of Never`);
      const [, n, first] = /^x(\d+) over (\S+)$/.exec(counted ?? '')!;
      expect(first).toBe(over);
      expect(Math.abs(Number(n) - count) / count).toBeLessThan(0.05);
    });
  }

  // https://github.com/k3s-io/k3s/issues/1586 (2020-03-26, k3s about 1.17), 44 s after the first try:
  //   Warning  Failed             8s (x5 over 44s)  kubelet, k3s-s-1   Error: ErrImageNeverPull
  //   Warning  ErrImageNeverPull  8s (x5 over 44s)  kubelet, k3s-s-1   Container image "nginx:latest" is not present with pull policy of Never
  // Checked: the counts and the ages at a requeue draw of 0.4, 12 s between tries (0.5 puts the fifth try 1.5 s later).
  // Not checked: the order of the two rows, Failed first there; here the ErrImageNeverPull row, first
  // seen a moment earlier in the same second, comes first (kubectl's sort by LastTimestamp keeps the
  // API server's name order, [10.7]); k3s's kine store may list another way.
  it.each(['1.27', '1.37'])('k3s#1586: both rows x5 over 44s, 8s ago (%s)', (version) => {
    const trace = runScenario(scenario('nginx:latest', version, 60).replace('requeueJitter: 0.6', 'requeueJitter: 0.4')).trace!;
    const rows = printed(describeEvents(trace, 45, 'getting-started'), 45).filter((r) => r[0] === 'Warning');
    expect(rows.map((r) => [r[1], r[2], r[3]]).sort()).toEqual([['ErrImageNeverPull', '8s', 'x5 over 44s'], ['Failed', '8s', 'x5 over 44s']]);
  });
});
