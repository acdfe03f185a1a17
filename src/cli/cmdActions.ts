// `sim actions FILE...`: what the kubelet would do next for each Pod (computePodActions).

import { toActionsInput } from '../engine/apiPod/toActionsInput';
import { computePodActions } from '../engine/kubelet/computePodActions';
import type { PodActions } from '../engine/kubelet/podActionsTypes';
import { minor } from '../engine/version';
import { gateWarnings, type CliArgs } from './args';
import { EXIT_INVALID, EXIT_OK, type CliIO } from './io';
import { podLabel, readPodFiles } from './podFiles';
import { oneLine } from './printable';

/** The contract's JSON shape; containersToKill as names. */
export function actionsJson(a: PodActions): object {
  return {
    killPod: a.killPod,
    initContainersToStart: a.initContainersToStart,
    containersToStart: a.containersToStart,
    containersToKill: a.containersToKill.map((k) => k.name),
    why: a.why,
  };
}

function actionsText(a: PodActions): string[] {
  const list = (names: string[]) => (names.length ? names.join(', ') : '—');
  return [
    `  killPod                ${a.killPod}`,
    `  createSandbox          ${a.createSandbox}`,
    `  initContainersToStart  ${list(a.initContainersToStart)}`,
    `  containersToStart      ${list(a.containersToStart)}`,
    `  containersToKill       ${list(a.containersToKill.map((k) => `${k.name} (${k.reason})`))}`,
    '  why',
    ...a.why.map((w) => `    - ${w}`),
  ];
}

export function runActions(args: CliArgs, io: CliIO): number {
  for (const w of gateWarnings(args.version, args.gateOverrides, args.unmodelledGates)) io.err(`sim: warning: ${w}`);
  const read = readPodFiles(io, args.files);
  if (!read.ok) return EXIT_INVALID;
  read.pods.forEach((p, i) => {
    const actions = computePodActions(toActionsInput(p, {
      containerRestartRules: args.gates.ContainerRestartRules, minor: minor(args.version), sidecarContainers: args.gates.SidecarContainers,
    }));
    if (args.json) {
      io.out(JSON.stringify(actionsJson(actions)));
      return;
    }
    if (i > 0) io.out('');
    io.out(oneLine(`pod ${podLabel(p)}, Kubernetes ${args.version}`));
    for (const line of actionsText(actions)) io.out(oneLine(line));
  });
  return EXIT_OK;
}
