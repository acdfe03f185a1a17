// The Simulation document's settings (contract section 1): Kubernetes version, feature gates,
// horizon and kubelet configuration. Parse options (CLI flags, the version picker) win.

import {
  FEATURE_GATES, NEWEST_VERSION, SUPPORTED_VERSIONS, formerGateSpelling, gateAbsence, gateExists, gateLocked, isFeatureGateName,
  isSupportedVersion, minor, resolveGates, type FeatureGateName, type FeatureGates, type KubeVersion,
} from '../version';
import { child, START_SPAN, type Problems, type Span } from './problems';
import { checkKeys, expectMap, readDuration } from './simFields';
import { didYouMean } from './suggest';
import { REAL_GATES, isRealGate } from '../realGates';
import { gateNote } from './gateNotes';
import { checkGateDependencies } from './gateDependencies';
import type { KubeletConfig, ParseOptions } from './types';
import { SHUTDOWN_BY_PRIORITY_KEY, checkShutdownByPriority, readShutdownByPriority, type ShutdownSettings } from './shutdownByPriority';
import { present, type YMap, type YNode } from './ynode';

export const SIM_API_VERSION = 'sidecar-lab/v1';
export const SIM_TOP_KEYS = ['apiVersion', 'kind', 'kubernetesVersion', 'featureGates', 'until', 'kubelet', 'requeueJitter', 'containers', 'events', 'startFrom'] as const;

export interface SimSettings {
  version: KubeVersion;
  gates: FeatureGates;
  until?: number;
  untilSpan?: Span;
  kubelet: KubeletConfig;
  /** Where the pod worker's jittered requeues land ([4.6]); undefined = 0, the earliest. */
  requeueJitter?: number;
}

export function isSimulationDoc(map: YMap): boolean {
  const kind = present(map, 'kind')?.value;
  const api = present(map, 'apiVersion')?.value;
  return (kind?.kind === 'scalar' && kind.value === 'Simulation')
    || (api?.kind === 'scalar' && typeof api.value === 'string' && api.value.startsWith('sidecar-lab/'));
}

function supportedList(): string {
  return SUPPORTED_VERSIONS.join(', ');
}

/** "1.30", 1.30 (read from the source text, not the number 1.3), "v1.30", "1.30.2" -> "1.30". */
export function normalizeVersion(raw: string): string {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(raw.trim());
  return m ? `${m[1]}.${Number(m[2])}` : raw.trim();
}

function versionFrom(p: Problems, node: YNode, path: string): KubeVersion | undefined {
  if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') {
    p.error(path, `kubernetesVersion must be a version such as "1.33"; supported versions are ${supportedList()}`, node.span);
    return undefined;
  }
  const text = normalizeVersion(node.source || String(node.value));
  if (!isSupportedVersion(text)) {
    p.error(path, `unsupported Kubernetes version ${JSON.stringify(text)}: supported versions are ${supportedList()}`, node.span);
    return undefined;
  }
  return text;
}

interface GateSetting {
  name: string;
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
  fromOptions: boolean;
}

