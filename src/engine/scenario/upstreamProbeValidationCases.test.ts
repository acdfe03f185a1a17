// Golden cases: upstream's validation tables for probes and their handlers, replayed through our
// scenario reader (parseScenario via testUtil.check) on a regular container's probe: a manifest the
// API server rejects must be rejected here with the same field path, error type and detail, and a
// manifest it accepts must be accepted. Rules: [1.4].
//
// Sources (kubernetes/kubernetes, read with the library's read_file):
//
// A. pkg/apis/core/validation/validation_test.go, commit 000f26050b9be6fb3d79fae95e06b47fc96128cd
//    (file id 6710343065; a 1.32/1.33-era tree, the only stored version). Three tables:
//    - Test_validateProbe: its ten rows (unnamed in upstream: named here by the field they set).
//      Upstream compares type and field only; the detail is from validation.go (B).
//    - TestValidateProbe: successCases (nil, and each of the five number fields set to 10) and
//      errorCases (no handler; each number field set to -10).
//    - TestValidateHandler: successCases and errorCases (ProbeHandler values, through a probe).
//    Upstream calls validateProbe / validateHandler directly with gracePeriod 30; through a
//    manifest the same functions run from validateContainers, via validateLivenessProbe,
//    validateReadinessProbe or validateStartupProbe.
//
// B. pkg/apis/core/validation/validation.go, the same commit (file id 6976543664): validateProbe
//    (validateHandler, then ValidateNonnegativeField on initialDelaySeconds, timeoutSeconds,
//    periodSeconds, successThreshold, failureThreshold in that order, then "must be greater than 0"
//    on a terminationGracePeriodSeconds <= 0); validateLivenessProbe / validateStartupProbe add
//    Invalid "must be 1" on successThreshold != 1; validateReadinessProbe adds Invalid "must not be
//    set for readinessProbes" on any terminationGracePeriodSeconds; validateHandler (one handler
//    type, Forbidden "may not specify more than 1 handler type", Required "must specify a handler
//    type"); validateExecAction (Required exec.command); validateHTTPGetAction (Required path,
//    ValidatePortNumOrName, NotSupported scheme); ValidatePortNumOrName (IsValidPortNum /
//    IsValidPortName).
//
// How rows map to a manifest:
// - A Go struct's zero value is what a manifest leaves out, but through the API SetDefaults_Probe
//   (0 -> timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3) and
//   SetDefaults_HTTPGetAction (path "/", scheme HTTP) run first; rows are written so that the
//   defaults change nothing upstream checks (an HTTPGet row's empty path and scheme are left out).
// - Rows that set successThreshold other than 1, or terminationGracePeriodSeconds, are put on the
//   probe kind that adds no second error (readinessProbe for thresholds, livenessProbe for the
//   grace period), so each row checks validateProbe alone; the liveness "must be 1" is its own row.
// - Every minor 1.27 to 1.37: the functions and their messages are unchanged in the tree read and
//   the checks are older than 1.27 (ProbeTerminationGracePeriod is on by default from 1.25 and GA
//   in 1.28, so a probe's terminationGracePeriodSeconds reaches validation at every minor).
//
// Not expressible (why):
// - Test_validateProbe's and TestValidateProbe's nil probe (success): a probe left out is not
//   validated at all; the "no probe" manifest is the plain-container row below.
// - TestValidateHandler errorCases {HTTPGet: Path "", Port 0} and {Path "", Port ""}: the empty
//   path is defaulted to "/" through the API, so only the port part of each row is checked.
//
// TestValidateHandler's two HTTP header rows ("Host:" and "X_Forwarded_For" as a header name) were
// accepted by the reader until it read httpHeaders (validateHTTPGetAction's IsHTTPHeaderName): the
// last block below.

import { describe, expect, it } from 'vitest';
import { check, pod } from './testUtil';
import { SUPPORTED_VERSIONS } from '../version';

/** One regular container "app" whose lines follow (upstream's probes sit on it). */
const withProbe = (lines: string[]): string => pod([
  '  containers:',
  '    - name: app',
  '      image: image',
  ...lines,
  '',
].join('\n'));

/** The reader's errors without their line:col prefix. */
function errorsOf(text: string, version: string): string[] {
  return check(text, { kubernetesVersion: version }).errors.map((e) => e.replace(/^\d+:\d+ /, ''));
}

const NON_NEGATIVE = 'must be greater than or equal to 0';
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const LP = 'spec.containers[0].livenessProbe';
const RP = 'spec.containers[0].readinessProbe';

interface Row { name: string; lines: string[]; errors: string[] }

/** Test_validateProbe's rows (upstream's fldPath "test" is the probe's path here). */
const VALIDATE_PROBE_ROWS: Row[] = [
  { name: 'empty probe: Required handler', lines: ['      livenessProbe: {}'], errors: [`${LP}: Required value: must specify a handler type`] },
  { name: 'exec handler only: no error', lines: ['      livenessProbe:', '        exec: {command: [echo]}'], errors: [] },
  ...(['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const).map((f) => ({
    name: `${f} -1: Invalid`,
    lines: ['      readinessProbe:', '        exec: {command: [echo]}', `        ${f}: -1`],
    errors: [`${RP}.${f}: Invalid value: -1: ${NON_NEGATIVE}`],
  })),
  ...[-1, 0].map((g) => ({
    name: `terminationGracePeriodSeconds ${g}: Invalid`,
    lines: ['      livenessProbe:', '        exec: {command: [echo]}', `        terminationGracePeriodSeconds: ${g}`],
    errors: [`${LP}.terminationGracePeriodSeconds: Invalid value: ${g}: must be greater than 0`],
  })),
  {
    name: 'terminationGracePeriodSeconds 1: no error',
    lines: ['      livenessProbe:', '        exec: {command: [echo]}', '        terminationGracePeriodSeconds: 1'],
    errors: [],
  },
];

