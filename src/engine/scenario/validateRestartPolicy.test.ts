import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

const initPolicy = (policy: string) => pod([
  '  initContainers:',
  '    - name: a',
  '      image: busybox:1.36',
  '    - name: b',
  '      image: busybox:1.36',
  '    - name: c',
  '      image: busybox:1.36',
  `      restartPolicy: ${policy}`,
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '',
].join('\n'));

describe('init container restartPolicy ([1.2])', () => {
  it('accepts only Always up to 1.33, at the value', () => {
    expect(check(initPolicy('OnFailure'), { kubernetesVersion: '1.33' }).errors).toEqual([
      '13:22 spec.initContainers[2].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
    expect(check(initPolicy('Never'), { kubernetesVersion: '1.29' }).errors).toEqual([
      '13:22 spec.initContainers[2].restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('makes Always a sidecar from 1.29 (and 1.28 with the gate)', () => {
    for (const opts of [{ kubernetesVersion: '1.29' }, { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } }]) {
      const r = ok(check(initPolicy('Always'), opts).result);
      expect(r.scenario.pod.initContainers.map((c) => c.kind)).toEqual(['init', 'init', 'sidecar']);
      expect(r.scenario.pod.initContainers[2]?.restartPolicy).toBe('Always');
    }
  });

  it('accepts OnFailure and Never on init containers from 1.35 (ContainerRestartRules beta)', () => {
    const r = ok(check(initPolicy('Never'), { kubernetesVersion: '1.35' }).result);
    expect(r.scenario.pod.initContainers[2]).toMatchObject({ kind: 'init', restartPolicy: 'Never' });
    expect(check(initPolicy('Sometimes'), { kubernetesVersion: '1.35' }).errors).toEqual([
      '13:22 spec.initContainers[2].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
    ]);
  });
});

const mainPolicy = (lines: string[]) => pod(['  restartPolicy: Never', '  containers:', '    - name: app', '      image: busybox', ...lines, ''].join('\n'));

describe('main container restartPolicy and rules ([1.2], [1.6])', () => {
  it('forbids restartPolicy on main containers up to 1.33', () => {
    expect(check(mainPolicy(['      restartPolicy: Never']), { kubernetesVersion: '1.33' }).errors)
      .toEqual(['10:7 spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']);
  });

  it('accepts per-container policies and rules from 1.35', () => {
    const r = ok(check(mainPolicy([
      '      restartPolicy: Never',
      '      restartPolicyRules:',
      '        - action: Restart',
      '          exitCodes: {operator: In, values: [42, 43]}',
    ]), { kubernetesVersion: '1.35' }).result);
    expect(r.scenario.pod.containers[0]).toMatchObject({
      restartPolicy: 'Never',
      restartPolicyRules: [{ action: 'Restart', operator: 'In', values: [42, 43] }],
    });
  });

  it('validates rules like the API server', () => {
    const { errors } = check(mainPolicy([
      '      restartPolicyRules:',
      '        - action: RestartAllContainers',
      '          exitCodes: {operator: Between, values: [1]}',
      '        - action: Restart',
    ]), { kubernetesVersion: '1.35' });
    expect(errors).toEqual([
      '10:7 spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used',
      '11:19 spec.containers[0].restartPolicyRules[0].action: Unsupported value: "RestartAllContainers": supported values: "Restart"',
      '12:33 spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Between": supported values: "In", "NotIn"',
      '13:11 spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified',
    ]);
  });

  it('allows RestartAllContainers with its gate (1.36 default)', () => {
    const text = mainPolicy(['      restartPolicy: Never', '      restartPolicyRules:', '        - {action: RestartAllContainers, exitCodes: {operator: In, values: [88]}}']);
    expect(check(text, { kubernetesVersion: '1.36' }).errors).toEqual([]);
    expect(check(text, { kubernetesVersion: '1.35', featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true } }).errors).toEqual([]);
  });

  it('limits rules and exit codes (bytes wording before 1.36, items from 1.36)', () => {
    const rules = Array.from({ length: 21 }, () => '        - {action: Restart, exitCodes: {operator: In, values: [1]}}');
    const text = mainPolicy(['      restartPolicy: Never', '      restartPolicyRules:', ...rules]);
    expect(check(text, { kubernetesVersion: '1.35' }).errors).toEqual(['11:7 spec.containers[0].restartPolicyRules: Too long: may not be more than 20 bytes']);
    expect(check(text, { kubernetesVersion: '1.36' }).errors).toEqual(['11:7 spec.containers[0].restartPolicyRules: Too many: 21: must have at most 20 items']);
    const codes = Array.from({ length: 256 }, (_, i) => i).join(', ');
    const many = mainPolicy(['      restartPolicy: Never', '      restartPolicyRules:', `        - {action: Restart, exitCodes: {operator: NotIn, values: [${codes}]}}`]);
    expect(check(many, { kubernetesVersion: '1.36' }).errors).toEqual(['12:58 spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items']);
  });

  it('forbids rules on sidecars unless RestartAllContainers is allowed', () => {
    const text = pod([
      '  initContainers:',
      '    - name: proxy',
      '      image: envoy',
      '      restartPolicy: Always',
      '      restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [1]}}]',
      '  containers:',
      '    - {name: app, image: nginx}',
      '',
    ].join('\n'));
    expect(check(text, { kubernetesVersion: '1.35' }).errors)
      .toEqual(['10:7 spec.initContainers[0].restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always']);
    expect(check(text, { kubernetesVersion: '1.36' }).errors).toEqual([]);
  });
});
