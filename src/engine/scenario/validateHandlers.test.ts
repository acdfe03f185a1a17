import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

const withContainer = (lines: string[]) => pod(['  containers:', '    - name: app', '      image: nginx', ...lines, ''].join('\n'));

describe('probes ([1.4])', () => {
  it('needs exactly one handler', () => {
    expect(check(withContainer(['      livenessProbe: {periodSeconds: 5}'])).errors)
      .toEqual(['9:7 spec.containers[0].livenessProbe: Required value: must specify a handler type']);
    expect(check(withContainer(['      livenessProbe:', '        exec: {command: ["true"]}', '        httpGet: {port: 80}'])).errors)
      .toEqual(['11:9 spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type']);
  });

  it('checks numbers, thresholds and readiness grace', () => {
    const { errors } = check(withContainer([
      '      livenessProbe:',
      '        httpGet: {path: /healthz, port: 8080}',
      '        timeoutSeconds: -1',
      '        successThreshold: 2',
      '        terminationGracePeriodSeconds: 0',
      '      readinessProbe:',
      '        tcpSocket: {port: http-api}',
      '        terminationGracePeriodSeconds: 5',
    ]));
    expect(errors).toEqual([
      '11:25 spec.containers[0].livenessProbe.timeoutSeconds: Invalid value: -1: must be greater than or equal to 0',
      '12:27 spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      '13:40 spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
      '16:40 spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes',
    ]);
  });

  it('checks ports and schemes', () => {
    const { errors } = check(withContainer([
      '      livenessProbe: {httpGet: {port: 70000, scheme: FTP}}',
      '      readinessProbe: {tcpSocket: {port: Web}}',
      '      startupProbe: {grpc: {}}',
    ]));
    expect(errors).toEqual([
      '9:39 spec.containers[0].livenessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      '9:54 spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
      '10:42 spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      '11:22 spec.containers[0].startupProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });

  it('applies probe defaults and judges literal exec commands', () => {
    const r = ok(check(withContainer([
      '      livenessProbe: {exec: {command: ["sh", "-c", "exit 1"]}}',
      '      readinessProbe: {httpGet: {port: 80}, periodSeconds: 2, failureThreshold: 1}',
    ])).result);
    const c = r.scenario.pod.containers[0];
    expect(c?.livenessProbe).toEqual({
      handler: 'exec', command: ['sh', '-c', 'exit 1'], verdict: 'fail',
      initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
    });
    expect(c?.readinessProbe).toMatchObject({ handler: 'httpGet', periodSeconds: 2, failureThreshold: 1, timeoutSeconds: 1 });
  });
});

describe('lifecycle hooks ([1.5])', () => {
  it('needs one handler per hook', () => {
    expect(check(withContainer(['      lifecycle: {preStop: {}}'])).errors)
      .toEqual(['9:19 spec.containers[0].lifecycle.preStop: Required value: must specify a handler type']);
    expect(check(withContainer(['      lifecycle:', '        postStart:', '          exec: {command: ["true"]}', '          sleep: {seconds: 1}'])).errors)
      .toEqual(['12:11 spec.containers[0].lifecycle.postStart.sleep: Forbidden: may not specify more than 1 handler type']);
  });

  const sleepPod = (seconds: number, grace = 30) => pod([
    `  terminationGracePeriodSeconds: ${grace}`,
    '  containers:',
    '    - name: app',
    '      image: nginx',
    `      lifecycle: {preStop: {sleep: {seconds: ${seconds}}}}`,
    '',
  ].join('\n'));

  it('checks sleep.seconds against the grace period, with each version\'s wording', () => {
    expect(check(sleepPod(45), { kubernetesVersion: '1.31' }).errors).toEqual([
      '10:46 spec.containers[0].lifecycle.preStop.sleep: Invalid value: 45: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    ]);
    expect(check(sleepPod(0), { kubernetesVersion: '1.32' }).errors).toEqual([
      '10:46 spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
    ]);
    expect(check(sleepPod(0), { kubernetesVersion: '1.32', featureGates: { PodLifecycleSleepActionAllowZero: true } }).errors).toEqual([]);
    expect(check(sleepPod(0), { kubernetesVersion: '1.33' }).errors).toEqual([]);
    expect(check(sleepPod(31), { kubernetesVersion: '1.36' }).errors).toEqual([
      '10:46 spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)',
    ]);
    expect(check(sleepPod(30), { kubernetesVersion: '1.36' }).errors).toEqual([]);
  });

  it('turns hooks into HookSpecs', () => {
    const r = ok(check(withContainer([
      '      lifecycle:',
      '        postStart: {exec: {command: ["sh", "-c", "sleep 2"]}}',
      '        preStop: {sleep: {seconds: 5}}',
    ])).result);
    const c = r.scenario.pod.containers[0];
    expect(c?.postStart).toEqual({ handler: 'exec', command: ['sh', '-c', 'sleep 2'] });
    expect(c?.preStop).toEqual({ handler: 'sleep', sleepSeconds: 5 });
    expect(r.scenario.sim.behaviors.app?.postStart).toEqual({ duration: 2, exitCode: 0 });
    expect(r.scenario.sim.behaviors.app?.preStop).toEqual({ duration: 5, exitCode: 0 });
  });

  it('needs spec.os.name for stopSignal, and checks the signal', () => {
    const gates = { kubernetesVersion: '1.34', featureGates: { ContainerStopSignals: true } };
    expect(check(withContainer(['      lifecycle: {stopSignal: SIGUSR1}']), gates).errors)
      .toEqual(['9:19 spec.containers[0].lifecycle.stopSignal: Forbidden: may not be set for containers with empty `spec.os.name`']);
    const linux = (sig: string) => pod(['  os: {name: linux}', '  containers:', '    - name: app', '      image: nginx', `      lifecycle: {stopSignal: ${sig}}`, ''].join('\n'));
    const good = ok(check(linux('SIGUSR1'), gates).result);
    expect(good.scenario.pod.containers[0]?.stopSignal).toBe('SIGUSR1');
    expect(check(linux('SIGFOO'), gates).errors[0]).toMatch(/^10:31 spec.containers\[0\].lifecycle.stopSignal: Unsupported value: "SIGFOO": supported values: "SIGABRT", "SIGALRM"/);
  });
});
