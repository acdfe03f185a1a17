// Share safely (issue 14): a real pod carries names, images, environment values, annotations and
// volumes that may be private. The share link of an explained pod keeps only what the lifecycle
// needs (what readPod, the deciders and the explanation read, and each image's pull policy, which
// "Continue from here" needs) and lists what it dropped.

import { parseAllDocuments, stringify } from 'yaml';
import { isObj, type Obj } from '../apiPod/fields';
import { normalizeImage } from '../apiPod/toActionsInput';
import { MAX_TEXT_CHARS } from '../scenario/limits';
import { defaultPullPolicy } from '../scenario/image';
import { isAdmissionRejection } from './containerWords';
import { isRealPod } from './readRealPods';

export interface Redacted {
  text: string;
  /** What the link leaves out, in words, e.g. "2 environment values". */
  dropped: string[];
}

class Dropped {
  private readonly counts = new Map<string, number>();
  add(what: string, n = 1): void {
    if (n > 0) this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  list(): string[] {
    return [...this.counts].map(([what, n]) => (n > 1 ? `${what} (${n})` : what));
  }
}

const pick = (o: Obj, keys: string[]): Obj => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

class Images {
  private readonly names = new Map<string, string>();
  alias(image: unknown): string | undefined {
    if (typeof image !== 'string' || image.startsWith('sha256:')) return undefined;
    const key = normalizeImage(image);
    let name = this.names.get(key);
    if (!name) {
      name = `image-${this.names.size + 1}`;
      this.names.set(key, name);
    }
    return name;
  }
  get count(): number {
    return this.names.size;
  }
}

const PROBE_TIMING = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function probe(p: unknown): Obj | undefined {
  if (!isObj(p)) return undefined;
  const out = pick(p, PROBE_TIMING);
  const handler = HANDLERS.find((h) => p[h] !== undefined);
  if (handler) out[handler] = {};
  return out;
}

const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/**
 * A lifecycle hook's kind of handler, which decides when a stop signal comes ([8.3]: preStop
 * first) and whether a start waits ([3.3]); a sleep's seconds name nothing private and are kept.
 * Commands, paths, hosts and ports are not.
 */
function hooks(l: unknown): Obj | undefined {
  if (!isObj(l)) return undefined;
  const out: Obj = {};
  for (const k of ['postStart', 'preStop']) {
    const h = l[k];
    if (!isObj(h)) continue;
    const handler = HOOK_HANDLERS.find((x) => h[x] !== undefined);
    if (!handler) continue;
    const sleep = handler === 'sleep' && isObj(h.sleep) && typeof h.sleep.seconds === 'number' ? { seconds: h.sleep.seconds } : {};
    out[k] = { [handler]: handler === 'sleep' ? sleep : {} };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const PULL_POLICIES = new Set(['Always', 'IfNotPresent', 'Never']);

/**
 * The pull policy names nothing private and decides whether a continued run pulls: the kubelet's
 * shouldPullImage (pkg/kubelet/images/image_manager.go, stored at 00a3928b and cfce511e, the same
 * in 1.27-1.37 but for the alpha KubeletEnsureSecretPulledImages) never pulls under Never and pulls
 * under IfNotPresent only an image the node lacks. It is kept as written; a dump without one gets
 * the API server's default from the real image (SetDefaults_Container, scenario/image), since the
 * alias `image-N` has no tag and would default to Always.
 */
function pullPolicy(c: Obj): string | undefined {
  if (typeof c.imagePullPolicy === 'string' && PULL_POLICIES.has(c.imagePullPolicy)) return c.imagePullPolicy;
  return typeof c.image === 'string' && c.image.trim() !== '' ? defaultPullPolicy(c.image) : undefined;
}

function container(c: Obj, images: Images, drop: Dropped): Obj {
  const out = pick(c, ['name', 'restartPolicy', 'restartPolicyRules']);
  const image = images.alias(c.image);
  if (image) out.image = image;
  const policy = pullPolicy(c);
  if (policy) out.imagePullPolicy = policy;
  for (const k of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    const p = probe(c[k]);
    if (p) out[k] = p;
    if (isObj(c[k]) && HANDLERS.some((h) => (c[k] as Obj)[h] !== undefined)) drop.add('probe commands, paths and ports');
  }
  if (Array.isArray(c.env)) drop.add('environment variables', c.env.length);
  if (c.envFrom !== undefined) drop.add('envFrom sources');
  if (c.command !== undefined || c.args !== undefined) drop.add('commands and arguments');
  if (c.volumeMounts !== undefined) drop.add('volume mounts');
  const kept = hooks(c.lifecycle);
  if (kept) out.lifecycle = kept;
  if (c.lifecycle !== undefined) drop.add('lifecycle hook commands, paths and ports');
  if (c.ports !== undefined || c.resources !== undefined || c.securityContext !== undefined) drop.add('ports, resources and security contexts');
  return out;
}

function state(s: unknown, drop: Dropped): Obj | undefined {
  if (!isObj(s)) return undefined;
  const out: Obj = {};
  if (isObj(s.waiting)) {
    const w = pick(s.waiting, ['reason']);
    const m = typeof s.waiting.message === 'string' ? /^back-off \S+ restarting failed container=\S+/.exec(s.waiting.message) : null;
    if (m) w.message = m[0];
    else if (s.waiting.message !== undefined) drop.add('waiting messages');
    out.waiting = w;
  }
  if (isObj(s.running)) out.running = pick(s.running, ['startedAt']);
  if (isObj(s.terminated)) {
    out.terminated = pick(s.terminated, ['exitCode', 'signal', 'reason', 'startedAt', 'finishedAt']);
    if (s.terminated.message !== undefined) drop.add('termination messages');
  }
  return out;
}

function containerStatus(s: unknown, images: Images, drop: Dropped): Obj | undefined {
  if (!isObj(s)) return undefined;
  const out = pick(s, ['name', 'ready', 'started', 'restartCount']);
  const image = images.alias(s.image);
  if (image) out.image = image;
  out.state = state(s.state, drop) ?? {};
  out.lastState = state(s.lastState, drop) ?? {};
  if (s.containerID !== undefined || s.imageID !== undefined) drop.add('container and image IDs');
  return out;
}

function pod(p: Obj, images: Images, drop: Dropped): Obj {
  const meta = isObj(p.metadata) ? p.metadata : {};
  const spec = isObj(p.spec) ? p.spec : {};
  const status = isObj(p.status) ? p.status : {};
  const metadata: Obj = { name: 'explained-pod', ...pick(meta, ['creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds']) };
  drop.add('the pod name and namespace');
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
  if (owners.length) {
    metadata.ownerReferences = owners.map((o) => ({ kind: o.kind, controller: o.controller === true }));
    drop.add('owner names and UIDs');
  }
  for (const [k, what] of [['annotations', 'annotations'], ['labels', 'labels'], ['managedFields', 'managed fields']] as const) {
    if (isObj(meta[k]) || Array.isArray(meta[k])) drop.add(what, Array.isArray(meta[k]) ? (meta[k] as unknown[]).length : Object.keys(meta[k] as Obj).length);
  }
  if (meta.uid !== undefined || meta.resourceVersion !== undefined) drop.add('UIDs and resource versions');
  const outSpec = pick(spec, ['restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'readinessGates']);
  for (const k of ['initContainers', 'containers']) {
    if (Array.isArray(spec[k])) outSpec[k] = (spec[k] as unknown[]).filter(isObj).map((c) => container(c, images, drop));
  }
  if (Array.isArray(spec.volumes)) drop.add('volumes and their secrets', spec.volumes.length);
  for (const k of ['nodeName', 'serviceAccountName', 'imagePullSecrets', 'tolerations', 'affinity', 'nodeSelector', 'hostname', 'subdomain']) {
    if (spec[k] !== undefined) drop.add('scheduling, node and service account fields');
  }
  const outStatus = pick(status, ['phase', 'reason', 'startTime']);
  if (Array.isArray(status.conditions)) {
    outStatus.conditions = status.conditions.filter(isObj).map((c) => pick(c, ['type', 'status', 'reason', 'lastTransitionTime']));
  }
  for (const k of ['initContainerStatuses', 'containerStatuses']) {
    if (Array.isArray(status[k])) outStatus[k] = (status[k] as unknown[]).map((s) => containerStatus(s, images, drop)).filter((s) => s !== undefined);
  }
  if (status.podIP !== undefined || status.hostIP !== undefined || status.podIPs !== undefined) drop.add('IP addresses');
  if (status.message !== undefined) drop.add('the status message');
  // An admission rejection's status says so in its message's first words, which the explanation reads (containerWords).
  if (typeof status.message === 'string' && isAdmissionRejection(status.message)) outStatus.message = 'Pod was rejected: …';
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: outSpec, status: outStatus };
}

/** The share-safe text, or null when the text holds no real pod (it is shared as it is). */
export function redactRealPods(text: string): Redacted | null {
  if (text.length > MAX_TEXT_CHARS || !/"status"\s*:|^\s*status\s*:/m.test(text)) return null;
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return null;
  const values: unknown[] = [];
  let broken = false;
  for (const doc of docs) {
    if (doc.errors.length) {
      broken = true;
      continue;
    }
    try {
      values.push(doc.toJS({ maxAliasCount: 100 }));
    } catch {
      broken = true;
    }
  }
  const isPodList = (v: unknown) => isObj(v) && v.kind === 'List' && Array.isArray(v.items) && v.items.some(isRealPod);
  const real = values.some((v) => isRealPod(v) || isPodList(v));
  if (!real && !(broken && /"?kind"?\s*:\s*"?Pod/.test(text))) return null;
  if (!real) return { text: '# A pasted pod that could not be read was left out of this link.\n', dropped: ['the whole paste: it does not parse'] };
  const images = new Images();
  const drop = new Dropped();
  const out: string[] = [];
  for (const v of values) {
    if (!isObj(v)) continue;
    if (v.kind === 'Simulation') out.push(stringify(pick(v, ['apiVersion', 'kind', 'kubernetesVersion', 'featureGates', 'kubelet'])));
    else if (isRealPod(v)) out.push(stringify(pod(v, images, drop)));
    else if (isPodList(v)) out.push(stringify({ apiVersion: 'v1', kind: 'List', items: (v.items as unknown[]).filter(isRealPod).map((p) => pod(p as Obj, images, drop)) }));
    else drop.add(`a ${typeof v.kind === 'string' ? v.kind : 'document'} beside the pod`);
  }
  if (broken) drop.add('documents that do not parse');
  if (images.count) drop.add(`image names (replaced by image-1${images.count > 1 ? `…image-${images.count}` : ''})`);
  return { text: out.join('---\n'), dropped: drop.list() };
}
