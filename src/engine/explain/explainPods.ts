// The explain mode's front door: the pods a text holds, each explained with the version, gates
// and node settings that apply (flags first, then the text's Simulation document, then defaults).

import { resolveGates, NEWEST_VERSION, type KubeVersion } from '../version';
import { explainPod } from './explainPod';
import type { ExplainInput, PodExplanation } from './types';

export interface ExplainPodsOptions {
  /** A version chosen outside the text (--k8s, the page's picker); the text's own wins over the picker. */
  version?: KubeVersion;
  gateOverrides?: Partial<Record<string, boolean>>;
  now?: number;
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
  /** Whether `version` overrides the text's own (true for --k8s). */
  versionWins?: boolean;
}

export function explainPods(input: ExplainInput, opts: ExplainPodsOptions = {}): PodExplanation[] {
  const version = (opts.versionWins ? opts.version ?? input.written.version : input.written.version ?? opts.version) ?? NEWEST_VERSION;
  const gates = resolveGates(version, { ...input.written.gates, ...opts.gateOverrides });
  return input.pods.map((p) => explainPod(p, {
    version,
    gates,
    ...(input.written.maxContainerRestartPeriod === undefined ? {} : { maxContainerRestartPeriod: input.written.maxContainerRestartPeriod }),
    ...(opts.now === undefined ? {} : { now: opts.now }),
    ...(opts.podIsTerminal === undefined ? {} : { podIsTerminal: opts.podIsTerminal }),
    ...(opts.podHasInitialized === undefined ? {} : { podHasInitialized: opts.podHasInitialized }),
  }));
}
