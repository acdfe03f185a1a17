import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { check, fmt, ok } from './testUtil';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');

describe('the default scenario', () => {
  it('parses with no errors and no warnings on the newest version', () => {
    const c = check(DEFAULT);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    const r = ok(c.result);
    expect(r.scenario.workloadKind).toBe('Pod');
    expect(r.scenario.pod.name).toBe('myapp-pod');
    expect(r.scenario.pod.initContainers.map((x) => [x.name, x.kind])).toEqual([
      ['init-myservice', 'init'], ['init-mydb', 'init'], ['istio-proxy', 'sidecar'],
    ]);
    expect(r.scenario.sim.until).toBe(40);
    expect(r.scenario.sim.behaviors['init-myservice']).toMatchObject({ exitAfter: 4, exitCode: 0 });
    expect(r.scenario.sim.behaviors['istio-proxy']).toMatchObject({ pull: 2, startDelay: 2, exitAfter: null, onStop: { kind: 'exit', after: 1, exitCode: 0 } });
    expect(r.scenario.sim.behaviors['myapp-container']).toMatchObject({ startDelay: 1, exitAfter: 3600 });
  });

  it('parses with no errors on every supported version from 1.28', () => {
    for (const v of ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']) {
      expect(check(DEFAULT, { kubernetesVersion: v }).errors, v).toEqual([]);
    }
  });

  it('reads Windows line endings and a byte-order mark the same way', () => {
    const crlf = check(`\uFEFF${DEFAULT.replace(/\n/g, '\r\n')}`, { kubernetesVersion: '1.27' });
    expect(crlf.errors).toEqual([
      '25:7 spec.initContainers[2].restartPolicy: strict decoding error: unknown field "spec.initContainers[2].restartPolicy"',
    ]);
    expect(ok(check(DEFAULT.replace(/\n/g, '\r\n')).result).scenario.sim.behaviors['init-mydb']?.exitAfter).toBe(3);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(parseScenario(DEFAULT))).toBe(JSON.stringify(parseScenario(DEFAULT)));
  });
});

const CONTRACT_EXAMPLE = `apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"          # "1.27" … newest supported; default: newest
featureGates:                      # overrides the version's defaults
  SidecarContainers: true
until: 10m                         # horizon; default: the pod is terminal + 10s, capped at 30m
containers:                        # how each container's process behaves (the image is a black box)
  istio-proxy:
    pull: 1s                       # image pull time (default small, e.g. 0.5s; 0 if present)
    startDelay: 2s                 # process start -> app up (a startupProbe passes from here)
    readyAfter: 3s                 # process start -> readiness handler passes (default: startDelay)
    exitAfter: never               # process start -> exits by itself; "never" = long-running
    exitCode: 0                    # code of that exit
    onStop: { after: 1s, exitCode: 0 }   # handling of the stop signal; \`ignore\` -> SIGKILL at the end of grace
    postStart: { duration: 1s, exitCode: 0 }   # used only where the spec has the hook
    preStop: { duration: 5s, exitCode: 0 }
events:                            # faults and actions, at simulated times
  - { at: 45s, container: istio-proxy, do: crash, exitCode: 1 }
  - { at: 60s, container: app, do: exit }              # clean exit, code 0
  - { at: 70s, container: app, do: oomKill }           # exit 137, reason OOMKilled
  - { at: 80s, container: app, do: failLiveness, for: 30s }
  - { at: 80s, container: app, do: failReadiness, for: 10s }
  - { at: 0s,  container: app, do: failStartup, for: 20s }
  - { at: 5s,  container: app, do: failPull, for: 60s }     # ErrImagePull / ImagePullBackOff
  - { at: 30s, container: app, do: setImage, image: app:v2 }
  - { at: 90s, do: deletePod, gracePeriodSeconds: 10 }
---
apiVersion: v1
kind: Pod
metadata:
  name: mesh-app
spec:
  initContainers:
    - name: istio-proxy
      image: istio/proxyv2:1.22.0
      restartPolicy: Always
      lifecycle:
        postStart: { exec: { command: ["pilot-agent", "wait"] } }
        preStop: { exec: { command: ["sleep", "5"] } }
  containers:
    - name: app
      image: app:v1
      startupProbe: { httpGet: { path: /healthz, port: 8080 } }
      livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
      readinessProbe: { httpGet: { path: /ready, port: 8080 } }
`;

describe("the contract's example Simulation document", () => {
  it('parses, with every field in place', () => {
    const c = check(CONTRACT_EXAMPLE);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    const r = ok(c.result);
    expect(r.scenario.sim).toMatchObject({ kubernetesVersion: '1.33', until: 600 });
    expect(r.scenario.sim.featureGates.SidecarContainers).toBe(true);
    expect(r.scenario.sim.behaviors['istio-proxy']).toMatchObject({
      pull: 1, startDelay: 2, readyAfter: 3, exitAfter: null, exitCode: 0,
      onStop: { kind: 'exit', after: 1, exitCode: 0 }, postStart: { duration: 1, exitCode: 0 }, preStop: { duration: 5, exitCode: 0 },
    });
    expect(r.scenario.sim.events.map((e) => [e.at, e.do])).toEqual([
      [0, 'failStartup'], [5, 'failPull'], [30, 'setImage'], [45, 'crash'], [60, 'exit'], [70, 'oomKill'],
      [80, 'failLiveness'], [80, 'failReadiness'], [90, 'deletePod'],
    ]);
  });
});

