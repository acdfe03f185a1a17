// Typed reads of workload fields, reporting type mismatches the way the API server's JSON
// decoder does, and fields that do not exist yet in the chosen Kubernetes version the way
// kubectl's strict field validation does.

import type { FeatureGates, KubeVersion } from '../version';
import { child, type Problems, type Span } from './problems';
import { unknownField, unmarshalError } from './k8sErrors';
import { isNull, jsonKind, present, type YEntry, type YMap, type YNode, type YSeq } from './ynode';

/** What every workload reader needs: where to report, and which Kubernetes it is. */
export interface Ctx {
  p: Problems;
  version: KubeVersion;
  minor: number;
  gates: FeatureGates;
}

/** A decoded value with the position of its value and of its key. */
export interface Located<T> {
  value: T;
  span: Span;
  keySpan: Span;
}

function typeError(ctx: Ctx, node: YNode, path: string, goStruct: string, goType: string): void {
  ctx.p.error(path, unmarshalError(jsonKind(node), goStruct, path, goType), node.span);
}

/**
 * The entry for a field that exists only from `sinceMinor` on. Earlier versions reject it like
 * kubectl's strict decoding does, and the caller sees it as absent.
 */
export function versionedEntry(ctx: Ctx, map: YMap, key: string, path: string, sinceMinor: number): YEntry | undefined {
  const e = present(map, key);
  if (!e) return undefined;
  if (ctx.minor < sinceMinor) {
    const fp = child(path, key);
    ctx.p.error(fp, unknownField(fp), e.keySpan);
    return undefined;
  }
  return e;
}

export function readString(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string, e = present(map, key)): Located<string> | undefined {
  if (!e) return undefined;
  const v = e.value;
  if (v.kind !== 'scalar' || typeof v.value !== 'string') {
    typeError(ctx, v, child(path, key), goStruct, 'string');
    return undefined;
  }
  return { value: v.value, span: v.span, keySpan: e.keySpan };
}

export function readInt(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string, goType: 'int32' | 'int64', e = present(map, key)): Located<number> | undefined {
  if (!e) return undefined;
  const v = e.value;
  if (v.kind !== 'scalar' || typeof v.value !== 'number' || !Number.isInteger(v.value)) {
    typeError(ctx, v, child(path, key), goStruct, goType);
    return undefined;
  }
  return { value: v.value, span: v.span, keySpan: e.keySpan };
}

/** An IntOrString (ports): a number or a string. */
export function readIntOrString(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string): Located<number | string> | undefined {
  const e = present(map, key);
  if (!e) return undefined;
  const v = e.value;
  if (v.kind !== 'scalar' || (typeof v.value !== 'string' && !(typeof v.value === 'number' && Number.isInteger(v.value)))) {
    typeError(ctx, v, child(path, key), goStruct, 'intstr.IntOrString');
    return undefined;
  }
  return { value: v.value, span: v.span, keySpan: e.keySpan };
}

export function readStringList(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string): Located<string[]> | undefined {
  const e = present(map, key);
  if (!e) return undefined;
  const v = e.value;
  if (v.kind !== 'seq') {
    typeError(ctx, v, child(path, key), goStruct, '[]string');
    return undefined;
  }
  const out: string[] = [];
  for (const item of v.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') {
      if (isNull(item)) { out.push(''); continue; }
      typeError(ctx, item, child(path, key), goStruct, 'string');
      return undefined;
    }
    out.push(item.value);
  }
  return { value: out, span: v.span, keySpan: e.keySpan };
}

export function readIntList(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string): Located<number[]> | undefined {
  const e = present(map, key);
  if (!e) return undefined;
  const v = e.value;
  if (v.kind !== 'seq') {
    typeError(ctx, v, child(path, key), goStruct, '[]int32');
    return undefined;
  }
  const out: number[] = [];
  for (const item of v.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'number' || !Number.isInteger(item.value)) {
      typeError(ctx, item, child(path, key), goStruct, 'int32');
      return undefined;
    }
    out.push(item.value);
  }
  return { value: out, span: v.span, keySpan: e.keySpan };
}

export interface MapField {
  map: YMap;
  keySpan: Span;
  path: string;
}

export function readMap(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string, goType: string, e = present(map, key)): MapField | undefined {
  if (!e) return undefined;
  if (e.value.kind !== 'map') {
    typeError(ctx, e.value, child(path, key), goStruct, goType);
    return undefined;
  }
  return { map: e.value, keySpan: e.keySpan, path: child(path, key) };
}

export function readSeq(ctx: Ctx, map: YMap, key: string, path: string, goStruct: string, goType: string): { seq: YSeq; keySpan: Span; path: string } | undefined {
  const e = present(map, key);
  if (!e) return undefined;
  if (e.value.kind !== 'seq') {
    typeError(ctx, e.value, child(path, key), goStruct, goType);
    return undefined;
  }
  return { seq: e.value, keySpan: e.keySpan, path: child(path, key) };
}

/** Reports a list item that should be an object, e.g. `containers: [nginx]`. */
export function itemTypeError(ctx: Ctx, node: YNode, path: string, goStruct: string, goType: string): void {
  typeError(ctx, node, path, goStruct, goType);
}