function checkGate(p: Problems, g: GateSetting, version: KubeVersion): [FeatureGateName, boolean] | undefined {
  const path = child('featureGates', g.name);
  const origin = g.fromOptions ? ' (from the command line or the version picker)' : '';
  const renamed = formerGateSpelling(g.name);
  if (renamed) {
    p.warning(path, `feature gate ${g.name} is spelled ${renamed} in Kubernetes, and a kubelet refuses ${g.name} as an unrecognized feature gate; `
      + `Sidecar Lab once spelled it so, and simulates it as ${renamed}${origin}`, g.keySpan);
    return checkGate(p, { ...g, name: renamed }, version);
  }
  if (!isFeatureGateName(g.name) && REAL_GATES.has(g.name) && typeof g.value === 'boolean') {
    // A real gate the simulator does not model (e.g. NodeDeclaredFeatures): accepted, and inert.
    const exists = isRealGate(g.name, minor(version));
    p.warning(path, exists
      ? `feature gate ${g.name} is real in ${version} but the simulator does not model it; it changes nothing${origin}`
      : `feature gate ${g.name} does not exist in ${version}; the setting is ignored${origin}`, g.keySpan);
    return undefined;
  }
  if (!isFeatureGateName(g.name)) {
    p.error(path, `unknown feature gate ${JSON.stringify(g.name)}${origin}${didYouMean(g.name, Object.keys(FEATURE_GATES))}; the simulator knows ${Object.keys(FEATURE_GATES).join(', ')}`, g.keySpan);
    return undefined;
  }
  if (typeof g.value !== 'boolean') {
    p.error(path, `feature gate ${g.name} must be true or false`, g.valueSpan);
    return undefined;
  }
  if (!gateExists(g.name, version)) {
    p.warning(path, `feature gate ${g.name} does not exist in ${version} (${gateAbsence(g.name, version)}); the setting is ignored${origin}`, g.keySpan);
    return undefined;
  }
  if (gateLocked(g.name, version) && g.value === false) {
    const info = FEATURE_GATES[g.name] as { ga?: number; locked?: number };
    const locked = info.locked !== undefined && info.locked !== info.ga ? `, locked in 1.${info.locked}` : '';
    p.error(path, `cannot set feature gate ${g.name} to false, feature is locked to true (GA in 1.${info.ga}${locked})`, g.valueSpan);
    return undefined;
  }
  // A gate left from an older version: locked on now, or already the default (gateNotes.ts).
  const note = gateNote(g.name, g.value, version);
  if (note) p[note.severity](path, `${note.message}${origin}`, g.keySpan);
  return [g.name, g.value];
}

/** The kubelet configuration fields a scenario may set ([4.7], [8.15], [8.16]). */
export const KUBELET_KEYS = ['maxContainerRestartPeriod', 'evictionMaxPodGracePeriod', 'shutdownGracePeriod', 'shutdownGracePeriodCriticalPods', SHUTDOWN_BY_PRIORITY_KEY] as const;
type SecondsKey = 'evictionMaxPodGracePeriod' | 'shutdownGracePeriod' | 'shutdownGracePeriodCriticalPods';

function readKubelet(p: Problems, node: YNode | undefined, gates: FeatureGates, version: KubeVersion): KubeletConfig {
  const out: KubeletConfig = {};
  if (!node) return out;
  const map = expectMap(p, node, 'kubelet', 'kubelet');
  if (!map) return out;
  const shutdown: ShutdownSettings = {};
  for (const e of checkKeys(p, map, 'kubelet', KUBELET_KEYS, 'kubelet')) {
    const path = child('kubelet', e.key);
    if (e.key === SHUTDOWN_BY_PRIORITY_KEY) { // [8.16] a list, not a duration
      shutdown.list = readShutdownByPriority(p, e.value, e.keySpan, path);
      shutdown.listSpan = e.keySpan;
      continue;
    }
    const secs = readDuration(p, e.value, path);
    if (secs === undefined) continue;
    if (e.key !== 'maxContainerRestartPeriod') {
      out[e.key as SecondsKey] = Math.floor(secs); // [8.15] [8.16] whole seconds, as the kubelet's config keeps them
      if (e.key !== 'evictionMaxPodGracePeriod') shutdown[e.key as Exclude<SecondsKey, 'evictionMaxPodGracePeriod'>] = secs;
      continue;
    }
    if (secs < 1 || secs > 300) {
      p.error(path, `invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: ${secs} seconds) must be set between 1s and 300s`, e.value.span);
    } else if (!gates.KubeletCrashLoopBackOffMax) {
      p.warning(path, `ignored: the KubeletCrashLoopBackOffMax feature gate is off in ${version} (the kubelet would refuse this setting); enable it under featureGates`, e.keySpan);
    } else {
      out.maxContainerRestartPeriod = secs;
    }
  }
  if (checkShutdownByPriority(p, shutdown, gates.GracefulNodeShutdownBasedOnPodPriority, version)) out.shutdownGracePeriodByPodPriority = shutdown.list;
  return out;
}

/**
 * `requeueJitter` ([4.6]): where each of the pod worker's requeues lands in wait.Jitter's range,
 * 0 (the earliest, the default) to 1 (the latest, 1.5 times the wait). A number, not a duration.
 */
