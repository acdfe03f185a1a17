// [1.3] Environment variable names as the API server checks them (validation.go ValidateEnv, for
// every container; apimachinery IsEnvVarName / IsRelaxedEnvVarName, read at the 1.32/1.33-era
// trees by the upstream46 round): the strict C-identifier-like rule, or from 1.32 (the
// RelaxedEnvironmentVariableValidation gate: alpha 1.30, beta 1.32, GA 1.34) any printable ASCII
// but '='. Names change nothing in the run; a pod the API server rejects must be rejected here.

import type { Ctx, Located } from './decode';
import { invalid, regexError, required } from './k8sErrors';
import { child } from './problems';
import { startOf } from './ynode';
import type { Span } from './problems';

const STRICT = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function strictErrors(name: string): string[] {
  const errs = STRICT.test(name) ? [] : [regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", '[-._a-zA-Z][-._a-zA-Z0-9]*', ['my.env-name', 'MY_ENV.NAME', 'MyEnvName1'])];
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function relaxedErrors(name: string): string[] {
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code > 0x7e || ch === '=') return ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
  }
  return [];
}

/** Reports an env entry's name (`at`: the entry's path) as ValidateEnv does; `entry`: the entry's span, for a missing name. */
export function validateEnvName(ctx: Ctx, name: Located<string> | undefined, at: string, entry: Span): void {
  const path = child(at, 'name');
  if (!name || name.value === '') {
    ctx.p.error(path, required(), name?.span ?? startOf(entry));
    return;
  }
  const errs = ctx.gates.RelaxedEnvironmentVariableValidation ? relaxedErrors(name.value) : strictErrors(name.value);
  for (const msg of errs) ctx.p.error(path, invalid(name.value, msg), name.span);
}
