// The gallery's lessons about starting (galleryLessons.testkit.ts): a sidecar the next container
// waits for, startup probes that gate and readiness that does not, init containers without the
// network, a postStart hook that never returns. The assertions restate the rules of
// docs/kubelet-rules.md (section numbers in the comments) against the engine's trace.

import { expect } from 'vitest';
import { first, kubectl, lastPhase, none, of, phases, run } from './galleryTrace.testkit';

export const STARTING_LESSONS: Record<string, () => number | null> = {
  '02-app-before-proxy-no-gate.yaml': () => {
    const { trace } = run('02-app-before-proxy-no-gate.yaml');
    // [2.2] no startup probe: started = running, so the app starts before Envoy is up.
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const proxyUp = first(trace, 'container.up', 'istio-proxy');
    const appStart = first(trace, 'container.start', 'checkout');
    expect(proxyStarted.t).toBeLessThan(proxyUp.t);
    expect(appStart.t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(appStart.t).toBeLessThan(proxyUp.t);
    // Its first run (no mesh yet) fails before the proxy is up.
    expect(first(trace, 'container.exit', 'checkout').t).toBeLessThan(proxyUp.t);
    return appStart.t;
  },

  '02-app-before-proxy-startup-probe.yaml': () => {
    const { trace } = run('02-app-before-proxy-startup-probe.yaml');
    // [2.1] [2.2] the next container waits for the sidecar's startup probe to pass.
    const proxyUp = first(trace, 'container.up', 'istio-proxy');
    const probeOk = first(trace, 'probe.result', 'istio-proxy', (e) => e.probe === 'startup' && e.result === 'success');
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const appStart = first(trace, 'container.start', 'checkout');
    expect(probeOk.t).toBeGreaterThanOrEqual(proxyUp.t);
    expect(proxyStarted.t).toBeGreaterThanOrEqual(probeOk.t);
    expect(appStart.t).toBeGreaterThanOrEqual(proxyStarted.t);
    none(trace, 'container.exit', 'checkout');
    return appStart.t;
  },

  '20-tag-typo.yaml': () => {
    const { trace } = run('20-tag-typo.yaml');
    // [10.9] every pull fails, and the app never starts: its restart count stays 0
    none(trace, 'container.start', 'web');
    expect(of(trace, 'fault', 'web').filter((e) => e.do === 'failPull' && e.image !== undefined).length).toBeGreaterThanOrEqual(3);
    // [0.1] [10.2] the status shows what the sync before met: ErrImagePull and ImagePullBackOff take turns
    const web = kubectl(trace).filter((e) => e.status === 'ErrImagePull' || e.status === 'ImagePullBackOff').map((e) => e.status);
    expect(web.slice(0, 4)).toEqual(['ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
    expect(kubectl(trace).every((e) => e.restarts === '0')).toBe(true);
    // [2.1] the sidecar before it runs and is ready all along: READY 1/2
    expect(kubectl(trace).filter((e) => e.status === 'ImagePullBackOff').every((e) => e.ready === '1/2')).toBe(true);
    // [10.9] the pull's own back-off doubles: the pulls after the first come 10, then 20 s after a failure
    const pulls = of(trace, 'container.pulling', 'web').map((e) => e.t);
    const failures = of(trace, 'fault', 'web').filter((e) => e.do === 'failPull' && e.image !== undefined).map((e) => e.t);
    expect(pulls[1]! - failures[0]!).toBeGreaterThanOrEqual(10);
    expect(pulls[2]! - failures[1]!).toBeGreaterThanOrEqual(20);
    return kubectl(trace).filter((e) => e.status === 'ErrImagePull')[1]!.t;
  },

  '22-image-never-loaded.yaml': () => {
    const { trace } = run('22-image-never-loaded.yaml');
    const tries = of(trace, 'fault', 'log-shipper').filter((e) => e.reason === 'ErrImageNeverPull').map((e) => e.t);
    // [10.10] no pull and no pull back-off: every try in the window fails the same way, one requeue
    // apart ([0.2]: 10-15 s) after the sync the first relist adds ([0.9])
    none(trace, 'container.pulling', 'log-shipper');
    none(trace, 'container.pullBackoff', 'log-shipper');
    expect(tries.length).toBeGreaterThanOrEqual(4);
    for (let i = 2; i < tries.length; i++) {
      expect(tries[i]! - tries[i - 1]!).toBeGreaterThanOrEqual(10);
      expect(tries[i]! - tries[i - 1]!).toBeLessThanOrEqual(15.5);
    }
    // [2.1] [14.1] the sidecar holds the pod: Init:ErrImageNeverPull, READY 0/2, RESTARTS 0, the app not started
    const held = kubectl(trace).filter((e) => e.t < 45 && e.status !== 'Pending');
    expect(held.map((e) => e.status)).toContain('Init:ErrImageNeverPull');
    expect(held.every((e) => e.restarts === '0' && e.ready === '0/2')).toBe(true);
    // after the window (the image loaded at 45 s) the next try starts the sidecar, then the app
    const sidecarStart = first(trace, 'container.start', 'log-shipper');
    expect(sidecarStart.t).toBeGreaterThanOrEqual(45);
    expect(sidecarStart.t).toBeLessThanOrEqual(45 + 15.5);
    expect(first(trace, 'container.start', 'web').t).toBeGreaterThan(sidecarStart.t);
    return kubectl(trace).filter((e) => e.status === 'Init:ErrImageNeverPull')[0]!.t;
  },

  '03-startup-gates-readiness-does-not.yaml': () => {
    const { trace } = run('03-startup-gates-readiness-does-not.yaml');
    // [2.2] [5.7] readiness does not gate: istio-proxy starts long before config-reloader is ready.
    const reloaderStarted = first(trace, 'container.started', 'config-reloader');
    const reloaderReady = first(trace, 'container.ready', 'config-reloader');
    const proxyStart = first(trace, 'container.start', 'istio-proxy');
    expect(proxyStart.t).toBeGreaterThanOrEqual(reloaderStarted.t);
    expect(proxyStart.t).toBeLessThan(reloaderReady.t);
    // The startup probe does gate: nginx waits for istio-proxy's startup success.
    const proxyUp = first(trace, 'container.up', 'istio-proxy');
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const nginxStart = first(trace, 'container.start', 'nginx');
    expect(proxyStarted.t).toBeGreaterThanOrEqual(proxyUp.t);
    expect(nginxStart.t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(nginxStart.t).toBeLessThan(reloaderReady.t);
    // [7.3] [7.4] readiness only feeds pod Ready.
    const ready = first(trace, 'pod.condition', undefined, (e) => e.condition === 'Ready' && e.status === 'True');
    expect(ready.t).toBeGreaterThanOrEqual(reloaderReady.t);
    return nginxStart.t;
  },

  '04-init-without-network-legacy.yaml': () => {
    const { trace } = run('04-init-without-network-legacy.yaml');
    expect(trace.containers.find((c) => c.name === 'istio-proxy')?.kind).toBe('main');
    // [3.1] main containers (the proxy here) wait for init; [2.5] a failing init container is retried with backoff.
    none(trace, 'container.start', 'istio-proxy');
    none(trace, 'container.start', 'orders');
    const exits = of(trace, 'container.exit', 'db-migrate');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    expect(exits.every((e) => e.exitCode !== 0)).toBe(true);
    for (const e of exits.slice(0, -1)) first(trace, 'container.start', 'db-migrate', (s) => s.attempt === e.attempt + 1 && s.t > e.t);
    expect(of(trace, 'container.backoff', 'db-migrate').length).toBeGreaterThan(0);
    expect(phases(trace)).toEqual(['Pending']);
    return first(trace, 'pod.kubectl', undefined, (e) => e.status === 'Init:CrashLoopBackOff').t;
  },

  '04-init-without-network-native.yaml': () => {
    const { trace } = run('04-init-without-network-native.yaml');
    // [2.1] the sidecar ahead of db-migrate is started before db-migrate runs.
    const proxyStarted = first(trace, 'container.started', 'istio-proxy');
    const migrate = first(trace, 'container.start', 'db-migrate');
    expect(migrate.t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(of(trace, 'container.exit', 'db-migrate').map((e) => e.exitCode)).toEqual([0]);
    const app = first(trace, 'container.start', 'orders');
    expect(lastPhase(trace)).toBe('Running');
    return app.t;
  },

  '12-hung-poststart.yaml': () => {
    const { trace } = run('12-hung-poststart.yaml');
    // [3.3] the hook never returns: no later container starts, and the status stays ContainerCreating.
    const hook = first(trace, 'hook.start', 'search-api', (e) => e.hook === 'postStart');
    none(trace, 'hook.end', 'search-api');
    none(trace, 'container.start', 'metrics-exporter');
    none(trace, 'container.started', 'search-api');
    const statuses = new Set(kubectl(trace).map((e) => e.status));
    expect(statuses).toEqual(new Set(['ContainerCreating']));
    expect(phases(trace)).toEqual(['Pending']);
    expect(trace.end - hook.t).toBeGreaterThan(60);
    return hook.t;
  },
};
