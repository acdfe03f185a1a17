// Golden cases: upstream's validation tables for init containers (regular and restartable) and for a
// regular container's restartPolicy, replayed through our scenario reader (parseScenario via
// testUtil.check): a manifest the API server rejects must be rejected here with the same field path
// and error type. Rules: [1.1] [1.2] [1.3] [1.4] [1.5].
//
// Sources (kubernetes/kubernetes, read with the library's read_file):
//
// A. pkg/apis/core/validation/validation_test.go, commit 000f26050b9be6fb3d79fae95e06b47fc96128cd
//    (file id 6710343065, 888,659 characters; PodValidationOptions.AllowSidecarResizePolicy, the
//    field.Error "Origin" field, no ContainerRestartRules: a 1.32/1.33-era tree, before KEP-5307).
//    TestValidateInitContainers: its successCase and its errorCases (all rows), with pod
//    restartPolicy Never and one regular container "app". TestValidateContainers: the five rows
//    "Forbidden RestartPolicy: Always|OnFailure|Never|invalid|empty". Upstream compares the error
//    type and field and ignores the detail; we compare path and type, and the detail where it was
//    read in validation.go (B).
//
// B. pkg/apis/core/validation/validation.go, the same commit 000f2605… (file id 6976543664: a tree
//    with validateSleepAction(opts) and AllowSidecarResizePolicy) and commit
//    a7264f95ffc8b56377da16e83461aa59467ebb3e (file id 36792487: sleep action without opts, a
//    1.29/1.30-era tree). Both: validateInitContainers applies validateContainerCommon, then
//    validateInitContainerRestartPolicy (only "Always" is supported), name uniqueness across regular
//    and init containers, checkHostPortConflicts per init container, then for restartPolicy=Always
//    validateLifecycle and the three probe validators, else Forbidden "may not be set for init
//    containers without restartPolicy=Always" on lifecycle and each probe (one error per field, so
//    a probe full of bad numbers still gives a single Forbidden). validateContainers: Forbidden
//    "may not be set for non-init containers" on any restartPolicy of a regular container.
//
// How rows map to versions (the engine's minors, src/engine/version.ts):
// - Rows about names and about lifecycle/probes on a regular init container: every minor. The
//   1.27 detail was not read (no stored 1.27 tree), so at 1.27 only path and type are compared.
// - Rows validating a restartable init container's probes and hooks: 1.28 with SidecarContainers on,
//   and 1.29 to 1.37 ([1.2]: restartPolicy Always on an init container still makes a sidecar after
//   KEP-5307; the validators are unchanged in both trees read).
// - "Not supported RestartPolicy: *" (init) and "Forbidden RestartPolicy: *" (regular): 1.28 with the
//   gate (init) / 1.28 either way (regular), and 1.29 to 1.33. Not run at 1.27 (the field does not
//   exist: strict decoding's "unknown field", [1.2]) nor from 1.34, where KEP-5307's gate changes the
//   outcome (field dropped at 1.34, accepted from 1.35) and this table, written before it, does
//   not say what happens.
//
// Not expressible (why):
// - "invalid lifecycle, no http path." and "invalid lifecycle, no http scheme.": through the API,
//   SetDefaults_HTTPGetAction fills path "/" and scheme HTTP before validation, so a manifest cannot
//   reach these errors (the reader accepts both, as the API server does).
// - TestValidateInitContainers "Not supported ResizePolicy: invalid" and the successCase's
//   "container-4-allowed-resize-policy": they hinge on PodValidationOptions.AllowSidecarResizePolicy
//   (from the InPlacePodVerticalScaling gate, which the engine does not model; with the gate off the
//   field is dropped before validation). Left out, as is the successCase's fourth container.
// - "invalid termination message policy" and "duplicate ports" (validateContainerCommon and
//   checkHostPortConflicts in B) were accepted by the reader until scenario/hostPorts.ts and the
//   terminationMessagePolicy check in validateContainers.ts: they are the last block below.

import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';
import type { ParseOptions } from './types';
import { SUPPORTED_VERSIONS, minor } from '../version';

interface Ver { label: string; opts: ParseOptions }

const plain = (v: string): Ver => ({ label: v, opts: { kubernetesVersion: v } });
const GATED_128: Ver = { label: '1.28+SidecarContainers', opts: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } } };

const EVERY: Ver[] = SUPPORTED_VERSIONS.map(plain);
const SIDECARS: Ver[] = [GATED_128, ...SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29).map(plain)];
const INIT_ALWAYS_ONLY: Ver[] = [GATED_128, ...SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29 && minor(v) <= 33).map(plain)];
const MAIN_FORBIDDEN: Ver[] = [GATED_128, ...SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28 && minor(v) <= 33).map(plain)];

/** Upstream's pod: restartPolicy Never, one regular container "app", the row's init containers. */
const withInits = (lines: string[]): string => pod([
  '  restartPolicy: Never',
  '  initContainers:',
  ...lines,
  '  containers:',
  '    - name: app',
  '      image: nginx',
  '',
].join('\n'));

