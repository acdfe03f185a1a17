// trevorbox/openshift-service-mesh, components/native-sidecar-drain-test/ (README.md, deployments.yaml,
// server.py, test-drain.sh at commit bfb4a3c3; README = search-index file 58183642046): Istio 1.28.5
// native sidecars on OpenShift Local `crc-ossm3`, "OpenShift 4.20.5 / Kubernetes v1.33.5" (stated):
// server 1.33. Run at 1.33, and at 1.29 and 1.36 (the termination rules read here are unchanged).
// The published lines, verbatim, and the pod (deployments.yaml's `native-legacy-flags` template,
// with the injected istio-validation and istio-proxy as the README describes them) are in
// fixtures/so-trevorbox-ossm3-native-drain.yaml. In short, for `native-legacy-flags` (grace 60, no
// app preStop, an 8 s request in flight): app SIGTERM 23:03:13.375, proxy `handling /drain` (its
// preStop) 13.603, app exits 20.377, proxy `Agent already drained, exiting immediately` 20.493,
// "pod deleted in 8s" (test-drain.sh: `date +%s` before `oc delete --wait=true` and after it, so
// whole seconds); for `native-default` (app preStop `touch /tmp/unhealthy; sleep 5`, grace 40):
// "SIGTERM arrived ~5s after POST /drain, then the proxy again exited immediately after the app".
// Rules: [8.3] every container's kill starts at the deletion: the app's SIGTERM at once when it has
// no preStop, after its 5 s hook when it has one, and the proxy's preStop hook at the same instant
// (a sidecar's hook does not wait for its turn, [8.4]); [8.4] the proxy's stop signal only once the
// app's kill has returned (its exit); [8.6] both exit 0; [6.3] [6.5] the pod Succeeded and removed
// a relist after the last exit, [0.6] [15.8]. Inputs, not checks: server.py's reaction to SIGTERM
// (it polls its in-flight count each second: 7.0 s with the 8 s request, 1.5 s in the native-default
// run, where the request ends a second after the SIGTERM), the proxy's 0.1 s exit and the hook's
// 0.1 s round trip (Istio's, not the kubelet's), the deletion's time. Checked: the proxy's hook
// within 0.5 s of the app's SIGTERM (0.228 s published), the proxy's SIGTERM at the app's exit and
// its exit within 0.5 s of it (0.116 s published), the pod gone 8 s after the deletion within 1 s,
// and in native-default the app's SIGTERM 5 s after the hook's start within 1 s.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { withVersion } from './watch.testkit';

const LEGACY_FLAGS = readFileSync(new URL('./fixtures/so-trevorbox-ossm3-native-drain.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.29', '1.33', '1.36'];

/** Published (native-legacy-flags), seconds after the app's SIGTERM at 23:03:13.375. */
const PUBLISHED = {
  drainHook: 13.603 - 13.375,
  appExit: 20.377 - 13.375,
  proxyExitAfterApp: 20.493 - 20.377,
  podDeletedIn: 8,
  nativeDefaultSigtermAfterDrain: 5, // "~5s"
};

/** deployments.yaml's `native-default`: the app's preStop `touch /tmp/unhealthy; sleep 5`, grace 40. */
function nativeDefault(text: string): string {
  const withHook = text
    .replace('terminationGracePeriodSeconds: 60', 'terminationGracePeriodSeconds: 40')
    .replace(
      '      livenessProbe:\n        httpGet: { path: /live, port: http }\n        periodSeconds: 5\n',
      '      livenessProbe:\n        httpGet: { path: /live, port: http }\n        periodSeconds: 5\n'
        + '      lifecycle:\n        preStop:\n          exec:\n            command: ["/bin/sh", "-c", "touch /tmp/unhealthy; sleep 5"]\n',
    )
    .replace('drain-app: { pull: 0, onStop: { after: 7.0s, exitCode: 0 } }', 'drain-app: { pull: 0, onStop: { after: 1.5s, exitCode: 0 }, preStop: { duration: 5s, exitCode: 0 } }');
  expect(withHook).toMatch(/touch \/tmp\/unhealthy; sleep 5/);
  expect(withHook).toMatch(/terminationGracePeriodSeconds: 40/);
  expect(withHook).toMatch(/after: 1\.5s/);
  return withHook;
}

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const ofType = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) => events.filter((e) => e.type === type) as Ev<T>[];
const eventsOf = (text: string, version: string) => runScenario(withVersion(text, version)).trace!.events;

