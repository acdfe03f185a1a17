// A pod spec (a Pod's spec, or a controller's pod template spec): decode, drop what disabled
// feature gates drop, validate like the API server, then build the PodSpecModel parts.

import { buildContainer } from './buildContainer';
import { readContainer, type RawContainer } from './container';
import { itemTypeError, readInt, readMap, readSeq, readString, type Ctx, type Located } from './decode';
import { dropDisabledFields } from './dropDisabled';
import { inclusiveRange, invalid, notSupported } from './k8sErrors';
import { MAX_CONTAINERS } from './limits';
import { child, index, type Span } from './problems';
import type { ContainerSpec, RestartPolicy } from './types';
import { validateContainerLists } from './validateContainers';
import { present, type YMap } from './ynode';

export interface PodSpecParts {
  restartPolicy: RestartPolicy;
  /** As written, before defaulting (controllers check it). */
  restartPolicyWritten?: Located<string>;
  terminationGracePeriodSeconds: number;
  activeDeadlineSeconds?: Located<number>;
  initContainers: ContainerSpec[];
  containers: ContainerSpec[];
  readinessGates: string[];
  /** [15.3] shareProcessNamespace or hostPID true: no container's process is PID 1. */
  sharedPidNamespace?: boolean;
  /** [8.16] spec.priority as admission sets it, when it is not 0. */
  priority?: number;
}

/** The two system priority classes and the priority the Priority admission plugin gives them (scheduling/types.go). */
const SYSTEM_PRIORITIES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

const POLICIES = ['Always', 'OnFailure', 'Never'];
const MAX_INT32 = 2147483647;

function readContainerList(ctx: Ctx, spec: YMap, key: 'initContainers' | 'containers', path: string): { list: RawContainer[]; keySpan?: Span } {
  const seq = readSeq(ctx, spec, key, path, 'PodSpec', '[]v1.Container');
  if (!seq) return { list: [], keySpan: present(spec, key)?.keySpan };
  const list: RawContainer[] = [];
  seq.seq.items.forEach((item, i) => {
    const p = index(seq.path, i);
    if (item.kind !== 'map') {
      itemTypeError(ctx, item, p, 'PodSpec', 'v1.Container');
      return;
    }
    list.push(readContainer(ctx, item, p, i, key === 'initContainers'));
  });
  return { list, keySpan: seq.keySpan };
}

function readGates(ctx: Ctx, spec: YMap, path: string): string[] {
  const seq = readSeq(ctx, spec, 'readinessGates', path, 'PodSpec', '[]v1.PodReadinessGate');
  if (!seq) return [];
  const out: string[] = [];
  seq.seq.items.forEach((item, i) => {
    if (item.kind !== 'map') return;
    const ct = readString(ctx, item, 'conditionType', index(seq.path, i), 'PodReadinessGate');
    if (ct?.value) out.push(ct.value);
  });
  return out;
}

/**
 * Reads the pod spec at `path`. `anchor` is where to report a missing spec or containers list
 * (the closest existing node). Problems go to ctx.p; the result is always usable.
 */
/** validateDNSPolicy's list, in its order (field.NotSupported prints it as given). */
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

export function readPodSpec(ctx: Ctx, spec: YMap | undefined, path: string, anchor: Span, isPod = true): PodSpecParts {
  const s: YMap = spec ?? { kind: 'map', span: anchor, entries: [] };
  const parts: PodSpecParts = {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    initContainers: [],
    containers: [],
    readinessGates: readGates(ctx, s, path),
  };

  const rp = readString(ctx, s, 'restartPolicy', path, 'PodSpec');
  // SetDefaults_PodSpec: an empty restartPolicy becomes Always before validation.
  if (rp && rp.value !== '') {
    parts.restartPolicyWritten = rp;
    if (!POLICIES.includes(rp.value)) ctx.p.error(child(path, 'restartPolicy'), notSupported(rp.value, POLICIES), rp.span);
    else parts.restartPolicy = rp.value as RestartPolicy;
  }

  // [15.3] PidNamespaceForPod: a shared or the host's PID namespace leaves no container process PID 1.
  for (const key of ['shareProcessNamespace', 'hostPID']) {
    const v = present(s, key)?.value;
    if (v?.kind === 'scalar' && v.value === true) parts.sharedPidNamespace = true;
  }

  // [8.16] The pod's priority: a written one (a dump of a created pod), else its system class's.
  const priority = readInt(ctx, s, 'priority', path, 'PodSpec', 'int32');
  const className = readString(ctx, s, 'priorityClassName', path, 'PodSpec')?.value;
  const value = priority?.value ?? (className !== undefined ? SYSTEM_PRIORITIES[className] : undefined);
  if (value) parts.priority = value;

  // [1.1] validateDNSPolicy (validation.go, 1.32/1.33-era tree): SetDefaults_PodSpec fills an empty one with ClusterFirst.
  const dns = readString(ctx, s, 'dnsPolicy', path, 'PodSpec');
  if (dns && dns.value !== '' && !DNS_POLICIES.includes(dns.value)) ctx.p.error(child(path, 'dnsPolicy'), notSupported(dns.value, DNS_POLICIES), dns.span);

  const grace = readInt(ctx, s, 'terminationGracePeriodSeconds', path, 'PodSpec', 'int64');
  if (grace) {
    if (grace.value < 0) {
      ctx.p.warning(child(path, 'terminationGracePeriodSeconds'), 'must be >= 0; negative values are invalid and will be treated as 1', grace.span);
      parts.terminationGracePeriodSeconds = 1;
    } else {
      parts.terminationGracePeriodSeconds = grace.value;
    }
  }

  const ads = readInt(ctx, s, 'activeDeadlineSeconds', path, 'PodSpec', 'int64');
  if (ads) {
    if (ads.value < 1 || ads.value > MAX_INT32) ctx.p.error(child(path, 'activeDeadlineSeconds'), invalid(ads.value, inclusiveRange(1, MAX_INT32)), ads.span);
    else parts.activeDeadlineSeconds = ads;
  }

  const os = readMap(ctx, s, 'os', path, 'PodSpec', '*v1.PodOS');
  const osName = os ? readString(ctx, os.map, 'name', os.path, 'PodOS')?.value : undefined;

  const inits = readContainerList(ctx, s, 'initContainers', path);
  const mains = readContainerList(ctx, s, 'containers', path);
  const total = inits.list.length + mains.list.length;
  if (total > MAX_CONTAINERS) {
    ctx.p.error(child(path, 'containers'), `too many containers for the simulator: ${total} (at most ${MAX_CONTAINERS})`, mains.keySpan ?? anchor);
    return parts;
  }

  dropDisabledFields(ctx, inits.list, mains.list);
  validateContainerLists(ctx, {
    inits: inits.list,
    mains: mains.list,
    containersPath: child(path, 'containers'),
    containersSpan: mains.keySpan ?? (spec ? present(s, 'containers')?.keySpan ?? anchor : anchor),
    grace: parts.terminationGracePeriodSeconds,
    osName,
    isPod,
  });

  parts.initContainers = inits.list.map(buildContainer);
  parts.containers = mains.list.map(buildContainer);
  return parts;
}
