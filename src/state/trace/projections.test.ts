import { describe, expect, it } from 'vitest';
import { crashLoopTrace, sidecarPodTrace } from '../testFixtures';
import { containersAt } from './containersAt';
import { ageText, describeEvents, humanDuration } from './describeEvents';

describe('containersAt', () => {
  it('reads each container status at the cursor, in spec order', () => {
    const rows = containersAt(sidecarPodTrace(), 10);
    expect(rows.map((r) => [r.name, r.state, r.reason, r.ready, r.started, r.restarts])).toEqual([
      ['init-myservice', 'Terminated', 'Completed (exit 0)', false, false, 0],
      ['init-mydb', 'Terminated', 'Completed (exit 0)', false, false, 0],
      ['istio-proxy', 'Running', '', false, true, 0],
      ['myapp-container', 'Waiting', 'ContainerCreating', false, false, 0],
    ]);
    expect(containersAt(sidecarPodTrace(), 13).find((r) => r.name === 'istio-proxy')).toMatchObject({ state: 'Running', ready: true, started: true });
  });

  it('counts restarts, and shows back-off and termination', () => {
    const trace = crashLoopTrace();
    expect(containersAt(trace, 5)[0]).toMatchObject({ state: 'Waiting', reason: 'CrashLoopBackOff', restarts: 0 });
    expect(containersAt(trace, 16)[0]).toMatchObject({ state: 'Running', ready: true, restarts: 1 });
    expect(containersAt(trace, 20.5)[0]).toMatchObject({ state: 'Running', runtime: 'Terminating', ready: false });
    expect(containersAt(trace, 20.5)[0]!.runtimeNote).toMatch(/stopping it since .* \(PodTermination\)/);
    expect(containersAt(trace, 22)[0]).toMatchObject({ state: 'Terminated', reason: 'Error (exit 137)' });
  });
});

describe('describeEvents', () => {
  it('prints the kubelet events up to the cursor', () => {
    const rows = describeEvents(crashLoopTrace(), 16, 'p');
    expect(rows.map((r) => [r.type, r.reason, r.from, r.message, r.count])).toEqual([
      ['Warning', 'BackOff', 'kubelet', 'spec.containers{app}: Back-off restarting failed container app in pod p_default', 1],
      ['Normal', 'Created', 'kubelet', 'spec.containers{app}: Container created', 2],
      ['Normal', 'Started', 'kubelet', 'spec.containers{app}: Container started', 2],
    ]);
    expect(ageText(rows[1]!, 16)).toBe('3s (x2 over 15s)');
    expect(describeEvents(crashLoopTrace(), 20, 'p').at(-1)?.message).toBe('spec.containers{app}: Stopping container app');
  });

  it('has a scheduler event for the binding', () => {
    expect(describeEvents(sidecarPodTrace(), 0, 'myapp-pod')[0]).toMatchObject({ reason: 'Scheduled', from: 'default-scheduler' });
  });

  it('formats ages as kubectl does', () => {
    expect(humanDuration(5.9)).toBe('5s');
    expect(humanDuration(119)).toBe('119s');
    expect(humanDuration(150)).toBe('2m30s');
    expect(humanDuration(600)).toBe('10m');
    expect(humanDuration(3 * 3600 + 60)).toBe('3h1m');
  });
});
