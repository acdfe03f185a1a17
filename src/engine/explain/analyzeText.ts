// The worker's question about a text (issue 14): is it a real pod to explain, or a scenario to
// simulate? For a real pod: its pods, the problems of the object (at their lines), and the fields
// the chosen version does not know (the scenario validator's own checks, e.g. `restartPolicy` on an
// init container before 1.28), reported as warnings since a cluster did accept the pod.

import { parseScenario } from '../scenario/parse';
import type { ParseOptions, Problem } from '../scenario/types';
import type { StepListener } from '../scenario/yamlInSteps';
import { readRealPods } from './readRealPods';
import type { ExplainInput } from './types';

export type TextAnalysis =
  | { kind: 'explain'; input: ExplainInput; problems: Problem[] }
  | { kind: 'simulate'; hint?: Problem };

function versionProblems(text: string, input: ExplainInput, opts: ParseOptions, onStep?: StepListener): Problem[] {
  if (input.pods.length !== 1) return [];
  const parsed = parseScenario(text, opts, onStep);
  const version = input.written.version ?? opts.kubernetesVersion ?? 'this version';
  return parsed.problems
    .filter((p) => p.severity !== 'info' && !p.path.startsWith('status') && !/Simulation|document/.test(p.message))
    // an error the version's validation gives a pod the cluster accepted; a warning (e.g. an image
    // the kubelet cannot parse, [10.11]) stands as it is
    .map((p) => (p.severity === 'warning' ? p : { ...p, severity: 'warning' as const, message: `${p.message} (in Kubernetes ${version}; the cluster that ran this pod accepted it, so it runs a version that knows the field)` }));
}

/** `onStep` is called now and then while a long text is read (yamlInSteps.ts). */
export function analyzeText(text: string, opts: ParseOptions = {}, onStep?: StepListener): TextAnalysis {
  const read = readRealPods(text, onStep);
  if (read.kind === 'not-pods') return read.hint ? { kind: 'simulate', hint: read.hint } : { kind: 'simulate' };
  const problems = read.problems.some((p) => p.severity === 'error') ? read.problems : [...read.problems, ...versionProblems(text, read.input, opts, onStep)];
  return { kind: 'explain', input: read.input, problems };
}
