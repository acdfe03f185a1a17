// `Pulled: Container image "X" already present on machine` at every start that pulled nothing
// (images/image_manager.go EnsureImageExists, [10.6]); "… and can be accessed by the pod" from
// 1.35 (a bound from published dumps: a 1.33.2 node prints the short form, 1.35+ and 1.37 nodes
// the long one). Published: "Normal Pulled 13s (x6 over 3m19s) kubelet spec.containers{crashing-app}:
// Container image "busybox:1.36" already present on machine and can be accessed by the pod" beside
// Created and Started (x6), a 1.35+ lesson's crash loop (the search index's file 70243927083).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const pod = (image: string, policy: string, version: string, pull = '0s') => `apiVersion: v1
kind: Pod
metadata: { name: lifecycle-crashloop }
spec:
  containers:
    - name: crashing-app
      image: ${image}
      imagePullPolicy: ${policy}
      command: [sh, -c, "echo Application started; sleep 5; echo Application crashed; exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 200s
containers:
  crashing-app: { pull: ${pull} }
`;

describe('the kubelet says an image is already present at every start that pulled nothing [10.6]', () => {
  it.each([['1.33', 'Container image "busybox:1.36" already present on machine'], ['1.35', 'spec.containers{crashing-app}: Container image "busybox:1.36" already present on machine and can be accessed by the pod']])(
    'IfNotPresent with the image on the node (pull: 0): one Pulled per start, as many as Created, as published (%s)', (version, message) => {
      const rows = describeEvents(runScenario(pod('busybox:1.36', 'IfNotPresent', version)).trace!, 200, 'lifecycle-crashloop');
      const present = rows.find((r) => r.reason === 'Pulled' && r.message.includes('already present'))!;
      const created = rows.find((r) => r.reason === 'Created')!;
      expect(present.message).toBe(message);
      expect(present.count).toBe(created.count);
      expect(present.t).toBe(created.t);
    });

  it('IfNotPresent with an image the node lacks: the first start pulls it, every later one finds it', () => {
    const rows = describeEvents(runScenario(pod('busybox:1.36', 'IfNotPresent', '1.33', '2s')).trace!, 200, 'lifecycle-crashloop');
    const created = rows.find((r) => r.reason === 'Created')!;
    const pulled = rows.filter((r) => r.reason === 'Pulled');
    expect(pulled.find((r) => r.message.startsWith('Successfully pulled'))?.count).toBe(1);
    expect(pulled.find((r) => r.message.includes('already present'))?.count).toBe(created.count - 1);
  });

  it('Always: every start pulls, so no start says the image was present', () => {
    const rows = describeEvents(runScenario(pod('busybox:1.36', 'Always', '1.33', '1s')).trace!, 200, 'lifecycle-crashloop');
    // the first start's pull (1 s), then every restart's registry check (the engine's default
    // 0.5 s, PULL_CHECK since session 39, was 0.2 s: a kind node on EC2 printed `in 453ms`, `in
    // 443ms`, `in 497ms` for such checks, state/trace/pqDay57Ec2Kind135.test.ts): two messages, two rows [10.6] [15.6]
    expect(rows.filter((r) => r.reason === 'Pulled').map((r) => r.message)).toEqual([
      'Successfully pulled image "busybox:1.36" in 1s (1s including waiting)',
      'Successfully pulled image "busybox:1.36" in 500ms (500ms including waiting)',
    ]);
  });
});

describe('`pull: 0` says the image is on the node already (contract section 1: "0 if present") [0.3] [10.6]', () => {
  it('an IfNotPresent container then pulls nothing', () => {
    const trace = runScenario(pod('busybox:1.36', 'IfNotPresent', '1.33', '0s')).trace!;
    expect(trace.events.some((e) => e.type === 'container.pulling' || e.type === 'container.pulled')).toBe(false);
    expect(trace.events.some((e) => e.type === 'container.start')).toBe(true);
  });

  it('an Always container still checks the registry at every start', () => {
    const trace = runScenario(pod('busybox:1.36', 'Always', '1.33', '0s')).trace!;
    const starts = trace.events.filter((e) => e.type === 'container.start').length;
    expect(trace.events.filter((e) => e.type === 'container.pulling')).toHaveLength(starts);
  });
});
