import { describe, expect, it } from 'vitest';
import { loadPods } from './loadPods';
import { parseRfc3339 } from './time';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  creationTimestamp: "2025-03-01T10:00:00Z"
spec:
  restartPolicy: OnFailure
  initContainers:
  - name: proxy
    image: envoy
    restartPolicy: Always
    startupProbe: { httpGet: { path: /ready, port: 9901 } }
  containers:
  - name: app
    image: nginx
    restartPolicy: Never
    restartPolicyRules:
    - action: Restart
      exitCodes: { operator: In, values: [42] }
    livenessProbe: { exec: { command: [true] } }
  readinessGates:
  - conditionType: example.com/lb
status:
  phase: Running
  reason: Something
  conditions:
  - { type: Ready, status: "True", lastTransitionTime: "2025-03-01T10:00:09Z" }
  initContainerStatuses:
  - name: proxy
    ready: true
    started: true
    restartCount: 1
    state: { running: { startedAt: "2025-03-01T10:00:02Z" } }
    lastState: { terminated: { exitCode: 137, signal: 9, reason: Error, finishedAt: "2025-03-01T10:00:01.500Z" } }
  containerStatuses:
  - name: app
    ready: false
    restartCount: 0
    state: { waiting: { reason: ContainerCreating } }
`;

describe('loadPods', () => {
  it('reads a Pod into ApiPod with epoch seconds', () => {
    const { pods, problems } = loadPods(POD);
    expect(problems).toEqual([]);
    expect(pods).toHaveLength(1);
    const p = pods[0]!;
    expect(p).toMatchObject({ line: 1, col: 1, creationTimestamp: parseRfc3339('2025-03-01T10:00:00Z') });
    expect(p.newestTimestamp).toBe(parseRfc3339('2025-03-01T10:00:09Z'));
    expect(p.pod.spec).toEqual({
      restartPolicy: 'OnFailure',
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
      containers: [{ name: 'app', restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', operator: 'In', values: [42] }] }],
      readinessGates: ['example.com/lb'],
    });
    expect(p.pod.status.phase).toBe('Running');
    expect(p.pod.status.reason).toBe('Something');
    expect(p.pod.status.initContainerStatuses[0]).toEqual({
      name: 'proxy', ready: true, started: true, restartCount: 1,
      state: { running: { startedAt: parseRfc3339('2025-03-01T10:00:02Z') } },
      lastState: { terminated: { exitCode: 137, signal: 9, reason: 'Error', finishedAt: parseRfc3339('2025-03-01T10:00:01.5Z') } },
    });
    expect(p.actionsSpec.initContainers[0]).toMatchObject({ name: 'proxy', image: 'envoy', startupProbe: { handler: 'httpGet' } });
    expect(p.actionsSpec.containers[0]).toMatchObject({ livenessProbe: { handler: 'exec' } });
  });

  it('reads several documents and kind: List, skipping empty documents', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${POD.replace(/^/gm, '  ').replace(/^ {2}apiVersion/, '- apiVersion')}`;
    const { pods, problems } = loadPods(`${POD}---\n---\n${list}`);
    expect(problems).toEqual([]);
    const itemLine = POD.split('\n').length - 1 + 2 + 3 + 1; // the Pod, two separators, the List header
    expect(pods.map((p) => [p.pod.name, p.line, p.col])).toEqual([['web', 1, 1], ['web', itemLine, 3]]);
  });

  it('reports problems with their field path and position', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\nstatus:\n  containerStatuses:\n  - name: app\n    restartCount: three\n    state:\n      running:\n        startedAt: yesterday\n';
    const { pods, problems } = loadPods(text);
    expect(pods).toEqual([]);
    expect(problems).toEqual(expect.arrayContaining([
      { severity: 'error', path: 'spec.containers', message: 'Required value', line: 6, col: 15 },
      { severity: 'error', path: 'status.containerStatuses[0].state.running.startedAt', line: 13, col: 20,
        message: 'Invalid value: "yesterday": must be an RFC3339 timestamp, e.g. "2024-05-01T12:00:00Z"' },
      { severity: 'error', path: 'status.containerStatuses[0].restartCount', message: 'Invalid value: "three": must be an integer', line: 10, col: 19 },
    ].map((p) => expect.objectContaining(p))));
    expect(problems).toHaveLength(4); // plus the warning: "app" is not in the spec
    expect(problems.find((p) => p.severity === 'warning')?.path).toBe('status.containerStatuses[0].name');
  });

  it('rejects other kinds, a missing status and YAML syntax errors', () => {
    expect(loadPods('apiVersion: apps/v1\nkind: Deployment\n').problems[0])
      .toMatchObject({ path: 'kind', message: 'Unsupported value: "Deployment": supported values: "Pod"', line: 2, col: 7 });
    expect(loadPods('kind: Pod\nspec:\n  containers: [{name: a}]\n').problems[0]).toMatchObject({ path: 'status', line: 1, col: 1 });
    expect(loadPods('kind: Pod\nspec: [unclosed\n').problems[0]).toMatchObject({ severity: 'error', path: '' });
  });
});
