import { describe, expect, it } from 'vitest';
import {
  dns1123LabelErrors, dns1123SubdomainErrors, duplicate, forbidden, invalid, notSupported, portNameErrors,
  required, tooLong, tooMany, unknownField, unmarshalError,
} from './k8sErrors';

describe('API server wording', () => {
  it('formats field errors like k8s.io/apimachinery', () => {
    expect(required()).toBe('Required value');
    expect(required('must specify a handler type')).toBe('Required value: must specify a handler type');
    expect(notSupported('OnFailure', ['Always'])).toBe('Unsupported value: "OnFailure": supported values: "Always"');
    expect(notSupported('x', ['Always', 'OnFailure', 'Never'])).toBe('Unsupported value: "x": supported values: "Always", "OnFailure", "Never"');
    expect(invalid(2, 'must be 1')).toBe('Invalid value: 2: must be 1');
    expect(invalid('a b', 'bad')).toBe('Invalid value: "a b": bad');
    expect(forbidden('may not be set for init containers without restartPolicy=Always')).toBe('Forbidden: may not be set for init containers without restartPolicy=Always');
    expect(duplicate('x')).toBe('Duplicate value: "x"');
    expect(tooMany(21, 20)).toBe('Too many: 21: must have at most 20 items');
    expect(tooLong(255)).toBe('Too long: may not be more than 255 bytes');
    expect(unknownField('spec.initContainers[2].restartPolicy')).toBe('strict decoding error: unknown field "spec.initContainers[2].restartPolicy"');
    expect(unmarshalError('string', 'Container', 'spec.containers[0].command', '[]string'))
      .toBe('json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string');
  });

  it('validates DNS-1123 labels with upstream messages', () => {
    expect(dns1123LabelErrors('my-app')).toEqual([]);
    expect(dns1123LabelErrors('My_App')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(dns1123LabelErrors('a.b')).toEqual(['must not contain dots']);
    expect(dns1123LabelErrors('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('validates DNS-1123 subdomains', () => {
    expect(dns1123SubdomainErrors('web.example')).toEqual([]);
    expect(dns1123SubdomainErrors('Web')).toHaveLength(1);
  });

  it('validates port names', () => {
    expect(portNameErrors('http')).toEqual([]);
    expect(portNameErrors('HTTP')).toContain('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
    expect(portNameErrors('8080')).toContain('must contain at least one letter (a-z)');
    expect(portNameErrors('a--b')).toContain('must not contain consecutive hyphens');
    expect(portNameErrors('-ab')).toContain('must not begin or end with a hyphen');
    expect(portNameErrors('abcdefghijklmnop')).toContain('must be no more than 15 characters');
  });
});
