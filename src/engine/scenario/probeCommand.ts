// An exec probe's command, read with the shell reader the process inference uses (infer.ts
// shellScript, shellEval.ts runScript/runArgv) ([5.11], [15.4]):
// - how long one run takes: `sh -c "sleep 5; exit 0"` takes 5 s, `sleep infinity` never returns
//   (so every run times out), and a command the reader cannot follow is taken to answer at once.
//   Upstream, pkg/probe/exec Probe waits for the command and pkg/kubelet/prober/prober.go runProbe
//   gives it timeoutSeconds (read: 1.27-1.36);
// - what a failed run printed, which prober.go probe puts after "%s probe failed: " (below);
// - over which stretches of a container's life the probe's answer follows from the container's own
//   script (`touch /tmp/healthy; sleep 30; rm -f /tmp/healthy`): probeWindows;
// - a note for a probe command the reader read part of but could not finish (probeNotes).
//
// The output, upstream (read: pkg/probe/exec/exec.go Probe at 05c351a9, a 1.2x-1.3x copy;
// pkg/kubelet/prober/prober.go, a stored 1.2x-1.3x copy (id 262713168), newExecInContainer and
// probe; kuberuntime_container.go RunInContainer, the context-era copy id 41926215): the prober
// runs the command through RunInContainer, which returns ExecSync's stdout with its stderr appended
// ("This does not correctly interleave stdout & stderr"); Probe writes that through
// ioutils.LimitWriter(maxReadLength = 10 KiB), so only its first 10 KiB are kept, and a non-zero
// exit is a Failure with that text as the output; probe records `"%s probe failed: %s"` with it,
// untrimmed (kubectl describe trims the message, strings.TrimSpace). The same from 1.27 to 1.37.

import type { ProbeKind } from '../trace';
import type { ContainerSpec, ProbeSpec, ProbeWindow } from './types';
import { execEnd, processArgv, readCommand, shellScript } from './infer';
import { runArgv, runScript, type Reading } from './shellEval';
import type { FileState } from './shellState';

/** Seconds one run of this exec probe command takes; null: it never returns; 0 when not known. */
export function probeCommandDuration(command: string[] | undefined): number | null {
  if (!command || command.length === 0) return 0;
  const script = shellScript(command);
  const { outcome } = script !== undefined ? runScript(script) : runArgv(command);
  if (outcome.kind === 'exits') return outcome.seconds;
  if (outcome.kind === 'never') return null;
  return 0; // waits for something outside, or not understood: taken to answer at once
}

/** pkg/probe/exec maxReadLength: the first 10 KiB of the output are kept. */
export const EXEC_PROBE_MAX_OUTPUT = 10 * 1024;

/** The first `max` bytes of `text` in UTF-8 (cut before a character that would not fit whole). */
function firstBytes(text: string, max: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return text;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not in the middle of a character
  return new TextDecoder().decode(bytes.slice(0, end));
}

/** The output an exec probe's run hands the prober: stdout, then stderr, the first 10 KiB; undefined when unknown. */
export function execProbeOutput(stdout: string | null, stderr: string | null): string | undefined {
  if (stdout === null || stderr === null) return undefined;
  return firstBytes(stdout + stderr, EXEC_PROBE_MAX_OUTPUT);
}

/**
 * What a failing exec probe printed ([5.13]) when its command fails by itself (a fixed 'fail'
 * verdict, probeVerdict): `image` gives the userland's wording; undefined when unknown.
 */
export function failingExecOutput(command: string[] | undefined, image?: string): string | undefined {
  const end = execEnd(command, image);
  if (!end || end.exitCode === 0) return undefined;
  return execProbeOutput(end.stdout, end.stderr);
}


type FileLog = Reading['files']['log'];

/** A log of changes in the order of their times (a background job's come in the log when it was read). */
function byTime(log: FileLog): FileLog {
  return [...log].sort((a, b) => a.t - b.t);
}

/** The known files at time t, from a script's log of changes (each at its time; `initial` before all). */
function filesAt(log: FileLog, t: number, initial: ReadonlyMap<string, FileState>): Map<string, FileState> {
  const known = new Map(initial);
  for (const e of byTime(log)) {
    if (e.t > t) break;
    if (e.state) known.set(e.path, e.state); else known.delete(e.path);
  }
  return known;
}

