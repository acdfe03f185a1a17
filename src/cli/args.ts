// The `sim` command line (contract.md section 2): a subcommand, files, and --flags, checked
// against what each subcommand accepts. Values are turned into engine types here.

import { parseRfc3339 } from '../engine/apiPod/time';
import { parseDurationString } from '../engine/scenario/duration';
import {
  FEATURE_GATES, NEWEST_VERSION, SUPPORTED_VERSIONS, defaultGates, formerGateSpelling, gateAbsence, gateExists, gateLocked, isFeatureGateName,
  isSupportedVersion, minor, resolveGates, type FeatureGates, type KubeVersion,
} from '../engine/version';
import { REAL_GATES, isRealGate } from '../engine/realGates';

export const COMMANDS = ['run', 'status', 'actions', 'check', 'explain'] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE = [
  'usage: sim run FILE [--json] [--until 5m] [--k8s 1.36] [--feature-gates A=true,B=false] [--requeue-jitter 0.5]',
  '       sim status FILE... [--json] [--k8s V] [--feature-gates …] [--pod-is-terminal true|false]',
  '                          [--pod-has-initialized true|false] [--now RFC3339]',
  '       sim actions FILE... [--json] [--k8s V] [--feature-gates …]',
  '       sim check FILE [--k8s V] [--feature-gates …]',
  '       sim explain FILE... [--json] [--k8s V] [--feature-gates …] [--now RFC3339]',
];

/** Flags each subcommand takes; true = a boolean switch, false = takes a value. */
const FLAGS: Record<Command, Record<string, boolean>> = {
  run: { json: true, until: false, k8s: false, 'feature-gates': false, 'requeue-jitter': false },
  status: {
    json: true, k8s: false, 'feature-gates': false, 'pod-is-terminal': false, 'pod-has-initialized': false, now: false,
  },
  actions: { json: true, k8s: false, 'feature-gates': false },
  check: { k8s: false, 'feature-gates': false },
  explain: {
    json: true, k8s: false, 'feature-gates': false, 'pod-is-terminal': false, 'pod-has-initialized': false, now: false,
  },
};

export class UsageError extends Error {}

export interface CliArgs {
  command: Command;
  files: string[];
  json: boolean;
  /** --k8s as given (validated), undefined when absent. */
  k8s?: KubeVersion;
  /** The version the engine uses: --k8s or the newest. */
  version: KubeVersion;
  /** --feature-gates overrides as given. */
  gateOverrides: Partial<Record<string, boolean>>;
  /** Real gates given with --feature-gates that the engine does not model (they change nothing). */
  unmodelledGates: string[];
  /** The effective gates for `version` with the overrides. */
  gates: FeatureGates;
  until?: number;
  /** --requeue-jitter: where the kubelet's jittered requeues land, 0 to 1 ([4.6]). */
  requeueJitter?: number;
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
  now?: number;
}

function parseBool(flag: string, v: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`--${flag}: expected true or false, got ${JSON.stringify(v)}`);
}

export function parseGates(v: string): Partial<Record<string, boolean>> {
  const out: Partial<Record<string, boolean>> = {};
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', value, extra] = part.split('=');
    if (value === undefined || extra !== undefined) throw new UsageError(`--feature-gates: expected Name=true|false, got ${JSON.stringify(part)}`);
    if (!isFeatureGateName(name) && !REAL_GATES.has(name) && !formerGateSpelling(name)) {
      throw new UsageError(`--feature-gates: unrecognized feature gate: ${name} (modelled: ${Object.keys(FEATURE_GATES).join(', ')})`);
    }
    out[name] = parseBool('feature-gates', value.toLowerCase());
  }
  return out;
}

/**
 * Overrides the version ignores: a gate that does not exist yet, one locked on (GA), or a real gate
 * the simulator does not model (`unmodelled`, e.g. NodeDeclaredFeatures).
 */
