// The workload document: a Pod, or a controller whose pod template is simulated as one pod,
// with the controller's own rules ([1.7]) and field paths into the real object.

import { readMap, readString, type Ctx } from './decode';
import { dns1123SubdomainErrors, forbidden, invalid, notSupported, required } from './k8sErrors';
import { readPodSpec } from './podSpec';
import { child, type Span } from './problems';
import { didYouMean } from './suggest';
import type { JobSpecModel, PodSpecModel, WorkloadKind } from './types';
import { readJobSpec } from './jobSpec';
import { entry, present, startOf, type YMap } from './ynode';

/** One step from the object towards its pod spec: key, Go struct holding it, Go type of it. */
type Step = [key: string, goStruct: string, goType: string];

interface KindInfo {
  apiVersion: string;
  steps: Step[];
}

const TEMPLATE: Step[] = [['template', 'PodTemplateSpec', 'v1.PodTemplateSpec'], ['spec', 'PodTemplateSpec', 'v1.PodSpec']];

function controller(apiVersion: string, kind: string): KindInfo {
  return { apiVersion, steps: [['spec', kind, `v1.${kind}Spec`], ...TEMPLATE] };
}

const KINDS: Record<WorkloadKind, KindInfo> = {
  Pod: { apiVersion: 'v1', steps: [['spec', 'Pod', 'v1.PodSpec']] },
  Job: controller('batch/v1', 'Job'),
  CronJob: {
    apiVersion: 'batch/v1',
    steps: [['spec', 'CronJob', 'v1.CronJobSpec'], ['jobTemplate', 'CronJobSpec', 'v1.JobTemplateSpec'], ['spec', 'JobTemplateSpec', 'v1.JobSpec'], ...TEMPLATE],
  },
  Deployment: controller('apps/v1', 'Deployment'),
  StatefulSet: controller('apps/v1', 'StatefulSet'),
  DaemonSet: controller('apps/v1', 'DaemonSet'),
  ReplicaSet: controller('apps/v1', 'ReplicaSet'),
};

export const WORKLOAD_KINDS = Object.keys(KINDS) as WorkloadKind[];

export function isWorkloadKind(k: string): k is WorkloadKind {
  return Object.prototype.hasOwnProperty.call(KINDS, k);
}

export interface Workload {
  kind: WorkloadKind;
  pod: PodSpecModel;
  job?: JobSpecModel;
}

/** Kubernetes' random-suffix alphabet (no vowels, no look-alikes), used deterministically here. */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function suffix(seed: string, length: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    out += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length];
  }
  return out;
}

/** The name the controller would give its pod (deterministic, so traces stay byte-identical). */
function podNameFor(kind: WorkloadKind, name: string): string {
  switch (kind) {
    case 'Pod': return name;
    case 'StatefulSet': return `${name}-0`;
    case 'Deployment': return `${name}-${suffix(`${name}/rs`, 10)}-${suffix(name, 5)}`;
    case 'CronJob': return `${name}-29000000-${suffix(name, 5)}`;
    default: return `${name}-${suffix(name, 5)}`;
  }
}

function readMetadata(ctx: Ctx, doc: YMap, kind: WorkloadKind): { podName: string; namespace: string } {
  const meta = readMap(ctx, doc, 'metadata', '', kind, 'v1.ObjectMeta');
  const name = meta && readString(ctx, meta.map, 'name', 'metadata', 'ObjectMeta');
  const gen = meta && readString(ctx, meta.map, 'generateName', 'metadata', 'ObjectMeta');
  const ns = meta && readString(ctx, meta.map, 'namespace', 'metadata', 'ObjectMeta');
  let base = name?.value ?? '';
  if (!name?.value && !gen?.value) {
    ctx.p.error('metadata.name', required('name or generateName is required'), meta?.keySpan ?? startOf(doc.span));
    base = kind.toLowerCase();
  } else if (name?.value) {
    for (const msg of dns1123SubdomainErrors(name.value)) ctx.p.error('metadata.name', invalid(name.value, msg), name.span);
  }
  let podName = podNameFor(kind, base);
  if (!name?.value && gen?.value) podName = kind === 'Pod' ? `${gen.value}${suffix(gen.value, 5)}` : podNameFor(kind, gen.value.replace(/-$/, ''));
  return { podName, namespace: ns?.value || 'default' };
}

/** Walks to the pod spec, reporting the first non-mapping on the way. */
function findSpec(ctx: Ctx, doc: YMap, steps: Step[]): { spec?: YMap; path: string; anchor: Span } {
  const fullPath = steps.map((s) => s[0]).join('.');
  let node: YMap = doc;
  let path = '';
  let anchor = startOf(doc.span);
  for (const [key, goStruct, goType] of steps) {
    const m = readMap(ctx, node, key, path, goStruct, goType);
    if (!m) {
      const e = entry(node, key);
      if (e) anchor = e.keySpan;
      return { path: fullPath, anchor };
    }
    path = m.path;
    anchor = m.keySpan;
    node = m.map;
  }
  return { spec: node, path, anchor };
}

