import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../api';
import { done, exited, running, specOf, waiting } from '../apiPod/statusBuilders';
import { explainPhase, type PhaseOptions } from '../kubelet/getPhase';
import { samePhaseView } from './phaseView';

const SPEC = specOf({ restartPolicy: 'OnFailure', init: ['i1', 'proxy*'], main: ['app', 'worker'] });

/** One status of each kind getPhase tells apart ([6.1]–[6.6]). */
const statusArb = (name: string): fc.Arbitrary<ContainerStatus> => fc.oneof(
  fc.record({ started: fc.boolean(), ready: fc.boolean() }).map((x) => running(name, x)),
  fc.constantFrom(0, 1, 137).map((code) => exited(name, code)),
  fc.constant(done(name)),
  fc.constantFrom(undefined, 0, 1).map((last) => waiting(name, 'CrashLoopBackOff', last)),
  fc.constant(waiting(name, 'PodInitializing')),
);

/** The same status with only what getPhase never reads changed: ready, restart count, image, times, waiting reason. */
function unseenChange(s: ContainerStatus, n: number): ContainerStatus {
  const state = s.state.waiting ? { waiting: { reason: `Other${n}` } } : s.state.running ? { running: { startedAt: n } } : s.state;
  return { ...s, ready: !s.ready, restartCount: s.restartCount + n, image: `img:${n}`, state };
}

const optsArb = fc.record<PhaseOptions>({
  podIsTerminal: fc.boolean(), podHasInitialized: fc.boolean(), containerRestartRules: fc.boolean(), sidecarStartedVisible: fc.boolean(),
});

describe('samePhaseView: what kubelet_pods.go getPhase reads of the statuses (1.27-1.36), rules [6.1]-[6.6]', () => {
  it('[6.2] lists that differ only in fields getPhase never reads give the same phase and explanation', () => {
    fc.assert(fc.property(statusArb('i1'), statusArb('proxy'), statusArb('app'), statusArb('worker'), fc.nat(5), optsArb, (i1, proxy, app, worker, n, opts) => {
      const before = { initContainerStatuses: [i1, proxy], containerStatuses: [app, worker] };
      const after = { initContainerStatuses: [i1, unseenChange(proxy, n + 1)], containerStatuses: [unseenChange(app, n + 1), worker] };
      expect(samePhaseView(before.initContainerStatuses, after.initContainerStatuses)).toBe(true);
      expect(samePhaseView(before.containerStatuses, after.containerStatuses)).toBe(true);
      expect(explainPhase(SPEC, after, opts)).toEqual(explainPhase(SPEC, before, opts));
    }));
  });

  it('[6.1] a sidecar\'s started flag, a state kind, an exit code and a last termination are seen', () => {
    expect(samePhaseView([running('proxy', { started: false })], [running('proxy', { started: true })])).toBe(false);
    expect(samePhaseView([running('app')], [exited('app', 0)])).toBe(false);
    expect(samePhaseView([exited('app', 0)], [exited('app', 1)])).toBe(false);
    expect(samePhaseView([exited('app', 1)], [exited('app', 1, { reason: 'OOMKilled' })])).toBe(false);
    expect(samePhaseView([waiting('app', 'CrashLoopBackOff')], [waiting('app', 'CrashLoopBackOff', 1)])).toBe(false);
    expect(samePhaseView([running('app')], [running('app'), running('worker')])).toBe(false);
    expect(samePhaseView([running('app')], [running('worker')])).toBe(false);
  });
});