/** TestValidateContainers' rows: one regular container "foo". */
const withMain = (lines: string[]): string => pod([
  '  restartPolicy: Never',
  '  containers:',
  '    - name: foo',
  '      image: image',
  ...lines,
  '',
].join('\n'));

/** The reader's errors without their line:col prefix. */
function errorsOf(text: string, v: Ver): string[] {
  return check(text, v.opts).errors.map((e) => e.replace(/^\d+:\d+ /, ''));
}

const NOT_FOR_INIT = 'may not be set for init containers without restartPolicy=Always';
const SIDECAR_HEAD = ['      image: image', '      restartPolicy: Always'];

describe('TestValidateInitContainers successCase ([1.2] [1.3] [1.4])', () => {
  const inits = [
    '    - name: container-1-same-host-port-different-protocol',
    '      image: image',
    '      ports:',
    '        - {containerPort: 80, hostPort: 80, protocol: TCP}',
    '        - {containerPort: 80, hostPort: 80, protocol: UDP}',
    '    - name: container-2-same-host-port-different-protocol',
    '      image: image',
    '      ports:',
    '        - {containerPort: 80, hostPort: 80, protocol: TCP}',
    '        - {containerPort: 80, hostPort: 80, protocol: UDP}',
    '    - name: container-3-restart-always-with-lifecycle-hook-and-probes',
    ...SIDECAR_HEAD,
    '      lifecycle:',
    '        postStart:',
    '          exec: {command: [echo, post start]}',
    '        preStop:',
    '          exec: {command: [echo, pre stop]}',
    '      livenessProbe:',
    '        tcpSocket: {port: 80}',
    '        successThreshold: 1',
    '      readinessProbe:',
    '        tcpSocket: {port: 80}',
    '      startupProbe:',
    '        tcpSocket: {port: 80}',
    '        successThreshold: 1',
  ];
  for (const v of SIDECARS) {
    it(`accepts the three init containers, the third a sidecar @ ${v.label}`, () => {
      const r = ok(check(withInits(inits), v.opts).result);
      expect(r.scenario.pod.initContainers.map((c) => c.kind)).toEqual(['init', 'init', 'sidecar']);
    });
  }
});

interface Row { name: string; inits: string[]; errors: (v: Ver) => string[]; versions: Ver[] }

const forbiddenAt = (field: string) => (v: Ver): string[] =>
  [v.label === '1.27' ? `spec.initContainers[0].${field}: Forbidden` : `spec.initContainers[0].${field}: Forbidden: ${NOT_FOR_INIT}`];

const initPolicy = (value: string): Row => ({
  name: `Not supported RestartPolicy: ${value === '' ? 'empty' : value}`,
  inits: ['    - name: init', '      image: image', `      restartPolicy: ${value === '' ? '""' : value}`],
  errors: () => [`spec.initContainers[0].restartPolicy: Unsupported value: "${value}": supported values: "Always"`],
  versions: INIT_ALWAYS_ONLY,
});

