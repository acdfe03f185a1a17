// "Continue from here" on a pod waiting in ErrImageNeverPull (continueScenario imageNeverPulled):
// the image stays absent from now on, so the continued run fails each start the same way
// (EnsureImageExists' Never branch, images/image_manager.go 00a3928b, cfce511e and a 1.34/1.35-era
// copy; the pod worker's error back-off between tries, pod_workers.go completeWork) [10.2] [0.2].
// The pod is shaped as kubernetes-sigs/kind#2556's (https://github.com/kubernetes-sigs/kind/issues/2556,
// 2021: pod getting-started, image docker.io/library/thisisfine:v1, imagePullPolicy Never, 23 min
// old), its status written as the kubelet writes it (convertToAPIContainerStatuses, [10.2]).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../run';
import type { FaultEvent } from '../trace';
import { continueScenario } from './continueScenario';

const POD = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2021-11-27T10:00:00Z"
  name: getting-started
  namespace: default
  uid: 3f0c2a8e-1b7d-4c51-9a0e-5d2b7c9e4f10
spec:
  containers:
  - image: docker.io/library/thisisfine:v1
    imagePullPolicy: Never
    name: getting-started
  nodeName: kind-control-plane
  restartPolicy: Always
status:
  conditions:
  - lastTransitionTime: "2021-11-27T10:00:00Z"
    status: "True"
    type: Initialized
  - lastTransitionTime: "2021-11-27T10:00:00Z"
    message: 'containers with unready status: [getting-started]'
    reason: ContainersNotReady
    status: "False"
    type: Ready
  - lastTransitionTime: "2021-11-27T10:00:00Z"
    message: 'containers with unready status: [getting-started]'
    reason: ContainersNotReady
    status: "False"
    type: ContainersReady
  - lastTransitionTime: "2021-11-27T10:00:00Z"
    status: "True"
    type: PodScheduled
  containerStatuses:
  - image: docker.io/library/thisisfine:v1
    imageID: ""
    lastState: {}
    name: getting-started
    ready: false
    restartCount: 0
    started: false
    state:
      waiting:
        message: Container image "docker.io/library/thisisfine:v1" is not present with pull policy of Never
        reason: ErrImageNeverPull
  phase: Pending
  startTime: "2021-11-27T10:00:00Z"
`;

const NOW = Date.parse('2021-11-27T10:23:00Z') / 1000;

function continued(version: '1.27' | '1.37', edit: (text: string) => string = (t) => t) {
  const r = continueScenario(POD, { now: NOW, version });
  if (!r.ok) throw new Error(r.message);
  const text = edit(r.text);
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const run = runScenario(text);
  return { text, now: r.now, scenario: parsed.scenario, trace: run.trace! };
}

describe('Continue from here: a pod waiting in ErrImageNeverPull keeps its image absent (continueScenario imageNeverPulled) [10.2]', () => {
  it.each(['1.27', '1.37'] as const)('writes a failPull with no end at now, and says how to end it (%s)', (version) => {
    const { text, now, scenario } = continued(version);
    expect(now).toBe(1380);
    expect(scenario.sim.events.map(({ at, do: action, container, for: until }) => ({ at, action, container, until })))
      .toEqual([{ at: 1380, action: 'failPull', container: 'getting-started', until: undefined }]);
    expect(scenario.sim.startFrom!.containers['getting-started']).toMatchObject({ state: 'waiting', reason: 'ErrImageNeverPull', restartCount: 0 });
    expect(text).toContain('# ErrImageNeverPull: the image of getting-started is not on the node');
    expect(text).not.toContain('thisisfine'); // share-safe: no image names
  });

  it.each(['1.27', '1.37'] as const)('"Continue from here" shows the start failing again, every 10 s, and nothing starting (image_manager.go EnsureImageExists; %s) [0.2]', (version) => {
    const { trace } = continued(version);
    const fails = trace.events.filter((e): e is FaultEvent => e.type === 'fault' && e.reason === 'ErrImageNeverPull' && e.t >= 1380);
    expect(fails.length).toBeGreaterThan(50);
    expect(fails[0]!.message).toMatch(/^Container image "[^"]+" is not present with pull policy of Never$/);
    expect(trace.events.filter((e) => e.type === 'container.start' || e.type === 'container.pulling')).toEqual([]);
    // Every row from now on, the observed one at now included (sim/initialState seeds the start error).
    const rows = trace.events.flatMap((e) => (e.type === 'pod.kubectl' && e.t >= 1380 ? [e.status] : []));
    expect(rows).toEqual(['ErrImageNeverPull']);
    const waiting = trace.events.find((e) => e.type === 'container.waiting' && e.reason === 'ErrImageNeverPull')!;
    expect(waiting.why).toContain('is not present with pull policy of Never');
  });

  it('once the user gives the failPull a `for` (the image loaded), the next try starts the container, with no pull (1.37)', () => {
    const { trace } = continued('1.37', (t) => t.replace('do: failPull', 'do: failPull\n    for: 30s'));
    const start = trace.events.find((e) => e.type === 'container.start');
    expect(start).toBeDefined();
    expect(start!.t).toBeGreaterThanOrEqual(1410);
    expect(start!.t).toBeLessThan(1422);
    expect(trace.events.filter((e) => e.type === 'container.pulling')).toEqual([]);
  });

  it('a pod waiting in ErrImagePull is continued as before: no failPull is written for it', () => {
    const text = POD.replace('imagePullPolicy: Never', 'imagePullPolicy: IfNotPresent').replace('reason: ErrImageNeverPull', 'reason: ErrImagePull');
    const r = continueScenario(text, { now: NOW, version: '1.37' });
    if (!r.ok) throw new Error(r.message);
    expect(r.text).not.toContain('failPull');
  });
});

// initialState seeds ErrImageNeverPull's start error: the observed row at "now" is the pasted pod's own,
// ErrImageNeverPull, and so is every row after it [10.2].
describe('Continue from here: the observed row at now keeps ErrImageNeverPull (initialState) [10.2]', () => {
  it.each(['1.27', '1.37'] as const)('every kubectl row from now on reads ErrImageNeverPull, the waiting container.waiting why quoting the message (%s)', (version) => {
    const r = continueScenario(POD, { now: NOW, version });
    if (!r.ok) throw new Error(r.message);
    const trace = runScenario(r.text).trace!;
    const rows = trace.events.flatMap((e) => (e.type === 'pod.kubectl' && e.t >= 1380 ? [e.status] : []));
    expect(rows).toEqual(['ErrImageNeverPull']);
    const waiting = trace.events.find((e) => e.type === 'container.waiting' && e.reason === 'ErrImageNeverPull')!;
    expect(waiting.why).toContain('is not present with pull policy of Never');
  });
});
