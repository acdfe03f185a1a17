import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');

describe('fields dropped when their feature gate is off', () => {
  it('1.28 (SidecarContainers off): restartPolicy is dropped, the sidecar runs as a regular init container', () => {
    const c = check(DEFAULT, { kubernetesVersion: '1.28' });
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([
      '25:7 spec.initContainers[2].restartPolicy: field dropped: the SidecarContainers feature gate is off in 1.28, so this runs as a regular init container',
    ]);
    const r = ok(c.result);
    expect(r.scenario.pod.initContainers[2]).toMatchObject({ name: 'istio-proxy', kind: 'init' });
    expect(r.scenario.pod.initContainers[2]?.restartPolicy).toBeUndefined();
  });

  it('a dropped sidecar that has probes is then rejected, as the API server would', () => {
    const text = pod([
      '  initContainers:',
      '    - name: proxy',
      '      image: envoy',
      '      restartPolicy: Always',
      '      readinessProbe: {tcpSocket: {port: 15021}}',
      '  containers:',
      '    - {name: app, image: nginx}',
      '',
    ].join('\n'));
    expect(check(text, { kubernetesVersion: '1.28' }).errors)
      .toEqual(['10:7 spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always']);
  });

  it('1.29 (PodLifecycleSleepAction off): sleep is dropped, and the hook with it', () => {
    const text = pod('  containers:\n    - name: app\n      image: nginx\n      lifecycle:\n        preStop: {sleep: {seconds: 5}}\n');
    const c = check(text, { kubernetesVersion: '1.29' });
    expect(c.warnings).toEqual(['10:19 spec.containers[0].lifecycle.preStop.sleep: field dropped: the PodLifecycleSleepAction feature gate is off in 1.29, so this container has no preStop hook']);
    expect(ok(c.result).scenario.pod.containers[0]?.preStop).toBeUndefined();
    expect(ok(check(text, { kubernetesVersion: '1.30' }).result).scenario.pod.containers[0]?.preStop).toEqual({ handler: 'sleep', sleepSeconds: 5 });
  });

  it('1.34 (ContainerRestartRules alpha, off): container policies and rules are dropped', () => {
    const text = pod([
      '  initContainers:',
      '    - {name: setup, image: busybox, restartPolicy: OnFailure}',
      '    - {name: proxy, image: envoy, restartPolicy: Always}',
      '  containers:',
      '    - name: app',
      '      image: busybox',
      '      restartPolicy: Never',
      '      restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]',
      '',
    ].join('\n'));
    const c = check(text, { kubernetesVersion: '1.34' });
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([
      "7:37 spec.initContainers[0].restartPolicy: field dropped: the ContainerRestartRules feature gate is off in 1.34, so this init container follows the pod's restartPolicy",
      "12:7 spec.containers[0].restartPolicy: field dropped: the ContainerRestartRules feature gate is off in 1.34, so this container follows the pod's restartPolicy",
      '13:7 spec.containers[0].restartPolicyRules: field dropped: the ContainerRestartRules feature gate is off in 1.34',
    ]);
    const r = ok(c.result);
    expect(r.scenario.pod.initContainers.map((x) => [x.kind, x.restartPolicy])).toEqual([['init', undefined], ['sidecar', 'Always']]);
    expect(r.scenario.pod.containers[0]?.restartPolicyRules).toBeUndefined();
    expect(check(text, { kubernetesVersion: '1.34', featureGates: { ContainerRestartRules: true } }).warnings).toEqual([]);
  });

  it('ContainerStopSignals off: stopSignal is dropped', () => {
    const text = pod('  os: {name: linux}\n  containers:\n    - name: app\n      image: nginx\n      lifecycle: {stopSignal: SIGINT}\n');
    expect(check(text, { kubernetesVersion: '1.36' }).warnings).toEqual([
      "10:19 spec.containers[0].lifecycle.stopSignal: field dropped: the ContainerStopSignals feature gate is off in 1.36, so the image's stop signal (SIGTERM by default) is used",
    ]);
  });
});

describe('fields that do not exist yet (strict decoding)', () => {
  it('1.27 rejects a sidecar with kubectl\'s exact message at the field', () => {
    expect(check(DEFAULT, { kubernetesVersion: '1.27' }).errors).toEqual([
      '25:7 spec.initContainers[2].restartPolicy: strict decoding error: unknown field "spec.initContainers[2].restartPolicy"',
    ]);
  });

  it('1.29 accepts the same pod with a native sidecar', () => {
    const c = check(DEFAULT, { kubernetesVersion: '1.29' });
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(ok(c.result).scenario.pod.initContainers[2]?.kind).toBe('sidecar');
  });

  it('does not add consequential errors for a field it already rejected', () => {
    const text = pod([
      '  initContainers:',
      '    - name: proxy',
      '      image: envoy',
      '      restartPolicy: Always',
      '      readinessProbe: {tcpSocket: {port: 15021}}',
      '  containers:',
      '    - name: app',
      '      image: nginx',
      '      lifecycle: {preStop: {sleep: {seconds: 1}}}',
      '',
    ].join('\n'));
    expect(check(text, { kubernetesVersion: '1.27' }).errors).toEqual([
      '9:7 spec.initContainers[0].restartPolicy: strict decoding error: unknown field "spec.initContainers[0].restartPolicy"',
      '14:29 spec.containers[0].lifecycle.preStop.sleep: strict decoding error: unknown field "spec.containers[0].lifecycle.preStop.sleep"',
    ]);
  });

  it('knows when restartPolicyRules and stopSignal appeared', () => {
    const text = pod('  containers:\n    - name: app\n      image: nginx\n      restartPolicyRules: []\n      lifecycle: {stopSignal: SIGINT}\n');
    expect(check(text, { kubernetesVersion: '1.32' }).errors).toEqual([
      '9:7 spec.containers[0].restartPolicyRules: strict decoding error: unknown field "spec.containers[0].restartPolicyRules"',
      '10:19 spec.containers[0].lifecycle.stopSignal: strict decoding error: unknown field "spec.containers[0].lifecycle.stopSignal"',
    ]);
  });
});
