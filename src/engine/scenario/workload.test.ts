import { describe, expect, it } from 'vitest';
import { check, ok } from './testUtil';

const container = (indent: string) => `${indent}- name: app\n${indent}  image: busybox:1.36\n${indent}  command: ["sh", "-c", "sleep 5"]\n`;

describe('workload kinds', () => {
  it('simulates a Job template with the real field paths', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
${container('        ')}`;
    const r = ok(check(text).result);
    expect(r.scenario.workloadKind).toBe('Job');
    expect(r.scenario.pod.restartPolicy).toBe('Never');
    expect(r.scenario.pod.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(r.problems.find((p) => p.severity === 'info')?.path).toBe('spec.template.spec.containers[0]');
  });

  it('rejects a Job whose pods would use Always, with the batch API wording', () => {
    const base = (rp: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
${rp}      containers:
${container('        ')}`;
    expect(check(base('      restartPolicy: Always\n')).errors).toEqual([
      '8:22 spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    // No default for Jobs: a missing restartPolicy is defaulted to Always and rejected the same way.
    expect(check(base('')).errors).toEqual([
      '8:7 spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    expect(check(base('      restartPolicy: OnFailure\n')).errors).toEqual([]);
  });

  it('needs Never with podFailurePolicy', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  podFailurePolicy:
    rules: [{action: FailJob, onExitCodes: {operator: In, values: [42]}}]
  template:
    spec:
      restartPolicy: OnFailure
      containers:
${container('        ')}`;
    expect(check(text).errors).toEqual([
      '10:22 spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    ]);
  });

  it('reads a CronJob through spec.jobTemplate.spec.template.spec', () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Always
          containers:
${container('            ')}`;
    expect(check(text).errors).toEqual([
      '11:26 spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    const noSchedule = text.replace('  schedule: "0 3 * * *"\n', '').replace('restartPolicy: Always', 'restartPolicy: Never');
    expect(check(noSchedule).errors).toEqual(['5:1 spec.schedule: Required value']);
  });

  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'])('%s templates need restartPolicy Always', (kind) => {
    const text = `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: Never
      containers:
${container('        ')}`;
    expect(check(text).errors).toEqual(['12:22 spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
    const good = ok(check(text.replace('restartPolicy: Never', 'restartPolicy: Always')).result);
    expect(good.scenario.workloadKind).toBe(kind);
  });

  it('names pods like their controllers, deterministically', () => {
    const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    spec:\n      containers:\n${container('        ')}`;
    expect(ok(check(sts).result).scenario.pod.name).toBe('db-0');
    const dep = sts.replace('StatefulSet', 'Deployment');
    const name = ok(check(dep).result).scenario.pod.name;
    expect(name).toMatch(/^db-[a-z0-9]{10}-[a-z0-9]{5}$/);
    expect(ok(check(dep).result).scenario.pod.name).toBe(name);
  });

  it('forbids activeDeadlineSeconds in long-running controllers', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    spec:\n      activeDeadlineSeconds: 30\n      containers:\n${container('        ')}`;
    expect(check(text).errors).toEqual(['8:7 spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported']);
  });

  it('requires a selector on apps/v1 controllers', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n${container('        ')}`;
    expect(check(text).errors).toEqual(['4:1 spec.selector: Required value']);
  });

  it('uses metadata for name and namespace, generateName when there is no name', () => {
    const a = ok(check(`apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: prod}\nspec:\n  containers:\n${container('    ')}`).result);
    expect(a.scenario.pod).toMatchObject({ name: 'web', namespace: 'prod' });
    const b = ok(check(`apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec:\n  containers:\n${container('    ')}`).result);
    expect(b.scenario.pod.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(b.scenario.pod.namespace).toBe('default');
    expect(check(`apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${container('    ')}`).errors)
      .toEqual(['1:1 metadata.name: Required value: name or generateName is required']);
  });

  it('reports kind and apiVersion problems', () => {
    expect(check('apiVersion: v1\nmetadata: {name: x}\n').errors).toEqual(['1:1 kind: error validating data: kind not set']);
    expect(check('apiVersion: v1\nkind: Service\nmetadata: {name: x}\n').errors[0]).toMatch(/^2:7 kind: kind "Service" is not a workload/);
    expect(check('apiVersion: v1\nkind: pod\nmetadata: {name: x}\n').errors[0]).toMatch(/\(did you mean "Pod"\?\)$/);
    expect(check(`apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    spec:\n      containers:\n${container('        ')}`).errors)
      .toEqual(['1:13 apiVersion: no matches for kind "Deployment" in version "extensions/v1beta1" (use apps/v1)']);
  });

  it('reports a missing or malformed spec at the closest node', () => {
    expect(check('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n').errors).toEqual(['1:1 spec.containers: Required value']);
    expect(check('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: 3\n').errors).toEqual([
      '4:1 spec.containers: Required value',
      '4:7 spec: json: cannot unmarshal number into Go struct field Pod.spec of type v1.PodSpec',
    ]);
  });
});
