// How long an exec probe's command runs ([5.11]), read with the shell reader the process
// inference uses (infer.ts shellScript, shellEval.ts runScript/runArgv): `sh -c "sleep 5; exit 0"`
// takes 5 s, `sleep infinity` never returns (so every run times out), and a command the reader
// cannot follow is taken to answer at once. Upstream, pkg/probe/exec Probe waits for the command
// and pkg/kubelet/prober/prober.go runProbe gives it timeoutSeconds (read: 1.27-1.36).

import { shellScript } from './infer';
import { runArgv, runScript } from './shellEval';

/** Seconds one run of this exec probe command takes; null: it never returns; 0 when not known. */
export function probeCommandDuration(command: string[] | undefined): number | null {
  if (!command || command.length === 0) return 0;
  const script = shellScript(command);
  const { outcome } = script !== undefined ? runScript(script) : runArgv(command);
  if (outcome.kind === 'exits') return outcome.seconds;
  if (outcome.kind === 'never') return null;
  return 0; // waits for something outside, or not understood: taken to answer at once
}