const KUBECTL_GET_POD = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubectl.kubernetes.io/restartedAt: "2024-05-01T10:00:00Z"
  creationTimestamp: "2024-05-01T10:00:00Z"
  generateName: web-7d4b9c8f5d-
  labels:
    app: web
    pod-template-hash: 7d4b9c8f5d
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:generateName: {}
        f:labels:
          .: {}
          f:app: {}
      f:spec:
        f:containers:
          k:{"name":"web"}:
            .: {}
            f:image: {}
    manager: kube-controller-manager
    operation: Update
    time: "2024-05-01T10:00:00Z"
  name: web-7d4b9c8f5d-x2k9p
  namespace: shop
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: ReplicaSet
    name: web-7d4b9c8f5d
    uid: 0b8d0c8e-3a3c-4a9b-9d1e-2f7a8f6c1a11
  resourceVersion: "123456"
  uid: 6f1b2a3c-1111-2222-3333-444455556666
spec:
  containers:
  - image: nginx:1.27
    imagePullPolicy: IfNotPresent
    name: web
    ports:
    - containerPort: 80
      protocol: TCP
    readinessProbe:
      failureThreshold: 3
      httpGet:
        path: /
        port: 80
        scheme: HTTP
      periodSeconds: 10
      successThreshold: 1
      timeoutSeconds: 1
    resources:
      limits:
        memory: 128Mi
      requests:
        cpu: 100m
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-abcde
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  initContainers:
  - args: ["proxy", "sidecar"]
    image: istio/proxyv2:1.22.0
    imagePullPolicy: IfNotPresent
    name: istio-proxy
    restartPolicy: Always
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
  nodeName: worker-1
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: kube-api-access-abcde
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2024-05-01T10:00:05Z"
    status: "True"
    type: Ready
  containerStatuses:
  - containerID: containerd://abc
    image: docker.io/library/nginx:1.27
    imageID: docker.io/library/nginx@sha256:0123
    lastState: {}
    name: web
    ready: true
    restartCount: 0
    started: true
    state:
      running:
        startedAt: "2024-05-01T10:00:03Z"
  hostIP: 10.0.0.5
  phase: Running
  podIP: 10.244.1.7
  qosClass: Burstable
  startTime: "2024-05-01T10:00:00Z"
`;

describe('a manifest copied from a real cluster', () => {
  it('loads as it is (status, managedFields and other fields are ignored)', () => {
    const c = check(KUBECTL_GET_POD);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    const r = ok(c.result);
    expect(r.scenario.pod).toMatchObject({ name: 'web-7d4b9c8f5d-x2k9p', namespace: 'shop', restartPolicy: 'Always' });
    expect(r.scenario.pod.initContainers[0]).toMatchObject({ name: 'istio-proxy', kind: 'sidecar', imagePullPolicy: 'IfNotPresent' });
    expect(r.scenario.pod.containers[0]?.readinessProbe).toMatchObject({ handler: 'httpGet', periodSeconds: 10 });
  });
});

describe('problems', () => {
  it('are collected across fields and sorted by position', () => {
    const r = parseScenario(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: B
      image: ""
    - name: ok
      image: nginx
      livenessProbe: {}
`);
    expect(r.ok).toBe(false);
    const lines = r.problems.map((p) => [p.line, p.col]);
    expect(lines).toEqual([...lines].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)));
    expect(r.problems.filter((p) => p.severity === 'error').map(fmt)).toEqual([
      expect.stringMatching(/^6:13 spec.containers\[0\].name: Invalid value: "B"/),
      '7:14 spec.containers[0].image: Required value',
      '10:7 spec.containers[1].livenessProbe: Required value: must specify a handler type',
    ]);
  });

  it('carry end positions for markers', () => {
    const r = parseScenario(DEFAULT, { kubernetesVersion: '1.27' });
    expect(r.problems[0]).toMatchObject({ line: 25, col: 7, endLine: 25, endCol: 20 });
  });
});

describe('never throws', () => {
  it('on non-text input', () => {
    expect(parseScenario(undefined as unknown as string).ok).toBe(false);
    expect(parseScenario(42 as unknown as string).ok).toBe(false);
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const r = parseScenario(text);
      return typeof r.ok === 'boolean' && Array.isArray(r.problems);
    }), { numRuns: 300 });
  });

  it('on arbitrary edits of the default scenario', () => {
    fc.assert(fc.property(
      fc.nat({ max: DEFAULT.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 20 }),
      (at, cut, insert) => {
        const text = DEFAULT.slice(0, at) + insert + DEFAULT.slice(at + cut);
        const r = parseScenario(text);
        return r.ok ? r.problems.every((p) => p.severity !== 'error') : r.problems.some((p) => p.severity === 'error');
      },
    ), { numRuns: 400 });
  });

  it('on arbitrary YAML values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      const doc = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: value };
      const r = parseScenario(JSON.stringify(doc));
      return r.ok === false || r.ok === true;
    }), { numRuns: 300 });
  });
});
