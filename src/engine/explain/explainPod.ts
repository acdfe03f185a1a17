// One real pod explained (issue 14): the kubectl columns as the cluster prints them (with AGE),
// the phase and each condition with the rule that decided it (the same deciders as `sim status`:
// getPhase, the condition generators, printPod), each container's state in words, kubectl's
// quirks, what the kubelet does next with times, and the problems in the object.

import type { LoadedPod } from '../apiPod/loadPods';
import { deriveStatus } from '../apiPod/deriveStatus';
import { humanDuration } from '../kubectl/humanDuration';
import { consistencyNotes } from './consistency';
import { containerExplanations } from './containerWords';
import { nextSteps } from './nextSteps';
import { kubectlQuirks } from './quirks';
import { allContainersRestartingWhy } from './restartRules';
import type { ExplainSettings, ExplainedCondition, PodExplanation, PodExtras } from './types';

export interface ExplainOptions extends ExplainSettings {
  /** Seconds since the epoch; default: the newest timestamp in the object. */
  now?: number;
  podIsTerminal?: boolean;
  podHasInitialized?: boolean;
}

export function explainPod(p: LoadedPod & { extras: PodExtras }, opts: ExplainOptions): PodExplanation {
  const derived = deriveStatus(p, {
    version: opts.version,
    gates: opts.gates,
    ...(opts.now === undefined ? {} : { now: opts.now }),
    ...(opts.podIsTerminal === undefined ? {} : { podIsTerminal: opts.podIsTerminal }),
    ...(opts.podHasInitialized === undefined ? {} : { podHasInitialized: opts.podHasInitialized }),
  });
  const now = derived.inputs.now;
  const age = p.creationTimestamp === undefined ? '<unknown>' : humanDuration(now - p.creationTimestamp);
  const conditions: ExplainedCondition[] = derived.conditions.map((c) => {
    const seen = p.pod.status.conditions.find((x) => x.type === c.type);
    // [11.2] deriveStatus keeps AllContainersRestarting as written; say what it means here.
    const why = c.type === 'AllContainersRestarting' && seen ? allContainersRestartingWhy(seen, opts) : c.why;
    const out: ExplainedCondition = { type: c.type, status: c.status, why };
    if (c.reason) out.reason = c.reason;
    if (seen && seen.status !== c.status) out.observed = seen.status;
    return out;
  });
  const phase: PodExplanation['phase'] = { value: derived.phase, why: derived.phaseWhy };
  if (p.pod.status.phase && p.pod.status.phase !== derived.phase) phase.observed = p.pod.status.phase;
  const notes = consistencyNotes(p.pod, derived);
  if (p.extras.ownerKind === 'Job' && p.pod.status.phase === 'Failed') {
    notes.push({ severity: 'info', message: 'this pod belongs to a Job: its controller, not the kubelet, decides whether a replacement pod is created (backoffLimit, podFailurePolicy).' });
  }
  return {
    name: p.pod.name,
    namespace: p.pod.namespace,
    now,
    nowIsDefault: opts.now === undefined,
    kubectl: { ...derived.kubectl, age },
    phase,
    conditions,
    containers: containerExplanations(p, p.extras, opts.gates),
    quirks: kubectlQuirks(p.pod, derived.kubectl, derived.phase),
    next: nextSteps(p, opts, now),
    notes,
  };
}
