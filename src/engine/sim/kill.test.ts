// killContainer's preStop and the sidecars' turn, against upstream's
// pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer / executePreStopHook,
// kuberuntime_termination_order.go (newTerminationOrdering, waitForTurn, containerTerminated) and
// pkg/kubelet/lifecycle/handlers.go runSleepHandler ([8.3], [8.4], [11.4]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import type { KubeVersion } from '../version';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Of<T>[] =>
  trace.events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));

/** A sidecar `proxy` and a main `app` whose process ends by itself at ~15s, while its preStop runs. */
function pod(opts: { version: KubeVersion; preStop: string; appPreStop?: string; deleteGrace?: number }): Trace {
  const text = `apiVersion: v1
kind: Pod
metadata: { name: hooks }
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
  containers:
    - name: app
      image: example/app:1
      lifecycle:
        preStop: ${opts.preStop}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${opts.version}"
until: 90s
containers:
  proxy: { onStop: { after: 1s, exitCode: 0 } }
  app: { exitAfter: 12s, onStop: ignore${opts.appPreStop ? `, preStop: ${opts.appPreStop}` : ''} }
events:
  - { at: 10s, do: deletePod${opts.deleteGrace === undefined ? '' : `, gracePeriodSeconds: ${opts.deleteGrace}`} }
`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const SLEEP_VERSIONS: KubeVersion[] = ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];

describe('killContainer with a sleep preStop (handlers.go runSleepHandler) [11.4]', () => {
  for (const version of SLEEP_VERSIONS) {
    it(`${version}: the sleep runs its 20s although the container exits first, and the sidecar's turn waits for the kill to return [8.4]`, () => {
      const t = pod({ version, preStop: '{ sleep: { seconds: 20 } }' });
      const appExit = of(t, 'container.exit', 'app')[0]!;
      const hookEnd = of(t, 'hook.end', 'app').find((e) => e.hook === 'preStop')!;
      const proxySignal = of(t, 'container.signal', 'proxy')[0]!;
      expect(appExit.t).toBeLessThan(20); // the process ended by itself, during the sleep
      expect(hookEnd.t).toBe(30); // deleted at 10s + 20s of sleep
      expect(hookEnd.exitCode).toBe(0);
      expect(proxySignal.t).toBe(30); // not at the app's exit: containerTerminated comes after StopContainer
      expect(of(t, 'container.signal', 'app')).toEqual([]); // nothing left to signal
    });
  }

  it('1.33: a sleep longer than the deletion\'s grace is waited for only until the grace is used up [8.3]', () => {
    const t = pod({ version: '1.33', preStop: '{ sleep: { seconds: 20 } }', deleteGrace: 8 });
    const hookEnd = of(t, 'hook.end', 'app').find((e) => e.hook === 'preStop')!;
    expect(hookEnd.t).toBe(18);
    expect(hookEnd.exitCode).toBeUndefined();
    // The app's process ended by itself at ~15s, yet its kill returned only at 18s; the proxy gets the 2s minimum.
    expect(of(t, 'container.signal', 'proxy')[0]!.t).toBe(18);
    expect(of(t, 'container.exit', 'proxy')[0]!.t).toBe(19);
  });

  it('1.28: no termination ordering yet, so the sidecar is signalled at once [8.7]', () => {
    const t = pod({ version: '1.28', preStop: '{ exec: { command: [sh, -c, "sleep 20"] } }', appPreStop: '{ duration: 20s }' });
    expect(of(t, 'container.signal', 'proxy')[0]!.t).toBe(10);
  });
});

describe('killContainer with an exec preStop (executePreStopHook)', () => {
  it('1.33: the exec hook ends with its container, and the sidecar\'s turn follows the kill\'s return at once [8.4] [8.5]', () => {
    const t = pod({ version: '1.33', preStop: '{ exec: { command: [sh, -c, "sleep 20"] } }', appPreStop: '{ duration: 20s }' });
    const appExit = of(t, 'container.exit', 'app')[0]!;
    const hookEnd = of(t, 'hook.end', 'app').find((e) => e.hook === 'preStop')!;
    expect(hookEnd.t).toBe(appExit.t);
    expect(of(t, 'container.signal', 'proxy')[0]!.t).toBe(appExit.t);
  });
});

describe('a sleep postStart (handlers.go runSleepHandler on the runtime SyncPod\'s context) [11.4]', () => {
  const text = (deleteAt?: number) => `apiVersion: v1
kind: Pod
metadata: { name: poststart }
spec:
  containers:
    - name: app
      image: example/app:1
      lifecycle:
        postStart: { sleep: { seconds: 10 } }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.34"
until: 60s
containers:
  app: { exitAfter: 3s }
${deleteAt === undefined ? '' : `events:\n  - { at: ${deleteAt}s, do: deletePod }\n`}`;

  it('1.34: outlives its container, which exits after 3s; the hook still ends 10s after it began', () => {
    const t = runScenario(text()).trace!;
    const start = of(t, 'hook.start', 'app')[0]!;
    const end = of(t, 'hook.end', 'app')[0]!;
    expect(of(t, 'container.exit', 'app')[0]!.t).toBeLessThan(start.t + 10);
    expect(end.t).toBe(start.t + 10);
    expect(end.exitCode).toBe(0);
  });

  it('1.34: runs its 10s though the pod is deleted at 5s: kubelet.go SyncPod runs the runtime\'s SyncPod on context.WithoutCancel(ctx) (from #122087; context.TODO() before), so runSleepHandler\'s ctx.Done() never fires', () => {
    const t = runScenario(text(5)).trace!;
    const start = of(t, 'hook.start', 'app')[0]!;
    const end = of(t, 'hook.end', 'app')[0]!;
    expect(end.t).toBe(start.t + 10);
    expect(end.exitCode).toBe(0);
  });
});
