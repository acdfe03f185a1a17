// [8.16] kubelet `shutdownGracePeriodByPodPriority`: a list of {priority, shutdownGracePeriodSeconds}.
// Read upstream: the KubeletConfiguration type (Priority int32, ShutdownGracePeriodSeconds int64; no
// per-entry validation), pkg/kubelet/apis/config/validation/validation.go ValidateKubeletConfiguration
// (the same two checks in a 1.28-1.30-era copy, library id 4640499, and the newest stored one,
// 55784853384): with the gate GracefulNodeShutdownBasedOnPodPriority on, a non-empty list together
// with shutdownGracePeriod > 0 or shutdownGracePeriodCriticalPods > 0 is refused; with it off, any
// non-empty list is refused. A refused configuration stops the kubelet from starting, so both are
// errors here, with the kubelet's words.

import { child, index, type Problems, type Span } from './problems';
import { checkKeys } from './simFields';
import type { ShutdownGracePeriodByPodPriority } from './types';
import { isNull, type YMap, type YNode } from './ynode';

export const SHUTDOWN_BY_PRIORITY_KEY = 'shutdownGracePeriodByPodPriority';
const ENTRY_KEYS = ['priority', 'shutdownGracePeriodSeconds'] as const;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const EXAMPLE = 'e.g. [{ priority: 0, shutdownGracePeriodSeconds: 60 }, { priority: 100000, shutdownGracePeriodSeconds: 10 }]';

/** Reads the list; undefined when it is absent, null, empty or not a list. */
export function readShutdownByPriority(p: Problems, node: YNode, keySpan: Span, path = child('kubelet', SHUTDOWN_BY_PRIORITY_KEY)): ShutdownGracePeriodByPodPriority[] | undefined {
  if (isNull(node)) return undefined;
  if (node.kind !== 'seq') {
    p.error(path, `${SHUTDOWN_BY_PRIORITY_KEY} must be a list of { priority, shutdownGracePeriodSeconds } entries, ${EXAMPLE}`, node.span);
    return undefined;
  }
  if (node.items.length === 0) {
    p.warning(path, `an empty ${SHUTDOWN_BY_PRIORITY_KEY} sets nothing: the kubelet uses shutdownGracePeriod and shutdownGracePeriodCriticalPods instead`, keySpan);
    return undefined;
  }
  const out: ShutdownGracePeriodByPodPriority[] = [];
  node.items.forEach((item, i) => {
    const entry = readEntry(p, item, index(path, i));
    if (entry) out.push(entry);
  });
  warnDuplicates(p, out, node, path);
  return out.length === node.items.length ? out : undefined;
}

function readEntry(p: Problems, item: YNode, path: string): ShutdownGracePeriodByPodPriority | undefined {
  if (item.kind !== 'map') {
    p.error(path, `each entry must be a mapping { priority, shutdownGracePeriodSeconds }, ${EXAMPLE}`, item.span);
    return undefined;
  }
  const errors = p.errorCount();
  let priority: number | undefined;
  let seconds: number | undefined;
  for (const e of checkKeys(p, item, path, ENTRY_KEYS, `a ${SHUTDOWN_BY_PRIORITY_KEY} entry`)) {
    if (e.key === 'priority') priority = readPriority(p, e.value, child(path, e.key));
    else seconds = readSeconds(p, e.value, child(path, e.key));
  }
  if (p.errorCount() > errors) return undefined;
  return { priority: priority ?? missing(p, item, path, 'priority'), shutdownGracePeriodSeconds: seconds ?? missing(p, item, path, 'shutdownGracePeriodSeconds') };
}

/** A field left out reads as 0 in the kubelet's Go struct; said, since it is rarely meant. */
function missing(p: Problems, item: YMap, path: string, key: string): number {
  p.warning(child(path, key), `${key} is not set: the kubelet reads it as 0`, item.span);
  return 0;
}

function wholeNumber(node: YNode): number | undefined {
  return node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

function readPriority(p: Problems, node: YNode, path: string): number | undefined {
  const v = wholeNumber(node);
  if (v !== undefined && v >= INT32_MIN && v <= INT32_MAX) return v;
  p.error(path, `priority must be a whole number from ${INT32_MIN} to ${INT32_MAX} (an int32, as a pod's priority): the lowest pod priority of this entry's group`, node.span);
  return undefined;
}

function readSeconds(p: Problems, node: YNode, path: string): number | undefined {
  const v = wholeNumber(node);
  if (v === undefined) {
    const hint = node.kind === 'scalar' && typeof node.value === 'string' ? ` (not a duration such as "${node.value}")` : '';
    p.error(path, `shutdownGracePeriodSeconds must be a whole number of seconds, e.g. 30${hint}`, node.span);
    return undefined;
  }
  if (v < 0) {
    // No check refuses it; the group's timer of a negative duration fires at once, as one of 0.
    p.warning(path, `a negative window (${v}) is accepted by the kubelet, and its group's timer fires at once: simulated as 0`, node.span);
    return 0;
  }
  return v;
}

/**
 * Two entries of one priority: accepted. After the sort (which keeps them in the order written), a pod
 * of exactly that priority goes to the first of them, and one above it (below the next entry) to the last.
 */
function warnDuplicates(p: Problems, list: readonly ShutdownGracePeriodByPodPriority[], node: YNode & { kind: 'seq' }, path: string): void {
  const seen = new Map<number, number>();
  list.forEach((e, i) => {
    const before = seen.get(e.priority);
    if (before === undefined) { seen.set(e.priority, i); return; }
    p.warning(index(path, i), `entry ${before} has priority ${e.priority} too: the kubelet accepts both; a pod of priority ${e.priority} goes to the first, and a pod above it (below the next entry) to the last`, node.items[i]?.span);
  });
}

/** The settings the two cross-checks read: the list and the two older settings (raw seconds, with their key spans). */
export interface ShutdownSettings {
  list?: ShutdownGracePeriodByPodPriority[];
  listSpan?: Span;
  shutdownGracePeriod?: number;
  shutdownGracePeriodCriticalPods?: number;
}

/** ValidateKubeletConfiguration's two checks; true when the list may be used. */
export function checkShutdownByPriority(p: Problems, s: ShutdownSettings, gateOn: boolean, version: string): boolean {
  if (!s.list || s.list.length === 0) return false;
  const path = child('kubelet', SHUTDOWN_BY_PRIORITY_KEY);
  if (!gateOn) {
    p.error(path, 'invalid configuration: Specifying shutdownGracePeriodByPodPriority requires feature gate GracefulNodeShutdownBasedOnPodPriority'
      + ` (off in this scenario's featureGates; on by default in ${version}): a kubelet refuses to start with it`, s.listSpan);
    return false;
  }
  const both = (s.shutdownGracePeriod ?? 0) > 0 || (s.shutdownGracePeriodCriticalPods ?? 0) > 0;
  if (both) {
    p.error(path, 'invalid configuration: Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time'
      + ' (shutdownGracePeriod or shutdownGracePeriodCriticalPods is set above 0): a kubelet refuses to start, so neither wins; remove them or set them to 0', s.listSpan);
    return false;
  }
  return true;
}
