// Golden cases: upstream's TestValidateContainers table (regular containers), replayed through our
// scenario reader (parseScenario via testUtil.check): a manifest the API server rejects must be
// rejected here with the same field path and error type (and the detail, where it was read), and
// the success case must be accepted. Rules: [1.3] [1.4] [1.5].
//
// Sources (kubernetes/kubernetes, read with the library's read_file):
//
// A. pkg/apis/core/validation/validation_test.go, commit 000f26050b9be6fb3d79fae95e06b47fc96128cd
//    (file id 6710343065; a 1.32/1.33-era tree, the only stored version). TestValidateContainers:
//    its successCase and errorCases, which call validateContainers with gracePeriod 30 and pod
//    restartPolicy Always, and compare type and field (ignoring BadValue, Detail, Origin).
//
// B. pkg/apis/core/validation/validation.go, the same commit (file id 6976543664):
//    validateContainerCommon (name Required / ValidateDNS1123Label, image Required,
//    terminationMessagePolicy), validateContainers (Duplicate name; validateLifecycle and the three
//    probe validators; checkHostPortConflicts across all regular containers), validateHandler,
//    validateProbe, validateLivenessProbe / validateReadinessProbe / validateStartupProbe.
//    staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go, commit
//    008b3652959ca58af8be3fb5b6ecfe9ae7638282 (file id 54685207904): IsDNS1123Label (length, then
//    "must not contain dots" for a valid subdomain, else the RFC 1123 regex error).
//
// How rows map to versions: every minor 1.27 to 1.37 (none of these checks depends on a gate).
// The name rows compare path, type and value but not the detail, which was read in one tree only.
// Error lists are compared as sets: the reader sorts problems by their place in the manifest
// (problems.ts sortProblems), while validateContainers appends them in the order its checks run.
//
// Not expressible (why):
// - "invalid lifecycle, no http path." / "no http scheme." and "empty message termination
//   policy": through the API, SetDefaults_HTTPGetAction (path "/", scheme HTTP) and
//   SetDefaults_Container (terminationMessagePolicy File) fill them before validation.
// - "privilege disabled": hinges on kube-apiserver's --allow-privileged (capabilities), a cluster
//   flag the scenario cannot state; the reader models a cluster that allows it (as the success
//   case's privileged "abc-1234" does).
// - "invalid compute resource", "Resource CPU invalid", "Resource Requests CPU invalid", "Resource
//   Memory invalid", "Request limit simple invalid", "Invalid storage limit request", "CPU request
//   limit multiple invalid", "Memory request limit multiple invalid", "Invalid env from", "unknown
//   volume name": resources, envFrom and volumes are not modelled (the reader neither reads nor
//   checks them; the simulator has no volumes, quantities or config maps).
// - "Unsupported resize policy for memory" / "for CPU": resizePolicy belongs to
//   InPlacePodVerticalScaling, a gate the engine does not model.
// - "Forbidden RestartPolicy: *": upstreamInitContainerValidationCases.test.ts has them.
//
// "invalid env var name" (env name "ev!1") was accepted by the reader until it checked env names
// (scenario/envNames.ts, ValidateEnv with RelaxedEnvironmentVariableValidation): the last block below.

import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';
import { SUPPORTED_VERSIONS, minor } from '../version';

const withContainers = (lines: string[]): string => pod(['  containers:', ...lines, ''].join('\n'));

/** The reader's errors without their line:col prefix. */
function errorsOf(text: string, version: string): string[] {
  return check(text, { kubernetesVersion: version }).errors.map((e) => e.replace(/^\d+:\d+ /, ''));
}

const C0 = 'spec.containers[0]';
const NON_NEGATIVE = 'must be greater than or equal to 0';
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