function controllerRules(ctx: Ctx, kind: WorkloadKind, path: string, parts: ReturnType<typeof readPodSpec>, anchor: Span): void {
  const rpPath = child(path, 'restartPolicy');
  const written = parts.restartPolicyWritten;
  const effective = written?.value ?? 'Always';
  const at = written?.span ?? anchor;
  if (kind === 'Job' || kind === 'CronJob') {
    if (effective === 'Always' || effective === '') {
      // batch validation: the default (Always) and an explicit Always both read as "missing".
      ctx.p.error(rpPath, required('valid values: "OnFailure", "Never"'), at);
    } else if (effective !== 'OnFailure' && effective !== 'Never') {
      ctx.p.error(rpPath, notSupported(effective, ['OnFailure', 'Never']), at);
    }
    return;
  }
  if (kind === 'Pod') return;
  if (effective !== 'Always') {
    ctx.p.error(rpPath, notSupported(effective, ['Always']), at);
  }
  const ads = parts.activeDeadlineSeconds;
  if (ads) {
    const owner = kind === 'Deployment' ? 'ReplicaSet' : kind;
    ctx.p.error(child(path, 'activeDeadlineSeconds'), forbidden(`activeDeadlineSeconds in ${owner} is not Supported`), ads.keySpan);
  }
}

function jobSpecMap(doc: YMap, kind: WorkloadKind): YMap | undefined {
  let spec = present(doc, 'spec')?.value;
  if (kind === 'CronJob') {
    const jt = spec?.kind === 'map' ? present(spec, 'jobTemplate')?.value : undefined;
    spec = jt?.kind === 'map' ? present(jt, 'spec')?.value : undefined;
  }
  return spec?.kind === 'map' ? spec : undefined;
}

/** A Job with podFailurePolicy needs restartPolicy Never (batch validateJobSpec). */
function podFailurePolicyRule(ctx: Ctx, kind: WorkloadKind, doc: YMap, path: string, parts: ReturnType<typeof readPodSpec>): void {
  if (kind !== 'Job' && kind !== 'CronJob') return;
  let jobSpec = present(doc, 'spec')?.value;
  if (kind === 'CronJob') {
    const jt = jobSpec?.kind === 'map' ? present(jobSpec, 'jobTemplate')?.value : undefined;
    jobSpec = jt?.kind === 'map' ? present(jt, 'spec')?.value : undefined;
  }
  if (jobSpec?.kind !== 'map' || !present(jobSpec, 'podFailurePolicy')) return;
  const rp = parts.restartPolicyWritten;
  if (rp && rp.value === 'OnFailure') {
    ctx.p.error(child(path, 'restartPolicy'), invalid(rp.value, 'only "Never" is supported when podFailurePolicy is specified'), rp.span);
  }
}

/** Extra fields a controller requires for the object to be accepted at all. */
function controllerRequired(ctx: Ctx, kind: WorkloadKind, doc: YMap): void {
  const spec = present(doc, 'spec');
  const specMap = spec?.value.kind === 'map' ? spec.value : undefined;
  const at = spec?.keySpan ?? startOf(doc.span);
  if (kind === 'CronJob' && !present(specMap, 'schedule')) ctx.p.error('spec.schedule', required(), at);
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(kind) && !present(specMap, 'selector')) {
    ctx.p.error('spec.selector', required(), at);
  }
}

/** Reads the workload document into the pod to simulate. */
export function readWorkload(ctx: Ctx, doc: YMap): Workload | undefined {
  const kindE = present(doc, 'kind');
  const apiE = present(doc, 'apiVersion');
  const kindV = kindE && readString(ctx, doc, 'kind', '', 'TypeMeta', kindE);
  const apiV = apiE && readString(ctx, doc, 'apiVersion', '', 'TypeMeta', apiE);
  if (!kindE) {
    ctx.p.error('kind', 'error validating data: kind not set', startOf(doc.span));
    return undefined;
  }
  if (!kindV) return undefined;
  if (!isWorkloadKind(kindV.value)) {
    ctx.p.error('kind', `kind ${JSON.stringify(kindV.value)} is not a workload the simulator runs: use Pod, Job, CronJob, Deployment, StatefulSet, DaemonSet or ReplicaSet${didYouMean(kindV.value, [...WORKLOAD_KINDS, 'Simulation'])}`, kindV.span);
    return undefined;
  }
  const kind = kindV.value;
  const info = KINDS[kind];
  if (!apiE) ctx.p.error('apiVersion', 'error validating data: apiVersion not set', startOf(doc.span));
  else if (apiV && apiV.value !== info.apiVersion) {
    ctx.p.error('apiVersion', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiV.value)} (use ${info.apiVersion})`, apiV.span);
  }

  const { podName, namespace } = readMetadata(ctx, doc, kind);
  controllerRequired(ctx, kind, doc);
  const found = findSpec(ctx, doc, info.steps);
  const parts = readPodSpec(ctx, found.spec, found.path, found.anchor, kind === 'Pod');
  controllerRules(ctx, kind, found.path, parts, found.spec ? startOf(found.spec.span) : found.anchor);
  podFailurePolicyRule(ctx, kind, doc, found.path, parts);

  const pod: PodSpecModel = {
    name: podName,
    namespace,
    restartPolicy: parts.restartPolicy,
    terminationGracePeriodSeconds: parts.terminationGracePeriodSeconds,
    initContainers: parts.initContainers,
    containers: parts.containers,
    readinessGates: parts.readinessGates,
  };
  if (parts.activeDeadlineSeconds) pod.activeDeadlineSeconds = parts.activeDeadlineSeconds.value;
  if (parts.sharedPidNamespace) pod.sharedPidNamespace = true;
  if (parts.priority) pod.priority = parts.priority;
  if (kind === 'Job' || kind === 'CronJob') return { kind, pod, job: readJobSpec(ctx, jobSpecMap(doc, kind), kind === 'Job' ? 'spec' : 'spec.jobTemplate.spec') };
  return { kind, pod };
}


/** Where the pod spec lives in an object of this kind, e.g. spec.template.spec. */
export function podSpecPath(kind: WorkloadKind): string {
  return KINDS[kind].steps.map((s) => s[0]).join('.');
}