const ROWS: Row[] = [
  {
    name: 'empty name',
    inits: ['    - name: ""', '      image: image'],
    errors: () => ['spec.initContainers[0].name: Required value'],
    versions: EVERY,
  },
  {
    name: 'name collision with regular container',
    inits: ['    - name: app', '      image: image'],
    errors: () => ['spec.initContainers[0].name: Duplicate value: "app"'],
    versions: EVERY,
  },
  {
    name: 'duplicate names',
    inits: ['    - name: init', '      image: image', '    - name: init', '      image: image'],
    errors: () => ['spec.initContainers[1].name: Duplicate value: "init"'],
    versions: EVERY,
  },
  {
    name: 'uses disallowed field: Lifecycle',
    inits: ['    - name: debug', '      image: image', '      lifecycle:', '        preStop:', '          exec: {command: [ls, -l]}'],
    errors: forbiddenAt('lifecycle'),
    versions: EVERY,
  },
  {
    name: 'uses disallowed field: LivenessProbe',
    inits: ['    - name: debug', '      image: image', '      livenessProbe:', '        tcpSocket: {port: 80}', '        successThreshold: 1'],
    errors: forbiddenAt('livenessProbe'),
    versions: EVERY,
  },
  {
    name: 'uses disallowed field: ReadinessProbe',
    inits: ['    - name: debug', '      image: image', '      readinessProbe:', '        tcpSocket: {port: 80}'],
    errors: forbiddenAt('readinessProbe'),
    versions: EVERY,
  },
  {
    name: 'Container uses disallowed field: StartupProbe',
    inits: ['    - name: debug', '      image: image', '      startupProbe:', '        tcpSocket: {port: 80}', '        successThreshold: 1'],
    errors: forbiddenAt('startupProbe'),
    versions: EVERY,
  },
  {
    name: 'Disallowed field with other errors should only return a single Forbidden',
    inits: [
      '    - name: debug', '      image: image', '      startupProbe:', '        tcpSocket: {port: 80}',
      '        initialDelaySeconds: -1', '        timeoutSeconds: -1', '        periodSeconds: -1',
      '        successThreshold: -1', '        failureThreshold: -1', '        terminationGracePeriodSeconds: -1',
    ],
    errors: forbiddenAt('startupProbe'),
    versions: EVERY,
  },
  initPolicy('OnFailure'),
  initPolicy('Never'),
  initPolicy('invalid'),
  initPolicy(''),
  {
    name: 'invalid startup probe in restartable container, successThreshold != 1',
    inits: ['    - name: restartable-init', ...SIDECAR_HEAD, '      startupProbe:', '        tcpSocket: {port: 80}', '        successThreshold: 2'],
    errors: () => ['spec.initContainers[0].startupProbe.successThreshold: Invalid value: 2: must be 1'],
    versions: SIDECARS,
  },
  {
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    inits: ['    - name: life-123', ...SIDECAR_HEAD, '      readinessProbe:', '        tcpSocket: {port: 80}', '        terminationGracePeriodSeconds: 10'],
    errors: () => ['spec.initContainers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes'],
    versions: SIDECARS,
  },
  {
    name: 'invalid liveness probe, successThreshold != 1',
    inits: ['    - name: live-123', ...SIDECAR_HEAD, '      livenessProbe:', '        tcpSocket: {port: 80}', '        successThreshold: 2'],
    errors: () => ['spec.initContainers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    versions: SIDECARS,
  },
  {
    name: 'invalid lifecycle, no exec command.',
    inits: ['    - name: life-123', ...SIDECAR_HEAD, '      lifecycle:', '        preStop:', '          exec: {}'],
    errors: () => ['spec.initContainers[0].lifecycle.preStop.exec.command: Required value'],
    versions: SIDECARS,
  },
  {
    name: 'invalid lifecycle, no http port.',
    inits: ['    - name: life-123', ...SIDECAR_HEAD, '      lifecycle:', '        preStop:', '          httpGet: {path: /, scheme: HTTP}'],
    errors: () => ['spec.initContainers[0].lifecycle.preStop.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    versions: SIDECARS,
  },
  {
    name: 'invalid lifecycle, no tcp socket port.',
    inits: ['    - name: life-123', ...SIDECAR_HEAD, '      lifecycle:', '        preStop:', '          tcpSocket: {}'],
    errors: () => ['spec.initContainers[0].lifecycle.preStop.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    versions: SIDECARS,
  },
  {
    name: 'invalid lifecycle, zero tcp socket port.',
    inits: ['    - name: life-123', ...SIDECAR_HEAD, '      lifecycle:', '        preStop:', '          tcpSocket: {port: 0}'],
    errors: () => ['spec.initContainers[0].lifecycle.preStop.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    versions: SIDECARS,
  },
  {
    name: 'invalid lifecycle, no action.',
    inits: ['    - name: life-123', ...SIDECAR_HEAD, '      lifecycle:', '        preStop: {}'],
    errors: () => ['spec.initContainers[0].lifecycle.preStop: Required value: must specify a handler type'],
    versions: SIDECARS,
  },
];

describe('TestValidateInitContainers errorCases ([1.1] [1.2] [1.3] [1.4] [1.5])', () => {
  for (const row of ROWS) {
    for (const v of row.versions) {
      it(`${row.name} @ ${v.label}`, () => {
        const got = errorsOf(withInits(row.inits), v);
        if (v.label === '1.27') expect(got.map((e) => e.replace(/^(.*?: Forbidden).*$/, '$1'))).toEqual(row.errors(v));
        else expect(got).toEqual(row.errors(v));
      });
    }
  }
});

describe('TestValidateContainers "Forbidden RestartPolicy" rows ([1.2])', () => {
  const rows: Array<[string, string]> = [['Always', 'Always'], ['OnFailure', 'OnFailure'], ['Never', 'Never'], ['invalid', 'invalid'], ['empty', '""']];
  for (const [name, yaml] of rows) {
    for (const v of MAIN_FORBIDDEN) {
      it(`Forbidden RestartPolicy: ${name} @ ${v.label}`, () => {
        expect(errorsOf(withMain([`      restartPolicy: ${yaml}`]), v))
          .toEqual(['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']);
      });
    }
  }
});

describe('TestValidateInitContainers errorCases the reader must also reject ([1.3])', () => {
  for (const v of EVERY) {
    it(`invalid termination message policy @ ${v.label}`, () => {
      expect(errorsOf(withInits(['    - name: init', '      image: image', '      terminationMessagePolicy: Unknown']), v))
        .toEqual(['spec.initContainers[0].terminationMessagePolicy: Unsupported value: "Unknown": supported values: "File", "FallbackToLogsOnError"']);
    });
    it(`duplicate ports @ ${v.label}`, () => {
      expect(errorsOf(withInits([
        '    - name: abc',
        '      image: image',
        '      ports:',
        '        - {containerPort: 8080, hostPort: 8080, protocol: TCP}',
        '        - {containerPort: 8080, hostPort: 8080, protocol: TCP}',
      ]), v)).toEqual(['spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//8080"']);
    });
  }
});
