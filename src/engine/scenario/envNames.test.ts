// [1.3] ValidateEnv's names: strict before 1.32 (or with RelaxedEnvironmentVariableValidation off),
// printable ASCII but '=' from 1.32 by default (apimachinery IsEnvVarName / IsRelaxedEnvVarName).
import { describe, expect, it } from 'vitest';
import { check, pod } from './testUtil';

const withEnv = (entry: string) => pod(['  containers:', '    - name: app', '      image: busybox', `      env: [${entry}]`].join('\n'));
const errors = (entry: string, kubernetesVersion: string, featureGates?: Record<string, boolean>) =>
  check(withEnv(entry), { kubernetesVersion, ...(featureGates ? { featureGates } : {}) }).errors.map((e) => e.replace(/^\d+:\d+ /, ''));

describe('env var names ([1.3], ValidateEnv)', () => {
  it('strict at 1.31: a leading digit, and the chdir prefixes', () => {
    expect(errors('{name: 1ABC, value: x}', '1.31')).toEqual([expect.stringMatching(/^spec\.containers\[0\]\.env\[0\]\.name: Invalid value: "1ABC": a valid environment variable name must consist of alphabetic characters/)]);
    expect(errors('{name: "..x", value: x}', '1.31')).toEqual(["spec.containers[0].env[0].name: Invalid value: \"..x\": must not start with '..'"]);
    expect(errors('{name: MY_ENV.NAME, value: x}', '1.31')).toEqual([]);
  });

  it('relaxed from 1.32: any printable ASCII but =; the gate turned off restores the strict rule', () => {
    expect(errors('{name: "1 odd!name", value: x}', '1.33')).toEqual([]);
    expect(errors('{name: "A=B", value: x}', '1.37')).toEqual(["spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    expect(errors('{name: "1ABC", value: x}', '1.33', { RelaxedEnvironmentVariableValidation: false })).toHaveLength(1);
    expect(errors('{name: "1ABC", value: x}', '1.30', { RelaxedEnvironmentVariableValidation: true })).toEqual([]);
  });

  it('a missing or empty name is Required', () => {
    expect(errors('{value: x}', '1.33')).toEqual(['spec.containers[0].env[0].name: Required value']);
    expect(errors('{name: "", value: x}', '1.29')).toEqual(['spec.containers[0].env[0].name: Required value']);
  });
});