function readRequeueJitter(p: Problems, doc: YMap | undefined): number | undefined {
  const e = doc && present(doc, 'requeueJitter');
  if (!e) return undefined;
  const v = e.value;
  if (v.kind === 'scalar' && typeof v.value === 'number' && v.value >= 0 && v.value <= 1) return v.value;
  p.error('requeueJitter', 'requeueJitter must be a number from 0 to 1: where the kubelet\'s randomly delayed requeues land, from 0 (the earliest moment, the default) to 1 (the latest, 1.5 times the wait); 0.5 is their average', v.span);
  return undefined;
}

/** Reads version, gates, until, kubelet and requeueJitter settings from the Simulation document and options. */
export function readSimSettings(p: Problems, doc: YMap | undefined, opts: ParseOptions): SimSettings {
  let version: KubeVersion = NEWEST_VERSION;
  const optVersion = opts.kubernetesVersion;
  if (optVersion !== undefined) {
    const v = normalizeVersion(optVersion);
    if (isSupportedVersion(v)) version = v;
    else p.error('kubernetesVersion', `unsupported Kubernetes version ${JSON.stringify(optVersion)} (from the command line or the version picker): supported versions are ${supportedList()}`, START_SPAN);
  }
  if (doc) {
    const api = present(doc, 'apiVersion');
    if (api && !(api.value.kind === 'scalar' && api.value.value === SIM_API_VERSION)) {
      p.error('apiVersion', `a Simulation document has apiVersion ${SIM_API_VERSION}`, api.value.span);
    }
    checkKeys(p, doc, '', SIM_TOP_KEYS, 'the Simulation document');
    const ve = present(doc, 'kubernetesVersion');
    if (ve) {
      const v = versionFrom(p, ve.value, 'kubernetesVersion');
      if (v && optVersion === undefined) version = v;
    }
  }

  const settings: GateSetting[] = [];
  const ge = doc && present(doc, 'featureGates');
  const gmap = ge && expectMap(p, ge.value, 'featureGates', 'featureGates');
  const optGates = opts.featureGates ?? {};
  if (gmap) {
    for (const e of gmap.entries) {
      if (Object.prototype.hasOwnProperty.call(optGates, e.key)) continue;
      const value = e.value.kind === 'scalar' ? e.value.value : undefined;
      settings.push({ name: e.key, value, keySpan: e.keySpan, valueSpan: e.value.span, fromOptions: false });
    }
  }
  for (const [name, value] of Object.entries(optGates)) {
    if (value === undefined) continue;
    settings.push({ name, value, keySpan: START_SPAN, valueSpan: START_SPAN, fromOptions: true });
  }
  const overrides: Partial<Record<string, boolean>> = {};
  for (const g of settings) {
    const ok = checkGate(p, g, version);
    if (ok) overrides[ok[0]] = ok[1];
  }
  const gates = resolveGates(version, overrides);
  checkGateDependencies(p, gates, version, settings, ge?.keySpan);

  const result: SimSettings = { version, gates, kubelet: readKubelet(p, doc && present(doc, 'kubelet')?.value, gates, version) };
  if (opts.requeueJitter !== undefined) {
    if (opts.requeueJitter >= 0 && opts.requeueJitter <= 1) result.requeueJitter = opts.requeueJitter;
    else p.error('requeueJitter', `requeueJitter must be a number from 0 to 1 (got ${opts.requeueJitter})`, START_SPAN);
  } else {
    const jitter = readRequeueJitter(p, doc);
    if (jitter !== undefined) result.requeueJitter = jitter;
  }
  if (opts.until !== undefined) {
    if (Number.isFinite(opts.until) && opts.until >= 0) result.until = opts.until;
    else p.error('until', `until must be a non-negative number of seconds (got ${opts.until})`, START_SPAN);
  } else {
    const ue = doc && present(doc, 'until');
    if (ue) {
      const u = readDuration(p, ue.value, 'until');
      if (u !== undefined) {
        result.until = u;
        result.untilSpan = { line: ue.keySpan.line, col: ue.keySpan.col, endLine: ue.value.span.endLine, endCol: ue.value.span.endCol };
      }
    }
  }
  return result;
}
