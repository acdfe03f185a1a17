// `sim status FILE...`: what the kubelet and kubectl derive from Pod objects (contract section 2).

import { deriveStatus, type DerivedStatus } from '../engine/apiPod/deriveStatus';
import { formatRfc3339 } from '../engine/apiPod/time';
import { gateWarnings, type CliArgs } from './args';
import { EXIT_INVALID, EXIT_OK, type CliIO } from './io';
import { podLabel, readPodFiles } from './podFiles';
import { oneLine } from './printable';

/** The contract's JSON shape: phase, conditions by type ({status, reason}), kubectl columns. */
export function statusJson(d: DerivedStatus): object {
  const conditions: Record<string, { status: string; reason?: string }> = {};
  for (const c of d.conditions) conditions[c.type] = c.reason ? { status: c.status, reason: c.reason } : { status: c.status };
  return { phase: d.phase, conditions, kubectl: d.kubectl };
}

function statusText(d: DerivedStatus): string[] {
  const width = Math.max(...d.conditions.map((c) => c.type.length));
  const { podIsTerminal, podHasInitialized, sandboxReady, now } = d.inputs;
  return [
    `  phase       ${d.phase}`,
    `              ${d.phaseWhy}`,
    '  conditions',
    ...d.conditions.map((c) => `    ${c.type.padEnd(width)}  ${c.status.padEnd(5)}  ${c.reason ?? ''}${c.reason ? ' — ' : '— '}${c.why}`),
    `  kubectl     READY ${d.kubectl.ready}   STATUS ${d.kubectl.status}   RESTARTS ${d.kubectl.restarts}`,
    `  inputs      pod-is-terminal=${podIsTerminal} pod-has-initialized=${podHasInitialized} sandbox-ready=${sandboxReady} now=${formatRfc3339(now)}`,
  ];
}

export function runStatus(args: CliArgs, io: CliIO): number {
  for (const w of gateWarnings(args.version, args.gateOverrides, args.unmodelledGates)) io.err(`sim: warning: ${w}`);
  const read = readPodFiles(io, args.files);
  if (!read.ok) return EXIT_INVALID;
  read.pods.forEach((p, i) => {
    const derived = deriveStatus(p, {
      version: args.version,
      gates: args.gates,
      ...(args.podIsTerminal === undefined ? {} : { podIsTerminal: args.podIsTerminal }),
      ...(args.podHasInitialized === undefined ? {} : { podHasInitialized: args.podHasInitialized }),
      ...(args.now === undefined ? {} : { now: args.now }),
    });
    if (args.json) {
      io.out(JSON.stringify(statusJson(derived)));
      return;
    }
    if (i > 0) io.out('');
    io.out(oneLine(`pod ${podLabel(p)}, Kubernetes ${args.version}`));
    for (const line of statusText(derived)) io.out(oneLine(line));
  });
  return EXIT_OK;
}
