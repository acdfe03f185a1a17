import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

describe('pod spec defaults ([1.1])', () => {
  it('defaults restartPolicy, grace period and pull policies like the API server', () => {
    const r = ok(check(pod([
      '  containers:',
      '    - name: a',
      '      image: nginx',
      '    - name: b',
      '      image: nginx:1.27',
      '    - name: c',
      '      image: nginx:1.27',
      '      imagePullPolicy: Never',
      '',
    ].join('\n'))).result);
    expect(r.scenario.pod).toMatchObject({
      name: 'p', namespace: 'default', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, readinessGates: [],
    });
    expect(r.scenario.pod.containers.map((c) => c.imagePullPolicy)).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(r.scenario.pod.containers.map((c) => [c.kind, c.index, c.pos])).toEqual([
      ['main', 0, { line: 7, col: 7 }], ['main', 1, { line: 9, col: 7 }], ['main', 2, { line: 11, col: 7 }],
    ]);
    expect(r.scenario.pod.activeDeadlineSeconds).toBeUndefined();
  });

  it('reads restartPolicy, grace, activeDeadlineSeconds and readiness gates', () => {
    const r = ok(check(pod([
      '  restartPolicy: OnFailure',
      '  terminationGracePeriodSeconds: 5',
      '  activeDeadlineSeconds: 600',
      '  readinessGates:',
      '    - conditionType: example.com/feature-1',
      '  containers:',
      '    - {name: a, image: nginx}',
      '',
    ].join('\n'))).result);
    expect(r.scenario.pod).toMatchObject({
      restartPolicy: 'OnFailure', terminationGracePeriodSeconds: 5, activeDeadlineSeconds: 600, readinessGates: ['example.com/feature-1'],
    });
  });

  it('reads the priority the node shutdown groups by: a written one, else the system class\'s ([8.16])', () => {
    const of = (lines: string) => ok(check(pod(`${lines}  containers:\n    - {name: a, image: nginx}\n`)).result).scenario.pod.priority;
    expect(of('')).toBeUndefined();
    expect(of('  priorityClassName: system-node-critical\n')).toBe(2000001000);
    expect(of('  priorityClassName: system-cluster-critical\n')).toBe(2000000000);
    expect(of('  priorityClassName: high\n')).toBeUndefined(); // a class of the cluster's: its value is not in the manifest
    expect(of('  priorityClassName: high\n  priority: 1000\n')).toBe(1000);
  });

  it('treats an empty restartPolicy as unset (defaulted to Always)', () => {
    expect(ok(check(pod('  restartPolicy: ""\n  containers:\n    - {name: a, image: nginx}\n')).result).scenario.pod.restartPolicy).toBe('Always');
  });

  it('warns about a negative grace period and treats it as 1, like the API server', () => {
    const c = check(pod('  terminationGracePeriodSeconds: -5\n  containers:\n    - {name: a, image: nginx}\n'));
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual(['6:34 spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1']);
    expect(ok(c.result).scenario.pod.terminationGracePeriodSeconds).toBe(1);
  });

  it('rejects bad pod-level values', () => {
    const { errors } = check(pod('  restartPolicy: Sometimes\n  activeDeadlineSeconds: 0\n  terminationGracePeriodSeconds: "30"\n  containers:\n    - {name: a, image: nginx}\n'));
    expect(errors).toEqual([
      '6:18 spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      '7:26 spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
      '8:34 spec.terminationGracePeriodSeconds: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    ]);
  });

  it('ignores fields it does not simulate', () => {
    const r = ok(check(pod([
      '  volumes: [{name: data, emptyDir: {}}]',
      '  nodeSelector: {disk: ssd}',
      '  containers:',
      '    - name: a',
      '      image: nginx',
      '      env: [{name: X, value: "1"}]',
      '      resources: {limits: {cpu: 100m}}',
      '      someFutureField: 3',
      '',
    ].join('\n'))).result);
    expect(r.scenario.pod.containers).toHaveLength(1);
  });
});