describe('Test_validateProbe ([1.4])', () => {
  for (const row of VALIDATE_PROBE_ROWS) {
    for (const v of SUPPORTED_VERSIONS) {
      it(`${row.name} @ ${v}`, () => {
        expect(errorsOf(withProbe(row.lines), v)).toEqual(row.errors);
      });
    }
  }
});

describe('TestValidateProbe ([1.4])', () => {
  const fields = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;
  for (const v of SUPPORTED_VERSIONS) {
    it(`successCases: no probe @ ${v}`, () => {
      expect(errorsOf(withProbe([]), v)).toEqual([]);
    });
    for (const f of fields) {
      it(`successCases: ${f} 10 @ ${v}`, () => {
        expect(errorsOf(withProbe(['      readinessProbe:', '        exec: {command: [echo]}', `        ${f}: 10`]), v)).toEqual([]);
      });
      it(`errorCases: ${f} -10 @ ${v}`, () => {
        expect(errorsOf(withProbe(['      readinessProbe:', '        exec: {command: [echo]}', `        ${f}: -10`]), v))
          .toEqual([`${RP}.${f}: Invalid value: -10: ${NON_NEGATIVE}`]);
      });
    }
    it(`errorCases: timeoutSeconds 10, initialDelaySeconds 10, no handler @ ${v}`, () => {
      expect(errorsOf(withProbe(['      readinessProbe:', '        timeoutSeconds: 10', '        initialDelaySeconds: 10']), v))
        .toEqual([`${RP}: Required value: must specify a handler type`]);
    });
    // validateLivenessProbe on top of validateProbe: a negative successThreshold is reported twice.
    it(`errorCases: successThreshold -10 on a liveness probe (validateLivenessProbe) @ ${v}`, () => {
      expect(errorsOf(withProbe(['      livenessProbe:', '        exec: {command: [echo]}', '        successThreshold: -10']), v)).toEqual([
        `${LP}.successThreshold: Invalid value: -10: ${NON_NEGATIVE}`,
        `${LP}.successThreshold: Invalid value: -10: must be 1`,
      ]);
    });
  }
});

const HANDLER_SUCCESS: Array<[string, string[]]> = [
  ['exec echo', ['        exec: {command: [echo]}']],
  ['httpGet path / port 1 scheme HTTP', ['        httpGet: {path: /, port: 1, host: "", scheme: HTTP}']],
  ['httpGet path /foo port 65535 host "host"', ['        httpGet: {path: /foo, port: 65535, host: host, scheme: HTTP}']],
  ['httpGet port "port" (a name)', ['        httpGet: {path: /, port: port, scheme: HTTP}']],
  ['httpGet header Host', ['        httpGet:', '          path: /', '          port: port', '          scheme: HTTP', '          httpHeaders: [{name: Host, value: foo.example.com}]']],
  ['httpGet header X-Forwarded-For twice', [
    '        httpGet:', '          path: /', '          port: port', '          scheme: HTTP',
    '          httpHeaders: [{name: X-Forwarded-For, value: 1.2.3.4}, {name: X-Forwarded-For, value: 5.6.7.8}]',
  ]],
];

const HANDLER_ERRORS: Array<[string, string[], string[]]> = [
  ['{} (no handler)', [], [`${LP}: Required value: must specify a handler type`]],
  ['exec with an empty command', ['        exec: {command: []}'], [`${LP}.exec.command: Required value`]],
  ['httpGet port 0', ['        httpGet: {port: 0, host: ""}'], [`${LP}.httpGet.port: Invalid value: 0: ${PORT_RANGE}`]],
  ['httpGet path /foo port 65536', ['        httpGet: {path: /foo, port: 65536, host: host}'], [`${LP}.httpGet.port: Invalid value: 65536: ${PORT_RANGE}`]],
  ['httpGet port "" (an empty name)', ['        httpGet: {port: "", host: ""}'], [
    `${LP}.httpGet.port: Invalid value: "": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
    `${LP}.httpGet.port: Invalid value: "": must contain at least one letter (a-z)`,
  ]],
];

describe('TestValidateHandler ([1.4])', () => {
  for (const v of SUPPORTED_VERSIONS) {
    for (const [name, lines] of HANDLER_SUCCESS) {
      it(`successCases: ${name} @ ${v}`, () => {
        expect(errorsOf(withProbe(['      livenessProbe:', ...(lines.length ? lines : []), '        periodSeconds: 5']), v)).toEqual([]);
      });
    }
    for (const [name, lines, errors] of HANDLER_ERRORS) {
      it(`errorCases: ${name} @ ${v}`, () => {
        expect(errorsOf(withProbe(['      livenessProbe:', ...lines, '        periodSeconds: 5']), v)).toEqual(errors);
      });
    }
  }
});

describe('TestValidateHandler errorCases: HTTP header names ([1.4])', () => {
  const HEADER_MSG = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";
  const rows: Array<[string, string]> = [['Host:', '"Host:"'], ['X_Forwarded_For', 'X_Forwarded_For']];
  for (const v of SUPPORTED_VERSIONS) {
    for (const [header, yaml] of rows) {
      it(`errorCases: httpGet header ${header} @ ${v}`, () => {
        expect(errorsOf(withProbe([
          '      livenessProbe:',
          '        httpGet:',
          '          path: /',
          '          port: port',
          '          scheme: HTTP',
          `          httpHeaders: [{name: ${yaml}, value: foo.example.com}]`,
        ]), v)).toEqual([`${LP}.httpGet.httpHeaders: Invalid value: "${header}": ${HEADER_MSG}`]);
      });
    }
  }
});
