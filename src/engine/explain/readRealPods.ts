// Recognizes a real pod in the editor's text (issue 14): a Pod object with a `status`, as
// `kubectl get pod -o yaml|json` prints it, alone, in a `kind: List`, or among several documents.
// Such a text is explained, not simulated from zero. Also recognizes what is *not* a pod dump but
// was meant as one (`kubectl describe` output, a controller's dump) and says what to paste instead.

import { LineCounter } from 'yaml';
import { isObj, type Obj } from '../apiPod/fields';
import { loadPods } from '../apiPod/loadPods';
import { parseDurationString } from '../scenario/duration';
import { MAX_CONTAINERS, MAX_TEXT_CHARS } from '../scenario/limits';
import type { Problem } from '../scenario/types';
import { parseAllDocumentsInSteps, type StepListener } from '../scenario/yamlInSteps';
import { isSupportedVersion } from '../version';
import { readExtras } from './extras';
import type { ExplainInput, WrittenSettings } from './types';

export type RealPodsRead =
  | { kind: 'pods'; input: ExplainInput; problems: Problem[] }
  /** Not a pod dump; `hint` says what to paste instead when the text looks like it was meant as one. */
  | { kind: 'not-pods'; hint?: Problem };

const STATUS_KEYS = ['phase', 'conditions', 'containerStatuses', 'initContainerStatuses', 'podIP', 'startTime'];

/** A Pod whose status says something (the API server always writes at least the phase). */
export function isRealPod(v: unknown): boolean {
  return isObj(v) && v.kind === 'Pod' && isObj(v.status) && STATUS_KEYS.some((k) => (v.status as Obj)[k] !== undefined);
}

const DESCRIBE_HEADINGS = /^(Name|Namespace|Node|Start Time|Status|Containers|Init Containers|Conditions|Events|Controlled By|QoS Class):/gm;

function describeHint(text: string): Problem | undefined {
  const headings = new Set(Array.from(text.slice(0, 200_000).matchAll(DESCRIBE_HEADINGS), (m) => m[1]));
  if (!headings.has('Name') || headings.size < 4) return undefined;
  return {
    severity: 'error', path: '', line: 1, col: 1,
    message: 'this is `kubectl describe pod` output, which leaves out the fields the kubelet decides from: paste what `kubectl get pod NAME -o yaml` prints instead, and Sidecar Lab explains where the pod is and what comes next',
  };
}

function controllerHint(kind: string): Problem {
  return {
    severity: 'warning', path: 'kind', line: 1, col: 1,
    message: `this ${kind} carries its own status, not a pod's: its pod template is simulated from zero. To see where one of its pods is and why, paste what \`kubectl get pod NAME -o yaml\` prints for that pod`,
  };
}

/** Looks like a Pod dump even though it does not parse (a paste cut short). */
const CUT_POD = /^\s*"?kind"?\s*:\s*"?Pod"?\s*,?\s*$/m;
/** Cheap test before parsing: no `status:` key at all means nothing here is a dump. */
const ANY_STATUS = /"status"\s*:|^\s*status\s*:/m;
const HAS_STATUS = /^\s*"?status"?\s*:\s*\{?\s*$/m;


function readSimulationDoc(v: Obj, out: WrittenSettings): void {
  if (typeof v.kubernetesVersion === 'string' && isSupportedVersion(v.kubernetesVersion)) out.version = v.kubernetesVersion;
  if (isObj(v.featureGates)) {
    out.gates = Object.fromEntries(Object.entries(v.featureGates).filter(([, on]) => typeof on === 'boolean')) as Record<string, boolean>;
  }
  if (typeof v.requeueJitter === 'number' && v.requeueJitter >= 0 && v.requeueJitter <= 1) out.requeueJitter = v.requeueJitter;
  const cap = isObj(v.kubelet) ? v.kubelet.maxContainerRestartPeriod : undefined;
  if (typeof cap === 'number') out.maxContainerRestartPeriod = cap;
  if (typeof cap === 'string') {
    const d = parseDurationString(cap);
    if (d.ok) out.maxContainerRestartPeriod = d.seconds;
  }
}

/** `onStep` is called now and then while a long text is read (yamlInSteps.ts). */
export function readRealPods(text: string, onStep?: StepListener): RealPodsRead {
  if (text.length > MAX_TEXT_CHARS) return { kind: 'not-pods' };
  if (!ANY_STATUS.test(text)) {
    const hint = describeHint(text);
    return hint ? { kind: 'not-pods', hint } : { kind: 'not-pods' };
  }
  const lc = new LineCounter();
  const docs = parseAllDocumentsInSteps(text, { lineCounter: lc, uniqueKeys: false }, onStep);
  let realPod = false;
  let brokenDoc = false;
  let controller: string | undefined;
  const written: WrittenSettings = {};
  for (const doc of docs) {
    if (doc.errors.length) {
      brokenDoc = true;
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (!isObj(value)) continue;
    const items = value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) {
      if (isRealPod(item)) realPod = true;
      else if (isObj(item) && typeof item.kind === 'string' && item.kind !== 'Pod' && isObj(item.status) && isObj(item.spec)) controller ??= item.kind;
    }
    if (value.kind === 'Simulation') readSimulationDoc(value, written);
  }
  if (!realPod && brokenDoc && CUT_POD.test(text) && HAS_STATUS.test(text)) realPod = true;
  if (!realPod) {
    const hint = describeHint(text) ?? (controller ? controllerHint(controller) : undefined);
    return hint ? { kind: 'not-pods', hint } : { kind: 'not-pods' };
  }
  const loaded = loadPods(text, onStep);
  const problems = loaded.problems.filter((p) => !(p.path === 'kind' && /supported values: "Pod"/.test(p.message) && p.message.includes('Simulation')));
  if (brokenDoc) {
    problems.unshift({
      severity: 'error', path: '', line: 1, col: 1,
      message: 'this pod dump does not parse (cut short?): paste the whole output of `kubectl get pod NAME -o yaml`',
    });
  }
  const extras = readExtras(docs, lc);
  const size = (p: (typeof loaded.pods)[number]) => p.pod.spec.initContainers.length + p.pod.spec.containers.length;
  for (const p of loaded.pods.filter((x) => size(x) > MAX_CONTAINERS)) {
    problems.push({ severity: 'error', path: 'spec.containers', line: p.line, col: p.col, message: `too many containers to explain: ${size(p)} (at most ${MAX_CONTAINERS})` });
  }
  const pods = loaded.pods.filter((p) => size(p) <= MAX_CONTAINERS)
    .map((p) => ({ ...p, extras: extras.get(p.line) ?? { startupProbes: {}, terminationGracePeriodSeconds: 30 } }));
  return { kind: 'pods', input: { pods, written }, problems };
}