describe('TestValidateContainers successCase ([1.3] [1.4] [1.5])', () => {
  const containers = [
    '    - {name: abc, image: image, imagePullPolicy: IfNotPresent, terminationMessagePolicy: File}',
    '    - {name: "123", image: image}',
    '    - {name: abc-123, image: image}',
    '    - name: life-123',
    '      image: image',
    '      lifecycle: {preStop: {exec: {command: [ls, -l]}}}',
    '    - name: same-host-port-different-protocol',
    '      image: image',
    '      ports:',
    '        - {containerPort: 80, hostPort: 80, protocol: TCP}',
    '        - {containerPort: 80, hostPort: 80, protocol: UDP}',
    '    - {name: fallback-to-logs-termination-message, image: image, terminationMessagePolicy: FallbackToLogsOnError}',
    '    - {name: file-termination-message, image: image, terminationMessagePolicy: File}',
    '    - {name: abc-1234, image: image, securityContext: {privileged: true}}',
    '    - name: live-123',
    '      image: image',
    '      livenessProbe: {tcpSocket: {port: 80}, successThreshold: 1}',
    '    - name: startup-123',
    '      image: image',
    '      startupProbe: {tcpSocket: {port: 80}, successThreshold: 1}',
  ];
  for (const v of SUPPORTED_VERSIONS) {
    it(`accepts the success case's containers @ ${v}`, () => {
      const r = ok(check(withContainers(containers), { kubernetesVersion: v }).result);
      expect(r.scenario.pod.containers.map((c) => c.name)).toEqual([
        'abc', '123', 'abc-123', 'life-123', 'same-host-port-different-protocol', 'fallback-to-logs-termination-message',
        'file-termination-message', 'abc-1234', 'live-123', 'startup-123',
      ]);
    });
    // "backwards compatibility to ensure containers in pod template spec do not check for this":
    // a blank or padded image passes validateContainers (a Pod adds validateContainerOnlyForPod).
    it(`accepts images " " and " some  " in a Job's pod template @ ${v}`, () => {
      const job = [
        'apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    spec:',
        '      restartPolicy: Never', '      containers:',
        '        - name: def', '          image: " "', '        - name: ghi', '          image: " some  "', '',
      ].join('\n');
      expect(check(job, { kubernetesVersion: v }).errors).toEqual([]);
    });
  }
});

interface Row { name: string; lines: string[]; errors: string[] }

const probe = (kind: string, name: string, body: string[]): string[] => [`    - name: ${name}`, '      image: image', `      ${kind}:`, ...body];
const preStop = (handler: string): string[] => ['    - name: life-123', '      image: image', '      lifecycle:', `        preStop: ${handler}`];
const NEGATIVES = [
  '        tcpSocket: {port: 80}', '        initialDelaySeconds: -1', '        timeoutSeconds: -1', '        periodSeconds: -1',
  '        successThreshold: -1', '        failureThreshold: -1', '        terminationGracePeriodSeconds: -1',
];
const negativeNumbers = (kind: string): string[] => [
  ...['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']
    .map((f) => `${C0}.${kind}.${f}: Invalid value: -1: ${NON_NEGATIVE}`),
  `${C0}.${kind}.terminationGracePeriodSeconds: Invalid value: -1: must be greater than 0`,
  kind === 'readinessProbe'
    ? `${C0}.${kind}.terminationGracePeriodSeconds: Invalid value: -1: must not be set for readinessProbes`
    : `${C0}.${kind}.successThreshold: Invalid value: -1: must be 1`,
];