describe('transcript: trevorbox/openshift-service-mesh native-sidecar drain test, Istio 1.28.5 on Kubernetes v1.33.5', () => {
  it.each(VERSIONS)('native-legacy-flags: app SIGTERM and the proxy\'s preStop /drain at the deletion (0.228 s apart published), the proxy\'s SIGTERM at the app\'s exit (%s) [8.3] [8.4]', (version) => {
    const events = eventsOf(LEGACY_FLAGS, version);
    const deleted = ofType(events, 'pod.deleted')[0]!.t;
    const appSigterm = ofType(events, 'container.signal').filter((s) => s.container === 'drain-app');
    expect(appSigterm.map((s) => `${s.signal} ${s.t}`)).toEqual([`SIGTERM ${deleted}`]);
    const hook = ofType(events, 'hook.start').filter((h) => h.hook === 'preStop');
    expect(hook.map((h) => h.container)).toEqual(['istio-proxy']);
    expect(Math.abs(hook[0]!.t - appSigterm[0]!.t - PUBLISHED.drainHook)).toBeLessThanOrEqual(0.5);
    const exits = ofType(events, 'container.exit').filter((e) => e.t >= deleted);
    expect(exits.map((e) => `${e.container} ${e.exitCode}`)).toEqual(['drain-app 0', 'istio-proxy 0']);
    // the app's exit is an input (7.0 s); the order and the proxy's timing are the checks
    expect(exits[0]!.t - deleted).toBeCloseTo(PUBLISHED.appExit, 1);
    const proxySignals = ofType(events, 'container.signal').filter((s) => s.container === 'istio-proxy');
    expect(proxySignals.map((s) => `${s.signal} ${s.t}`)).toEqual([`SIGTERM ${exits[0]!.t}`]);
    expect(Math.abs(exits[1]!.t - exits[0]!.t - PUBLISHED.proxyExitAfterApp)).toBeLessThanOrEqual(0.5);
  });

  it.each(VERSIONS)('native-legacy-flags: the pod is gone 8 s after the deletion within 1 s ("pod deleted in 8s", not the 45 s terminationDrainDuration) (%s) [8.4] [6.3] [6.5]', (version) => {
    const events = eventsOf(LEGACY_FLAGS, version);
    const deleted = ofType(events, 'pod.deleted')[0]!.t;
    const gone = ofType(events, 'pod.gone')[0]!.t;
    expect(Math.abs(gone - deleted - PUBLISHED.podDeletedIn)).toBeLessThanOrEqual(1);
    expect(ofType(events, 'pod.phase').filter((p) => p.t <= gone).at(-1)).toMatchObject({ phase: 'Succeeded' });
    expect(ofType(events, 'container.signal').filter((s) => s.signal === 'SIGKILL')).toEqual([]);
  });

  it.each(VERSIONS)('native-default: the app\'s SIGTERM about 5 s after the proxy\'s /drain (its 5 s preStop), the proxy signalled at the app\'s exit and gone right after (%s) [8.3] [8.4]', (version) => {
    const events = eventsOf(nativeDefault(LEGACY_FLAGS), version);
    const deleted = ofType(events, 'pod.deleted')[0]!;
    expect(deleted.gracePeriodSeconds).toBe(40);
    const hooks = ofType(events, 'hook.start').filter((h) => h.hook === 'preStop');
    expect(hooks.map((h) => `${h.container} ${h.t}`).sort()).toEqual([`drain-app ${deleted.t}`, `istio-proxy ${deleted.t}`]);
    const proxyHook = hooks.find((h) => h.container === 'istio-proxy')!.t;
    const signals = ofType(events, 'container.signal');
    const appSigterm = signals.find((s) => s.container === 'drain-app')!;
    expect(appSigterm.signal).toBe('SIGTERM');
    expect(Math.abs(appSigterm.t - proxyHook - PUBLISHED.nativeDefaultSigtermAfterDrain)).toBeLessThanOrEqual(1);
    const exits = ofType(events, 'container.exit').filter((e) => e.t >= deleted.t);
    expect(exits.map((e) => `${e.container} ${e.exitCode}`)).toEqual(['drain-app 0', 'istio-proxy 0']);
    const proxySigterm = signals.filter((s) => s.container === 'istio-proxy');
    expect(proxySigterm.map((s) => `${s.signal} ${s.t}`)).toEqual([`SIGTERM ${exits[0]!.t}`]);
    expect(exits[1]!.t - exits[0]!.t).toBeLessThanOrEqual(0.5);
  });
});
