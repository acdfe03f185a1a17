// What the explanation reads of each pod beyond `sim status`: startup probe timing, grace
// periods, the owner's kind and the status message. Keyed by the line where the pod starts, as
// loadPods reports it.

import type { Document, LineCounter } from 'yaml';
import { isObj, type Obj } from '../apiPod/fields';
import type { PodExtras, PreStopHandler, ProbeTiming } from './types';

const PRESTOP_HANDLERS: readonly PreStopHandler[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** A startup probe's timing with the API server's defaults ([1.4]). */
export function probeTiming(p: Obj): ProbeTiming {
  return {
    initialDelaySeconds: num(p.initialDelaySeconds, 0),
    periodSeconds: num(p.periodSeconds, 10),
    failureThreshold: num(p.failureThreshold, 3),
  };
}

export function extrasOf(pod: Obj): PodExtras {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const meta = isObj(pod.metadata) ? pod.metadata : {};
  const startupProbes: Record<string, ProbeTiming> = {};
  const preStops: Record<string, PreStopHandler> = {};
  for (const list of [spec.initContainers, spec.containers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isObj(c) || typeof c.name !== 'string') continue;
      if (isObj(c.startupProbe)) startupProbes[c.name] = probeTiming(c.startupProbe);
      const hook = isObj(c.lifecycle) && isObj(c.lifecycle.preStop) ? c.lifecycle.preStop : undefined;
      const handler = hook && PRESTOP_HANDLERS.find((h) => isObj(hook[h]));
      if (handler) preStops[c.name] = handler;
    }
  }
  const out: PodExtras = { startupProbes, terminationGracePeriodSeconds: num(spec.terminationGracePeriodSeconds, 30) };
  if (Object.keys(preStops).length > 0) out.preStops = preStops;
  if (typeof meta.deletionGracePeriodSeconds === 'number') out.deletionGracePeriodSeconds = meta.deletionGracePeriodSeconds;
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
  const owner = owners.find((o) => o.controller === true) ?? owners[0];
  if (owner && typeof owner.kind === 'string') out.ownerKind = owner.kind;
  const status = isObj(pod.status) ? pod.status : {};
  if (typeof status.message === 'string' && status.message !== '') out.statusMessage = status.message;
  return out;
}

/** Extras of every Pod in the documents, by the 1-based line where it starts. */
export function readExtras(docs: Document.Parsed[], lc: LineCounter): Map<number, PodExtras> {
  const out = new Map<number, PodExtras>();
  for (const doc of docs) {
    if (doc.errors.length) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (!isObj(value)) continue;
    const list = value.kind === 'List' && Array.isArray(value.items);
    const items: unknown[] = list ? (value.items as unknown[]) : [value];
    items.forEach((item, i) => {
      if (!isObj(item) || item.kind !== 'Pod') return;
      const node = list ? doc.getIn(['items', i], true) : doc.contents;
      const range = (node as { range?: [number, number, number] } | null)?.range;
      out.set(range ? lc.linePos(range[0]).line : 1, extrasOf(item));
    });
  }
  return out;
}