const ROWS: Row[] = [
  { name: 'zero-length name', lines: ['    - {name: "", image: image}'], errors: [`${C0}.name: Required value`] },
  { name: 'zero-length-image', lines: ['    - {name: abc, image: ""}'], errors: [`${C0}.image: Required value`] },
  { name: 'zero-length image', lines: ['    - {name: abc, image: ""}'], errors: [`${C0}.image: Required value`] },
  {
    name: 'name not unique',
    lines: ['    - {name: abc, image: image}', '    - {name: abc, image: image}'],
    errors: ['spec.containers[1].name: Duplicate value: "abc"'],
  },
  {
    name: 'host port not unique',
    lines: [
      '    - {name: abc, image: image, ports: [{containerPort: 80, hostPort: 80, protocol: TCP}]}',
      '    - {name: def, image: image, ports: [{containerPort: 81, hostPort: 80, protocol: TCP}]}',
    ],
    errors: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"'],
  },
  { name: 'invalid lifecycle, no exec command.', lines: preStop('{exec: {}}'), errors: [`${C0}.lifecycle.preStop.exec.command: Required value`] },
  {
    name: 'invalid lifecycle, no http port.',
    lines: preStop('{httpGet: {path: /, scheme: HTTP}}'),
    errors: [`${C0}.lifecycle.preStop.httpGet.port: Invalid value: 0: ${PORT_RANGE}`],
  },
  { name: 'invalid lifecycle, no tcp socket port.', lines: preStop('{tcpSocket: {}}'), errors: [`${C0}.lifecycle.preStop.tcpSocket.port: Invalid value: 0: ${PORT_RANGE}`] },
  { name: 'invalid lifecycle, zero tcp socket port.', lines: preStop('{tcpSocket: {port: 0}}'), errors: [`${C0}.lifecycle.preStop.tcpSocket.port: Invalid value: 0: ${PORT_RANGE}`] },
  { name: 'invalid lifecycle, no action.', lines: preStop('{}'), errors: [`${C0}.lifecycle.preStop: Required value: must specify a handler type`] },
  {
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    lines: probe('readinessProbe', 'life-123', ['        tcpSocket: {port: 80}', '        terminationGracePeriodSeconds: 10']),
    errors: [`${C0}.readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes`],
  },
  {
    name: 'invalid liveness probe, no tcp socket port.',
    lines: probe('livenessProbe', 'live-123', ['        tcpSocket: {}', '        successThreshold: 1']),
    errors: [`${C0}.livenessProbe.tcpSocket.port: Invalid value: 0: ${PORT_RANGE}`],
  },
  {
    name: 'invalid liveness probe, no action.',
    lines: probe('livenessProbe', 'live-123', ['        successThreshold: 1']),
    errors: [`${C0}.livenessProbe: Required value: must specify a handler type`],
  },
  {
    name: 'invalid liveness probe, successThreshold != 1',
    lines: probe('livenessProbe', 'live-123', ['        tcpSocket: {port: 80}', '        successThreshold: 2']),
    errors: [`${C0}.livenessProbe.successThreshold: Invalid value: 2: must be 1`],
  },
  {
    name: 'invalid startup probe, successThreshold != 1',
    lines: probe('startupProbe', 'startup-123', ['        tcpSocket: {port: 80}', '        successThreshold: 2']),
    errors: [`${C0}.startupProbe.successThreshold: Invalid value: 2: must be 1`],
  },
  { name: 'invalid liveness probe, negative numbers', lines: probe('livenessProbe', 'live-123', NEGATIVES), errors: negativeNumbers('livenessProbe') },
  { name: 'invalid readiness probe, negative numbers', lines: probe('readinessProbe', 'ready-123', NEGATIVES), errors: negativeNumbers('readinessProbe') },
  { name: 'invalid startup probe, negative numbers', lines: probe('startupProbe', 'startup-123', NEGATIVES), errors: negativeNumbers('startupProbe') },
  {
    name: 'invalid message termination policy',
    lines: ['    - {name: life-123, image: image, terminationMessagePolicy: Unknown}'],
    errors: [`${C0}.terminationMessagePolicy: Unsupported value: "Unknown": supported values: "File", "FallbackToLogsOnError"`],
  },
];

describe('TestValidateContainers errorCases ([1.3] [1.4] [1.5])', () => {
  for (const row of ROWS) {
    for (const v of SUPPORTED_VERSIONS) {
      it(`${row.name} @ ${v}`, () => {
        // The reader lists problems by position in the manifest (sortProblems), upstream in the
        // order its validators run: compare the lists as sets (the negative-numbers rows differ).
        expect(errorsOf(withContainers(row.lines), v).sort()).toEqual([...row.errors].sort());
      });
    }
  }
  // Upstream checks type and field only; the detail was read in one (1.35-era) apimachinery tree.
  const NAME_ROWS: Array<[string, string, string]> = [
    ['name > 63 characters', 'a'.repeat(64), `${C0}.name: Invalid value: "${'a'.repeat(64)}": `],
    ['name not a DNS label', 'a.b.c', `${C0}.name: Invalid value: "a.b.c": `],
  ];
  for (const [name, value, head] of NAME_ROWS) {
    for (const v of SUPPORTED_VERSIONS) {
      it(`${name} @ ${v}`, () => {
        const got = errorsOf(withContainers([`    - {name: ${value}, image: image}`]), v);
        expect(got).toHaveLength(1);
        expect(got[0]?.startsWith(head)).toBe(true);
      });
    }
  }
});

describe('TestValidateContainers errorCases "invalid env var name" (RelaxedEnvironmentVariableValidation) ([1.3])', () => {
  const STRICT = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
  const text = withContainers(['    - name: abc', '      image: image', '      env: [{name: "ev!1"}]']);
  for (const v of SUPPORTED_VERSIONS) {
    it(`invalid env var name @ ${v}`, () => {
      expect(errorsOf(text, v)).toEqual(minor(v) < 32 ? [`${C0}.env[0].name: Invalid value: "ev!1": ${STRICT}`] : []);
    });
  }
  it('invalid env var name @ 1.32 with RelaxedEnvironmentVariableValidation off', () => {
    expect(check(text, { kubernetesVersion: '1.32', featureGates: { RelaxedEnvironmentVariableValidation: false } }).errors
      .map((e) => e.replace(/^\d+:\d+ /, ''))).toEqual([`${C0}.env[0].name: Invalid value: "ev!1": ${STRICT}`]);
  });
});
