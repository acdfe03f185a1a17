// The kubelet's `$(VAR)` expansion of a container's command and args (read as [15.1] says) and of
// an exec probe's command ([15.4]).
//
// Upstream, read 2026-12-08 in the stored copies of kubernetes/kubernetes:
// - third_party/forked/golang/expansion/expand.go (commit 02604f7d) Expand, tryReadVariableName,
//   MappingFuncFor, syntaxWrap: `$(NAME)` is replaced by the mapping's value; `$$` is one `$`; a `$`
//   before anything else is kept with it; an unterminated `$(` is kept; MappingFuncFor looks the
//   name up in each context in turn and gives `$(NAME)` back, as written, when none has it.
// - pkg/kubelet/container/helpers.go (a 1.2x/1.3x copy) ExpandContainerCommandOnlyStatic, which
//   prober.go runProbe applies to an exec probe's command (every stored prober.go, 1.27-1.3x):
//   v1EnvVarsToMap(container.Env) maps each listed name to its `value` field, so a name whose
//   env uses `valueFrom` becomes "" (its Value is empty), a later entry of the same name wins, and
//   an env value is not itself expanded (`B: $(A)` gives `$(A)`).
// - helpers.go ExpandContainerCommandAndArgs, which kuberuntime_container.go generateContainerConfig
//   applies to the container's command and args with the environment kubelet_pods.go
//   makeEnvironmentVariables built: envFrom first, then each `env` entry in order, a non-empty
//   `value` expanded against the entries before it (and envFrom, and the service variables), a
//   `valueFrom` resolved (a ConfigMap, a Secret, a pod field: values the engine does not know).
// - pkg/kubelet/lifecycle/handlers.go handlerRunner.Run (two stored copies, 1.2x and 1.3x) runs a
//   hook's exec command as written: hooks are not expanded.
//
// The engine knows the static values only: a reference whose value comes from outside the pod
// spec (valueFrom, envFrom, a service variable) is left as `$(NAME)`, which the shell reader takes
// for a value it cannot know.

/** Go's `$`, `(` and `)` of the expansion syntax (expand.go operator, referenceOpener, referenceCloser). */
const OPERATOR = '$';
const OPENER = '(';
const CLOSER = ')';

/** syntaxWrap: the name wrapped in the expansion syntax again, `$(NAME)`. */
const syntaxWrap = (name: string): string => `${OPERATOR}${OPENER}${name}${CLOSER}`;

/**
 * tryReadVariableName, given the input after a `$`: what it read, whether that is a variable name,
 * and how many characters it consumed.
 */
function tryReadVariableName(input: string): { read: string; isVar: boolean; advance: number } {
  switch (input[0]) {
    case OPERATOR: // escaped operator: `$$` is one `$`
      return { read: OPERATOR, isVar: false, advance: 1 };
    case OPENER: {
      const close = input.indexOf(CLOSER, 1);
      if (close >= 0) return { read: input.slice(1, close), isVar: true, advance: close + 1 };
      return { read: OPERATOR + OPENER, isVar: false, advance: 1 }; // incomplete reference: kept
    }
    default: // an operator that begins no expression: kept with the character after it
      return { read: OPERATOR + input[0], isVar: false, advance: 1 };
  }
}

/**
 * expansion.Expand: replaces each `$(NAME)` of `input` by mapping(NAME). Go reads bytes and this
 * reads UTF-16 units; the syntax is ASCII, so both find the same references. (One difference is
 * left out: Go's `$` before a non-ASCII character copies that character's first byte as a rune,
 * mangling it; here it is kept.)
 */
export function expand(input: string, mapping: (name: string) => string): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== OPERATOR || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const { read, isVar, advance } = tryReadVariableName(input.slice(cursor + 1));
    out += isVar ? mapping(read) : read; // not a name: the characters read, the operator included
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/**
 * expansion.MappingFuncFor: the value of the first context that has the name, else the reference
 * as written. A context's `undefined` value is one the engine does not know: the reference is kept.
 */
export function mappingFuncFor(...contexts: ReadonlyMap<string, string | undefined>[]): (name: string) => string {
  return (name) => {
    for (const vars of contexts) {
      if (vars.has(name)) return vars.get(name) ?? syntaxWrap(name);
    }
    return syntaxWrap(name);
  };
}

/** One `env` entry of a container, as far as expansion reads it. */
export interface EnvVarRef {
  name: string;
  /** The `value` field; absent when not written (Go's empty string). */
  value?: string;
  /** Whether the entry has a `valueFrom` (its value is resolved by the kubelet, unknown here). */
  valueFrom?: boolean;
}

/** ExpandContainerCommandOnlyStatic: each element expanded against v1EnvVarsToMap(env). */
export function expandCommandOnlyStatic(command: readonly string[], env: readonly EnvVarRef[]): string[] {
  const vars = new Map<string, string>();
  for (const e of env) vars.set(e.name, e.value ?? ''); // v1EnvVarsToMap: env.Value, "" for a valueFrom
  const mapping = mappingFuncFor(vars);
  return command.map((s) => expand(s, mapping));
}

/**
 * makeEnvironmentVariables' environment as far as the engine knows it: name -> value, `undefined`
 * for a value it cannot know (valueFrom). With `envFrom`, a name no entry lists may come from a
 * ConfigMap or Secret: the mapping leaves it as written either way.
 */
export function containerEnvironment(env: readonly EnvVarRef[]): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  const mapping = mappingFuncFor(vars);
  for (const e of env) {
    if (e.value !== undefined && e.value !== '') vars.set(e.name, expand(e.value, mapping)); // step 1a
    else if (e.valueFrom) vars.set(e.name, undefined); // step 1b: resolved from its source
    else vars.set(e.name, '');
  }
  return vars;
}

/** ExpandContainerCommandAndArgs with the environment makeEnvironmentVariables builds. */
export function expandCommandAndArgs(
  command: readonly string[] | undefined, args: readonly string[] | undefined, env: readonly EnvVarRef[],
): { command?: string[]; args?: string[] } {
  const mapping = mappingFuncFor(containerEnvironment(env));
  const out: { command?: string[]; args?: string[] } = {};
  if (command) out.command = command.map((s) => expand(s, mapping));
  if (args) out.args = args.map((s) => expand(s, mapping));
  return out;
}
