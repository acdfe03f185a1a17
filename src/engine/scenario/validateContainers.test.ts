import { describe, expect, it } from 'vitest';
import { check, pod } from './testUtil';

describe('container lists ([1.1]–[1.3])', () => {
  it('requires a non-empty containers list', () => {
    expect(check(pod('  containers: []\n')).errors).toEqual(['6:3 spec.containers: Required value']);
  });

  it('requires name and image, and checks the name is a DNS-1123 label', () => {
    const { errors } = check(pod('  containers:\n    - image: nginx\n    - name: Web_1\n      image: nginx\n    - name: b\n'));
    expect(errors).toEqual([
      '7:7 spec.containers[0].name: Required value',
      expect.stringMatching(/^8:13 spec.containers\[1\].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of/),
      '10:7 spec.containers[2].image: Required value',
    ]);
  });

  it('rejects duplicate names across init and main containers', () => {
    const { errors } = check(pod([
      '  initContainers:',
      '    - name: app',
      '      image: busybox',
      '  containers:',
      '    - name: app',
      '      image: nginx',
      '    - name: app',
      '      image: nginx',
      '',
    ].join('\n')));
    expect(errors).toEqual([
      '7:13 spec.initContainers[0].name: Duplicate value: "app"',
      '12:13 spec.containers[1].name: Duplicate value: "app"',
    ]);
  });

  it('forbids probes and lifecycle on regular init containers, at the key', () => {
    const { errors } = check(pod([
      '  initContainers:',
      '    - name: init',
      '      image: busybox',
      '      readinessProbe: {exec: {command: ["true"]}}',
      '      lifecycle: {preStop: {exec: {command: ["true"]}}}',
      '  containers:',
      '    - name: app',
      '      image: nginx',
      '',
    ].join('\n')));
    expect(errors).toEqual([
      '9:7 spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      '10:7 spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });

  it('validates sidecars like main containers', () => {
    const { errors } = check(pod([
      '  initContainers:',
      '    - name: proxy',
      '      image: envoy',
      '      restartPolicy: Always',
      '      startupProbe: {tcpSocket: {port: 15021}, successThreshold: 3}',
      '  containers:',
      '    - name: app',
      '      image: nginx',
      '',
    ].join('\n')));
    expect(errors).toEqual(['10:66 spec.initContainers[0].startupProbe.successThreshold: Invalid value: 3: must be 1']);
  });

  it('refuses an image with surrounding whitespace in a Pod (not in templates)', () => {
    expect(check(pod('  containers:\n    - name: a\n      image: " nginx"\n')).errors)
      .toEqual(['8:14 spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']);
  });

  it('checks imagePullPolicy values', () => {
    expect(check(pod('  containers:\n    - name: a\n      image: nginx\n      imagePullPolicy: Sometimes\n')).errors)
      .toEqual(['9:24 spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']);
  });

  it('reports wrong types like the API server decoder', () => {
    const { errors } = check(pod('  containers:\n    - name: a\n      image: 5\n      command: sleep 10\n      args: [1]\n    - nginx\n'));
    expect(errors).toEqual([
      '8:14 spec.containers[0].image: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
      '9:16 spec.containers[0].command: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
      '10:14 spec.containers[0].args: json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string',
      '11:7 spec.containers[1]: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container',
    ]);
  });

  it('limits the number of containers', () => {
    const many = Array.from({ length: 501 }, (_, i) => `    - {name: c${i}, image: nginx}`).join('\n');
    expect(check(pod(`  containers:\n${many}\n`)).errors[0]).toMatch(/too many containers for the simulator: 501/);
  });
});
