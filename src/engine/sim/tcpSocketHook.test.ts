// A tcpSocket lifecycle hook ([3.4], [1.5]): the API server accepts it (validation.go
// validateLifecycle -> validateHandler(handlerFromLifecycle(...)), which keeps TCPSocket and checks
// only its port; read in the stored 1.3x copy, and the API's field doc says "TCPSocket is NOT
// supported as a LifecycleHandler ... lifecycle hooks will fail in runtime"), but the kubelet's
// handlers.go Run has no case for it (no stored copy, 1.x to the newest, ever had one): its default
// branch returns "Cannot run handler: invalid handler: %v" at once. So a postStart tcpSocket hook
// fails as soon as the container starts (FailedPostStartHook, Killing, PostStartHookError) and a
// preStop one records FailedPreStopHook and takes no time before the stop signal
// (kuberuntime_container.go startContainer / executePreStopHook, 1.27/1.28-era and 1.3x copies).
// The same on every minor 1.27-1.37; only the printed handler struct changes (Sleep from 1.29).
import { describe, expect, it } from 'vitest';
import type { HookSpec } from '../scenario/types';
import type { KubeVersion } from '../version';
import { invalidHandlerMessage } from './postStart';
import { ALL, of, rejected, run, simHead, statusOf, statusesAt } from './upstreamRuntime.testkit';

function pod(version: KubeVersion, lifecycle: string, sim: string, deletion = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: podfoo, namespace: nsfoo }
spec:
  terminationGracePeriodSeconds: 20
  containers:
    - name: containerfoo
      image: example/app:1
      ports: [{ name: quux, containerPort: 8080 }]
      lifecycle: ${lifecycle}
    - { name: second, image: example/app:1 }
---
${simHead(version, '40s')}
containers:
  containerfoo: ${sim}
${deletion}`;
}

describe('validation.go validateHandler(handlerFromLifecycle): a tcpSocket lifecycle handler is accepted, its port checked [1.5]', () => {
  for (const version of ALL) {
    it(`${version}: { tcpSocket: { port: 8080 } } and a named port pass; port 0 is rejected`, () => {
      expect(rejected(pod(version, '{ postStart: { tcpSocket: { port: 8080 } }, preStop: { tcpSocket: { port: quux } } }', '{ onStop: ignore }'))).toEqual([]);
      const errors = rejected(pod(version, '{ postStart: { tcpSocket: { port: 0 } } }', '{ onStop: ignore }'));
      expect(errors.some(([p, m]) => p === 'spec.containers[0].lifecycle.postStart.tcpSocket.port' && /^Invalid value: 0: must be between 1 and 65535, inclusive$/.test(m!))).toBe(true);
    });
  }
});

describe('handlers.go Run\'s default branch through startContainer: a tcpSocket postStart fails at once (FailedPostStartHook, Killing, PostStartHookError) [3.4] [10.2]', () => {
  for (const version of ALL) {
    it(`${version}: the hook fails the instant it starts, whatever the Simulation document says; the kill has the pod's 20s grace`, () => {
      const text = pod(version, '{ postStart: { tcpSocket: { port: 8080 } } }', '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 5s, exitCode: 0 } }');
      const t = run(text);
      const start = of(t, 'container.start', 'containerfoo')[0]!;
      expect(of(t, 'hook.start', 'containerfoo')[0]!.t).toBe(start.t);
      const end = of(t, 'hook.end', 'containerfoo')[0]!;
      expect([end.hook, end.t, end.failed, end.exitCode]).toEqual(['postStart', start.t, true, undefined]);
      const kill = of(t, 'container.kill', 'containerfoo')[0]!;
      expect([kill.reason, kill.t, kill.gracePeriodSeconds]).toEqual(['FailedPostStartHook', start.t, 20]);
      expect(kill.cause).toContain(end.id);
      expect(of(t, 'container.signal', 'containerfoo')[0]!.t).toBe(start.t); // no preStop: the stop signal at once
      const w = (t.statusWrites ?? []).find((x) => x.container === 'containerfoo' && x.reason === 'PostStartHookError')!;
      expect(statusOf(statusesAt(text, [w.t + 0.01]).get(w.t + 0.01), 'containerfoo').state.waiting?.reason).toBe('PostStartHookError');
      expect(of(t, 'container.start', 'containerfoo').length).toBeGreaterThan(1); // it follows the restart rules
    });
  }
});

describe('executePreStopHook with Run\'s default branch: a tcpSocket preStop fails at once and takes none of the grace [3.4] [8.3]', () => {
  for (const version of ALL) {
    it(`${version}: deleted at 10s: FailedPreStopHook at the kill, the stop signal at once, even with a Simulation preStop of 5s`, () => {
      const t = run(pod(version, '{ preStop: { tcpSocket: { port: 8080 } } }', '{ onStop: { after: 1s, exitCode: 0 }, preStop: { duration: 5s, exitCode: 0 } }',
        'events:\n  - { at: 10s, do: deletePod }\n'));
      const kill = of(t, 'container.kill', 'containerfoo')[0]!;
      expect([kill.reason, kill.gracePeriodSeconds]).toEqual(['PodTermination', 20]);
      expect(of(t, 'hook.start', 'containerfoo').map((h) => [h.hook, h.t])).toEqual([['preStop', kill.t]]);
      expect(of(t, 'hook.end', 'containerfoo').map((h) => [h.hook, h.t, h.failed])).toEqual([['preStop', kill.t, true]]);
      expect(of(t, 'container.signal', 'containerfoo').map((s) => [s.signal, s.t])).toEqual([['SIGTERM', kill.t]]);
    });
  }
});

describe('Run\'s message for it: "Cannot run handler: invalid handler: %v" of the *v1.LifecycleHandler (generated String(); intstr.IntOrString printed as a struct) [3.4]', () => {
  const tcp = (port: number | string, host?: string) => ({ handler: 'tcpSocket', port, ...(host === undefined ? {} : { host }) }) as HookSpec;
  it('1.27 and 1.28: no Sleep field in LifecycleHandler', () => {
    for (const m of Array.of(27, 28)) {
      expect(invalidHandlerMessage(tcp(8080), m)).toBe('Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{0 8080 },Host:,},}');
    }
  });
  it('1.29 to 1.37: Sleep:nil after TCPSocket (KEP-3960 added the field in 1.29)', () => {
    for (const m of Array.of(29, 33, 37)) {
      expect(invalidHandlerMessage(tcp(8080), m)).toBe('Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{0 8080 },Host:,},Sleep:nil,}');
    }
  });
  it('a named port prints as {1 0 name}, a host as written', () => {
    expect(invalidHandlerMessage(tcp('quux', 'db.local'), 33)).toBe('Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{1 0 quux},Host:db.local,},Sleep:nil,}');
  });
  it('without the port in the spec model, the event\'s words', () => {
    expect(invalidHandlerMessage({ handler: 'tcpSocket' }, 33)).toBe('PostStartHook failed');
  });
});