/**
 * When an exec probe passes or fails by the container's own script ([15.4]): the script's changes
 * to files (touch, rm, a redirection), and the probe command read against the files as they are in
 * each stretch between two changes. A file the script first creates is taken to be missing from
 * the image before that (the script creates it to say something: `touch /tmp/healthy`); a file it
 * first removes is unknown before. Stretches where the probe's answer does not follow (a file the
 * script never names, a command the reader does not follow) are left out; after the point where
 * the reader could not follow the script any further, nothing is known.
 */
export function probeWindows(c: Pick<ContainerSpec, 'image' | 'command' | 'args'>, probeCommand: string[] | undefined): ProbeWindow[] {
  const argv = processArgv(c);
  if (!argv || !probeCommand || probeCommand.length === 0) return [];
  const first = readCommand(argv, c.image);
  if (first.files.log.length === 0) return [];
  const created = new Map<string, FileState>();
  const seen = new Set<string>();
  for (const e of byTime(first.files.log)) {
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    if (e.state?.exists) created.set(e.path, { exists: false });
  }
  const run = readCommand(argv, c.image, created);
  const end = run.outcome.kind === 'never' ? Infinity : run.stoppedAt;
  const times = [...new Set([0, ...run.files.log.map((e) => e.t)])].filter((t) => t < end).sort((a, b) => a - b);
  const windows: ProbeWindow[] = [];
  for (const [i, from] of times.entries()) {
    const to = times[i + 1] ?? end;
    if (to <= from) continue;
    const probe = readCommand(probeCommand, c.image, filesAt(run.files.log, from, created));
    if (probe.outcome.kind !== 'exits' || !probe.sure || probe.openOutput || probe.files.log.length > 0) continue;
    const w: ProbeWindow = { from, to, exitCode: probe.outcome.exitCode };
    const output = execProbeOutput(probe.out, probe.err);
    if (output !== undefined) w.output = output;
    const last = windows[windows.length - 1];
    if (last && last.to === from && last.exitCode === w.exitCode && last.output === w.output) last.to = to;
    else windows.push(w);
  }
  return windows;
}

const PROBES = [['startupProbe', 'startup', 'failStartup'], ['livenessProbe', 'liveness', 'failLiveness'], ['readinessProbe', 'readiness', 'failReadiness']] as const;

/** Why the reader could not finish a probe command it read part of; undefined when it finished, or stopped at a program it does not know. */
function unfinished(command: string[], image: string): string | undefined {
  const r = readCommand(command, image);
  if (r.openOutput) return 'a background job keeps the run\'s output open, and the runtime waits for it';
  if (r.outcome.kind === 'waits') return `it waits for something the simulator cannot see (${r.outcome.what})`;
  if (r.outcome.kind === 'unknown' && !r.outcome.program) return `it cannot follow ${r.outcome.what}`;
  return undefined;
}

/**
 * Notes for the exec probes whose command the reader read part of but could not finish (`sleep 10
 * & exit 1`, `exit $CODE`, a loop over values known only at run time): such a probe is taken to
 * answer at once and to pass while the app is up ([5.11]). A command that is one program the
 * reader does not know (`pg_isready`, `/healthz.sh`) is the everyday case and gets none, nor does
 * a probe whose run the Simulation document describes (`described`, its `livenessProbe:` entries).
 */
export function probeNotes(
  c: Pick<ContainerSpec, 'name' | 'image'> & Partial<Record<(typeof PROBES)[number][0], ProbeSpec>>,
  described?: Partial<Record<ProbeKind, unknown>>,
): string[] {
  const notes: string[] = [];
  for (const [key, kind, fail] of PROBES) {
    const spec = c[key];
    if (spec?.handler !== 'exec' || !spec.command || spec.command.length === 0 || described?.[kind] !== undefined) continue;
    const why = unfinished(spec.command, c.image);
    if (why === undefined) continue;
    notes.push(`${key} of ${c.name}: can't tell how its command ends (${why}): each run is taken to answer at once and to pass while the app is up; a ${fail} event in the Simulation document makes it fail`);
  }
  return notes;
}
