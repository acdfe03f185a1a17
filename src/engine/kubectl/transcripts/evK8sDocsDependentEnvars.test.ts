// `$(VAR)` expansion ([15.1]: the command and args the runtime is given; expandVars.ts) against the
// two kubernetes.io task pages that print its result. Both predate 1.27 and the expansion
// (third_party/forked/golang/expansion, kubelet_pods.go makeEnvironmentVariables) has not changed
// since: run at 1.27, 1.31, 1.36.
//
// 1. "Define Dependent Environment Variables" (kubernetes/website,
//    content/en/docs/tasks/inject-data-application/define-interdependent-environment-variables.md,
//    commit 024396a0; the manifest pods/inject/dependent-envars.yaml as the page shows it).
//    Published:
//      kubectl get pods dependent-envars-demo
//      NAME                      READY     STATUS    RESTARTS   AGE
//      dependent-envars-demo     1/1       Running   0          9s
//      kubectl logs pod/dependent-envars-demo
//      UNCHANGED_REFERENCE=$(PROTOCOL)://172.17.0.1:80
//      SERVICE_ADDRESS=https://172.17.0.1:80
//      ESCAPED_REFERENCE=$(PROTOCOL)://172.17.0.1:80
//    "When an environment variable is already defined when being referenced, the reference can
//    be correctly resolved … When the environment variable is undefined … treated as a normal
//    string … `$$(VAR_NAME)` … never expanded". The values are what makeEnvironmentVariables gives
//    the container, which the engine's containerEnvironment computes; the logs print them.
// 2. "Define Environment Variables for a Container" (the same repository,
//    define-environment-variable-container.md, commit 0008cd26), section "Using environment
//    variables inside of your config": the pod print-greeting, `command: ["echo"]`,
//    `args: ["$(MESSAGE)"]` with MESSAGE = "$(GREETING) $(HONORIFIC) $(NAME)". Published: "Upon
//    creation, the command `echo Warm greetings to The Most Honorable Kubernetes` is run on the
//    container." — the command and args the engine reads ([15.1]).
// Given: busybox:1.28 and bash are on the node (the page's 9 s AGE is otherwise the registry's).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { containerEnvironment } from '../../scenario/expandVars';
import { publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const VERSIONS = ['1.27', '1.31', '1.36'];

const DEPENDENT = `apiVersion: v1
kind: Pod
metadata:
  name: dependent-envars-demo
spec:
  containers:
    - name: dependent-envars-demo
      args:
        - while true; do echo -en '\\n'; printf UNCHANGED_REFERENCE=$UNCHANGED_REFERENCE'\\n'; printf SERVICE_ADDRESS=$SERVICE_ADDRESS'\\n';printf ESCAPED_REFERENCE=$ESCAPED_REFERENCE'\\n'; sleep 30; done;
      command:
        - sh
        - -c
      image: busybox:1.28
      env:
        - name: SERVICE_PORT
          value: "80"
        - name: SERVICE_IP
          value: "172.17.0.1"
        - name: UNCHANGED_REFERENCE
          value: "$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)"
        - name: PROTOCOL
          value: "https"
        - name: SERVICE_ADDRESS
          value: "$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)"
        - name: ESCAPED_REFERENCE
          value: "$$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)"
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.31"
until: 20s
containers:
  dependent-envars-demo: { pull: 0 }
`;

const GREETING = `apiVersion: v1
kind: Pod
metadata:
  name: print-greeting
spec:
  containers:
  - name: env-print-demo
    image: bash
    env:
    - name: GREETING
      value: "Warm greetings to"
    - name: HONORIFIC
      value: "The Most Honorable"
    - name: NAME
      value: "Kubernetes"
    - name: MESSAGE
      value: "$(GREETING) $(HONORIFIC) $(NAME)"
    command: ["echo"]
    args: ["$(MESSAGE)"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.31"
until: 20s
containers:
  env-print-demo: { pull: 0 }
`;

describe('kubernetes.io: Define Dependent Environment Variables (dependent-envars-demo)', () => {
  it('gives each variable the value the published logs print: a reference to a later variable kept as written, `$$(` kept as `$(` [15.1]', () => {
    const env = containerEnvironment([
      { name: 'SERVICE_PORT', value: '80' },
      { name: 'SERVICE_IP', value: '172.17.0.1' },
      { name: 'UNCHANGED_REFERENCE', value: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)' },
      { name: 'PROTOCOL', value: 'https' },
      { name: 'SERVICE_ADDRESS', value: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)' },
      { name: 'ESCAPED_REFERENCE', value: '$$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)' },
    ]);
    const logs = `UNCHANGED_REFERENCE=$(PROTOCOL)://172.17.0.1:80
SERVICE_ADDRESS=https://172.17.0.1:80
ESCAPED_REFERENCE=$(PROTOCOL)://172.17.0.1:80`;
    for (const line of logs.split('\n')) {
      const [name, value] = [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)];
      expect(env.get(name), name).toBe(value);
    }
  });

  it.each(VERSIONS)('runs the pod as published, `1/1 Running 0` at 9s: an unresolved reference does not block the start (%s) [15.1] [14.1]', (version) => {
    const [published] = publishedRows('dependent-envars-demo     1/1       Running   0          9s');
    expect(rowAt(simulatedRows(withVersion(DEPENDENT, version)), published!.t)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });
});

describe('kubernetes.io: Define Environment Variables for a Container (print-greeting)', () => {
  it.each(VERSIONS)('gives the runtime `echo Warm greetings to The Most Honorable Kubernetes`: MESSAGE expanded from the three variables before it, then `$(MESSAGE)` in args (%s) [15.1]', (version) => {
    const parsed = parseScenario(withVersion(GREETING, version), {});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [container] = parsed.scenario.pod.containers;
    expect([...container!.command!, ...container!.args!].join(' ')).toBe('echo Warm greetings to The Most Honorable Kubernetes');
    expect(container!.args).toEqual(['Warm greetings to The Most Honorable Kubernetes']);
  });
});
