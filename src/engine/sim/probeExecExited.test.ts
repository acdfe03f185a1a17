// [5.11] [5.13] An exec probe run on a container the runtime no longer runs errors: containerd's
// ExecSync → execInContainer refuses a container that is not CONTAINER_RUNNING ("container is in
// %s state", read in internal/cri/server/container_execsync.go at 00c2e457 and the 1.7 tree's
// pkg/cri/server copy at 02e0fef8), pkg/probe/exec Probe returns probe.Unknown with the error,
// prober.go probe records "… probe errored…", and worker.go doProbe (00421113) throws the result
// away. Every version 1.27-1.37 (the event's wording changes at 1.33: state/trace/eventWording.ts).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import { EXEC_ON_EXITED_CONTAINER_ERROR } from './probeOutput';

const pod = (version: string, probe: string, extra = '', spec = '') => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: busybox:1.36
    readinessProbe: {${probe}, periodSeconds: 1}
${spec}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 14s
containers:
  app: {pull: 0, exitAfter: 9.5s, exitCode: 1${extra}}
`;

const EXEC = 'exec: {command: [cat, /tmp/ready]}';
const errored = (events: TraceEvent[]) => events.filter((e) => e.type === 'probe.errored');
const firstExit = (events: TraceEvent[]) => events.find((e) => e.type === 'container.exit')!;

describe('prober.go probe / worker.go doProbe: an exec run on an exited container errors (containerd ExecSync) [5.11] [5.13]', () => {
  it.each(['1.27', '1.32', '1.33', '1.37'])('the tick between the exit and the status that shows it errors with containerd\'s words and keeps the result (%s)', (version) => {
    const events = runScenario(pod(version, EXEC)).trace!.events;
    const exit = firstExit(events);
    const err = errored(events);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatchObject({ container: 'app', probe: 'readiness', attempt: 0, error: EXEC_ON_EXITED_CONTAINER_ERROR, cause: [exit.id] });
    expect(err[0]!.t).toBeGreaterThan(exit.t);
    // The result is thrown away: no probe.result between the exit and the status write that shows it.
    const unready = events.find((e) => e.type === 'container.unready')!;
    expect(unready.t).toBeGreaterThanOrEqual(err[0]!.t);
    expect(events.some((e) => e.type === 'probe.result' && e.t >= exit.t && e.t <= unready.t)).toBe(false);
  });

  it('an httpGet probe dials the pod\'s IP instead: no errored run', () => {
    expect(errored(runScenario(pod('1.33', 'httpGet: {path: /, port: 80}')).trace!.events)).toEqual([]);
  });

  it('a run under way when its container exits errors at its end with the same words', () => {
    // The command takes 3 s; runs begin at whole seconds from the worker's creation, the exit comes at 10.2 s.
    const events = runScenario(pod('1.33', EXEC, ', readinessProbe: {duration: 3}', '')).trace!.events;
    const exit = firstExit(events);
    const err = errored(events);
    expect(err.length).toBeGreaterThanOrEqual(1);
    expect(err[0]).toMatchObject({ error: EXEC_ON_EXITED_CONTAINER_ERROR, cause: [exit.id] });
    expect(err[0]!.why).toContain('exited while its readiness probe\'s exec ran');
  });

  it('a container killed but not yet exited still runs the exec (containerd keeps it CONTAINER_RUNNING); a run at the instant of its exit makes no event', () => {
    const deleted = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: nginx
    readinessProbe: {exec: {command: [cat, /tmp/ready]}, periodSeconds: 2}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.34"
containers:
  app: {onStop: {after: 10s, exitCode: 0}}
events:
- {at: 20s, do: deletePod}
`;
    const events = runScenario(deleted).trace!.events;
    // The exit at 30 s falls on a tick (period 2 s from 0): that run is taken as begun with the container.
    expect(firstExit(events).t).toBe(30);
    expect(errored(events)).toEqual([]);
    expect(events.some((e) => e.type === 'probe.failed' && e.t > 20 && e.t < 30)).toBe(false);
  });
});
