import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { containerFieldPath, createdMessage, describedMessage, pulledMessage, startedMessage, traceMinor } from './eventWording';

// [10.6] startContainer's Created/Started messages, each at a version before and after its change.
describe('Created and Started messages by kubelet version [10.6]', () => {
  it.each([
    ['1.27', 'Created container app', 'Started container app'],
    ['1.31', 'Created container app', 'Started container app'],
    ['1.32', 'Created container: app', 'Started container app'],
    ['1.34', 'Created container: app', 'Started container app'],
    ['1.35', 'Container created', 'Container started'],
    ['1.37', 'Container created', 'Container started'],
  ])('%s: "%s", "%s"', (version, created, started) => {
    expect(createdMessage('app', traceMinor(version))).toBe(created);
    expect(startedMessage('app', traceMinor(version))).toBe(started);
  });

  it('kubectl 1.35+ puts the container\'s fieldPath before its message (#133627): initContainers for init and sidecar containers', () => {
    expect(describedMessage('Container created', containerFieldPath('app', 'main'), 35)).toBe('spec.containers{app}: Container created');
    expect(describedMessage('Container created', containerFieldPath('proxy', 'sidecar'), 37)).toBe('spec.initContainers{proxy}: Container created');
    expect(describedMessage('Created container: app', containerFieldPath('app', 'main'), 34)).toBe('Created container: app');
    expect(describedMessage('Successfully assigned default/p to node-1', undefined, 37)).toBe('Successfully assigned default/p to node-1');
  });

  it('reads the newest wording for a version it cannot parse', () => {
    expect(createdMessage('app', traceMinor(undefined))).toBe('Container created');
  });

  const twoContainers = (version: string) => `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
    - name: a
      image: busybox
      command: ["sleep", "3600"]
    - name: b
      image: busybox
      command: ["sleep", "3600"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 10s
`;

  it.each([['1.34', ['Created container: a', 'Created container: b']], ['1.35', ['spec.containers{a}: Container created', 'spec.containers{b}: Container created']]])(
    '%s: the panel follows the trace\'s version, one row per container even when the messages are the same',
    (version, messages) => {
      const trace = runScenario(twoContainers(version)).trace!;
      const created = describeEvents(trace, trace.end, 'two').filter((r) => r.reason === 'Created');
      expect(created.map((r) => [r.message, r.count])).toEqual(messages.map((m) => [m, 1]));
    },
  );
});

// image_manager.go EnsureImageExists in back-off, then startContainer's "Error: %v": the same
// wording in every version read (published dumps from 1.2x to 1.35+).
describe('an image pull in back-off', () => {
  it.each(['1.27', '1.37'])('prints Back-off pulling image "X" and Error: ImagePullBackOff (%s)', (version) => {
    const trace = runScenario(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:bad
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 20s
events:
  - { at: 0s, container: app, do: failPull }
`).trace!;
    const rows = describeEvents(trace, trace.end, 'p');
    const app = version === '1.37' ? 'spec.containers{app}: ' : ''; // kubectl 1.35+ (#133627)
    expect(rows.find((r) => r.reason === 'BackOff')).toMatchObject({ type: 'Normal', message: `${app}Back-off pulling image "nginx:bad"` });
    expect(rows.filter((r) => r.reason === 'Failed').map((r) => [r.type, r.message]).sort()).toEqual([
      ['Warning', `${app}Error: ErrImagePull`],
      ['Warning', `${app}Error: ImagePullBackOff`],
      ['Warning', `${app}Failed to pull image "nginx:bad": failed to pull and unpack image "nginx:bad"`],
    ]);
  });
});

// [10.6] EnsureImageExists' Pulled message after a pull (image_manager.go; #111772, #117276, #121719).
describe('the Pulled message after a pull, by kubelet version [10.6]', () => {
  it.each([
    ['1.27', 0.589, 'in 589ms (589ms including waiting)'],
    ['1.27', 0.5896512, 'in 589.6512ms (589.6512ms including waiting)'], // Go's whole duration (the engine's clock has milliseconds only)
    ['1.28', 0.5896512, 'in 589ms (589ms including waiting)'], // truncated to the millisecond (#117276)
    ['1.28', 7.6299, 'in 7.629s (7.629s including waiting)'],
    ['1.30', 90.5, 'in 1m30.5s (1m30.5s including waiting)'],
    ['1.37', 0.0004, 'in 0s (0s including waiting)'],
  ])('%s, a pull of %d s: "%s"', (version, seconds, tail) => {
    expect(pulledMessage('nginx', seconds, traceMinor(version))).toBe(`Successfully pulled image "nginx" ${tail}`);
  });

  it('leaves out the ". Image size: N bytes." a 1.30+ kubelet appends when the scenario gives no size: the engine knows none', () => {
    expect(pulledMessage('nginx', 1, 30)).toBe('Successfully pulled image "nginx" in 1s (1s including waiting)');
  });

  it('names the image\'s size (imageSize) from 1.30, as #121719 does, and not before', () => {
    expect(pulledMessage('nginx', 7.629, 30, 72324501)).toBe('Successfully pulled image "nginx" in 7.629s (7.629s including waiting). Image size: 72324501 bytes.');
    expect(pulledMessage('nginx', 7.629, 29, 72324501)).toBe('Successfully pulled image "nginx" in 7.629s (7.629s including waiting)');
  });
});
