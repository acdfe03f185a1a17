// `sim explain FILE...` (issue 14, contract section 2): what the app's explain mode shows for each
// real pod: the kubectl columns, phase and conditions with the rule behind each, each container's
// state in words, kubectl's quirks, and what happens next with its time. Built on engine/explain.

import { loadPods } from '../engine/apiPod/loadPods';
import { formatRfc3339 } from '../engine/apiPod/time';
import { analyzeText } from '../engine/explain/analyzeText';
import { explainPods } from '../engine/explain/explainPods';
import type { PodExplanation } from '../engine/explain/types';
import { humanDuration } from '../engine/kubectl/humanDuration';
import { gateWarnings, type CliArgs } from './args';
import { EXIT_INVALID, EXIT_OK, FileError, reportProblems, type CliIO } from './io';

/** The contract's JSON shape: `kubectl` as `status` prints it, `next` with RFC3339 times. */
export function explainJson(e: PodExplanation): object {
  const { age, ...kubectl } = e.kubectl;
  return {
    name: e.name,
    namespace: e.namespace,
    now: formatRfc3339(e.now),
    kubectl,
    age,
    phase: e.phase.value,
    phaseWhy: e.phase.why,
    ...(e.phase.observed ? { observedPhase: e.phase.observed } : {}),
    conditions: e.conditions,
    containers: e.containers,
    quirks: e.quirks,
    next: e.next.map((n) => ({ container: n.container, action: n.action, at: n.at === null ? null : formatRfc3339(n.at), why: n.why })),
    notes: e.notes,
  };
}

function when(at: number | null, now: number): string {
  if (at === null) return 'no set time';
  const d = at - now;
  return `${formatRfc3339(at)} (${d <= 0 ? 'now' : `in ${humanDuration(d)}`})`;
}

export function explainText(e: PodExplanation): string[] {
  const { kubectl: k } = e;
  const cols = [['NAME', e.name || '(no name)'], ['READY', k.ready], ['STATUS', k.status], ['RESTARTS', k.restarts], ['AGE', k.age]];
  const widths = cols.map(([h, v]) => Math.max(h!.length, v!.length) + 3);
  const row = (i: 0 | 1) => cols.map((c, j) => c[i]!.padEnd(widths[j]!)).join('').trimEnd();
  const width = Math.max(...e.conditions.map((c) => c.type.length));
  const nameWidth = Math.max(...e.containers.map((c) => c.name.length), ...e.next.map((n) => n.container.length));
  return [
    `  now         ${formatRfc3339(e.now)}${e.nowIsDefault ? ' (the newest timestamp in the object)' : ''}`,
    `  kubectl     ${row(0)}`,
    `              ${row(1)}`,
    ...e.quirks.map((q) => `              - ${q}`),
    `  phase       ${e.phase.value}${e.phase.observed ? ` (the object says ${e.phase.observed})` : ''}`,
    `              ${e.phase.why}`,
    '  conditions',
    ...e.conditions.map((c) => `    ${c.type.padEnd(width)}  ${c.status.padEnd(5)}  ${c.reason ? `${c.reason} — ` : '— '}${c.why}${c.observed ? ` (the object says ${c.observed})` : ''}`),
    '  containers',
    ...e.containers.map((c) => `    ${c.kind.padEnd(7)} ${c.name.padEnd(nameWidth)}  ${c.words}`),
    '  next',
    ...(e.next.length ? e.next.map((n) => `    ${n.container.padEnd(nameWidth)}  ${n.action.padEnd(5)} ${when(n.at, e.now)} — ${n.why}`) : ['    nothing: every container runs as it should']),
    ...(e.notes.length ? ['  problems in the object', ...e.notes.map((n) => `    - ${n.severity}: ${n.message}`)] : []),
  ];
}

function readFile(io: CliIO, file: string): string | undefined {
  try {
    return io.readFile(file);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.err(e.message);
    return undefined;
  }
}

export function runExplain(args: CliArgs, io: CliIO): number {
  for (const w of gateWarnings(args.version, args.gateOverrides)) io.err(`sim: warning: ${w}`);
  const explained: { file: string; line: number; pod: PodExplanation }[] = [];
  let ok = true;
  for (const file of args.files) {
    const text = readFile(io, file);
    if (text === undefined) {
      ok = false;
      continue;
    }
    const analysis = analyzeText(text, { kubernetesVersion: args.version });
    if (analysis.kind === 'simulate') {
      // Not a real pod: say why at the right line, as `sim status` does.
      const problems = loadPods(text).problems;
      if (analysis.hint?.severity === 'error' || !reportProblems(io, file, problems)) {
        io.err(`${file}:1:1: ${analysis.hint?.message ?? 'no Pod object with a status found: paste what `kubectl get pod NAME -o yaml` prints'}`);
      }
      ok = false;
      continue;
    }
    if (reportProblems(io, file, analysis.problems)) ok = false;
    const pods = explainPods(analysis.input, {
      ...(args.k8s ? { version: args.k8s, versionWins: true } : {}),
      gateOverrides: args.gateOverrides,
      ...(args.now === undefined ? {} : { now: args.now }),
      ...(args.podIsTerminal === undefined ? {} : { podIsTerminal: args.podIsTerminal }),
      ...(args.podHasInitialized === undefined ? {} : { podHasInitialized: args.podHasInitialized }),
    });
    pods.forEach((pod, i) => explained.push({ file, line: analysis.input.pods[i]!.line, pod }));
  }
  if (!ok) return EXIT_INVALID;
  explained.forEach(({ file, line, pod }, i) => {
    if (args.json) {
      io.out(JSON.stringify(explainJson(pod)));
      return;
    }
    if (i > 0) io.out('');
    io.out(`pod ${pod.namespace}/${pod.name || '(no name)'} (${file}:${line}), Kubernetes ${args.k8s ?? args.version}`);
    for (const l of explainText(pod)) io.out(l);
  });
  return EXIT_OK;
}