export function gateWarnings(version: KubeVersion, overrides: Partial<Record<string, boolean>>, unmodelled: string[] = []): string[] {
  const out: string[] = [];
  for (const name of unmodelled) {
    // A real gate the engine does not model: accepted, and it changes nothing.
    if (!isRealGate(name, minor(version))) out.push(`--feature-gates: ${name} does not exist in ${version}; ignored`);
    else out.push(`--feature-gates: ${name} is a real gate of ${version} that the simulator does not model; it changes nothing`);
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!isFeatureGateName(name)) continue;
    if (!gateExists(name, version)) out.push(`--feature-gates: ${name} does not exist in ${version} (${gateAbsence(name, version)}); ignored`);
    else if (gateLocked(name, version) && value !== defaultGates(version)[name]) {
      out.push(`--feature-gates: ${name} is GA and locked to true in ${version}; ignored`);
    }
  }
  return out;
}

function parseVersion(v: string): KubeVersion {
  const bare = v.replace(/^v/, '').split('.').slice(0, 2).join('.');
  if (!isSupportedVersion(bare)) {
    throw new UsageError(`--k8s: unsupported Kubernetes version ${JSON.stringify(v)}: supported ${SUPPORTED_VERSIONS[0]} to ${NEWEST_VERSION}`);
  }
  return bare;
}

function splitArgv(command: Command, argv: string[]): { files: string[]; flags: Map<string, string> } {
  const files: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { files.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--') || a === '--') { files.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const isSwitch = FLAGS[command][name];
    if (isSwitch === undefined) throw new UsageError(`${command}: unknown flag --${name}`);
    let value = eq < 0 ? undefined : a.slice(eq + 1);
    if (value === undefined && !isSwitch) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
    }
    flags.set(name, value ?? 'true');
  }
  return { files, flags };
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('a command is required');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const cmd = command as Command;
  const { files, flags } = splitArgv(cmd, rest);
  if (files.length === 0) throw new UsageError(`${cmd}: a FILE is required`);
  if ((cmd === 'run' || cmd === 'check') && files.length > 1) throw new UsageError(`${cmd}: takes one FILE`);

  const k8s = flags.has('k8s') ? parseVersion(flags.get('k8s')!) : undefined;
  const version = k8s ?? NEWEST_VERSION;
  const allGates = flags.has('feature-gates') ? parseGates(flags.get('feature-gates')!) : {};
  // The engine's parse options take only the gates it models; gateWarnings names the others.
  // A former spelling of ours is a modelled gate too (the parser warns about it, and simulates the real one).
  const modelled = (name: string) => isFeatureGateName(name) || formerGateSpelling(name) !== undefined;
  const gateOverrides = Object.fromEntries(Object.entries(allGates).filter(([name]) => modelled(name)));
  const out: CliArgs = {
    command: cmd, files, json: flags.has('json') && parseBool('json', flags.get('json')!),
    version, gateOverrides, gates: resolveGates(version, gateOverrides), unmodelledGates: Object.keys(allGates).filter((n) => !modelled(n)),
  };
  if (k8s) out.k8s = k8s;
  if (flags.has('until')) {
    const d = parseDurationString(flags.get('until')!);
    if (!d.ok) throw new UsageError(`--until: ${d.message}`);
    out.until = d.seconds;
  }
  if (flags.has('requeue-jitter')) {
    const raw = flags.get('requeue-jitter')!;
    const j = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!(j >= 0 && j <= 1)) throw new UsageError(`--requeue-jitter: expected a number from 0 (the earliest requeue) to 1 (the latest), got ${JSON.stringify(raw)}`);
    out.requeueJitter = j;
  }
  if (flags.has('pod-is-terminal')) out.podIsTerminal = parseBool('pod-is-terminal', flags.get('pod-is-terminal')!);
  if (flags.has('pod-has-initialized')) out.podHasInitialized = parseBool('pod-has-initialized', flags.get('pod-has-initialized')!);
  if (flags.has('now')) {
    const now = parseRfc3339(flags.get('now')!);
    if (now === undefined) throw new UsageError(`--now: expected an RFC3339 time such as 2025-03-01T10:00:00Z, got ${JSON.stringify(flags.get('now'))}`);
    out.now = now;
  }
  return out;
}
