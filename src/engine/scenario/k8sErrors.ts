// The API server's error wording (k8s.io/apimachinery/pkg/util/validation/field), so a problem
// reads exactly like `kubectl apply` output after the field path.

/** A value as field errors print it: strings quoted (Go %q), numbers and booleans bare. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

export function required(detail = ''): string {
  return detail ? `Required value: ${detail}` : 'Required value';
}

export function notSupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`;
}

export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${formatValue(value)}: ${detail}`;
}

export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

export function duplicate(value: unknown): string {
  return `Duplicate value: ${formatValue(value)}`;
}

/** field.TooMany: a list with more items than allowed. */
export function tooMany(actual: number, max: number): string {
  return `Too many: ${actual}: must have at most ${max} items`;
}

/** field.TooLong: used for lists before Kubernetes 1.36 (kubernetes#137135), hence "bytes". */
export function tooLong(max: number): string {
  return `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`;
}

/** kubectl's strict field validation, on for `kubectl apply` since 1.27. */
export function unknownField(path: string): string {
  return `strict decoding error: unknown field ${JSON.stringify(path)}`;
}

/** encoding/json's type error, as the API server returns it when a value has the wrong type. */
export function unmarshalError(jsonKind: string, goStruct: string, path: string, goType: string): string {
  const jsonPath = path.replace(/\[\d+\]/g, '');
  return `json: cannot unmarshal ${jsonKind} into Go struct field ${goStruct}.${jsonPath} of type ${goType}`;
}

export const NON_NEGATIVE = 'must be greater than or equal to 0';

export function inclusiveRange(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** validation.RegexError: note the doubled space after the first example, as upstream prints it. */
export function regexError(msg: string, fmt: string, examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/** validation.IsDNS1123Label: the rule for container names. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_RE.test(value)) {
    if (SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
      DNS1123_LABEL_FMT, ['my-name', '123-abc']));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain: the rule for object names. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!SUBDOMAIN_RE.test(value)) {
    errs.push(regexError(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      DNS1123_SUBDOMAIN_FMT, ['example.com']));
  }
  return errs;
}

/** validation.IsValidPortName. */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** validation.IsHTTPHeaderName: a probe's or hook's httpGet header name. */
export function httpHeaderNameErrors(name: string): string[] {
  return /^[-A-Za-z0-9]+$/.test(name) ? [] : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", '[-A-Za-z0-9]+', ['X-Header-Name'])];
}
