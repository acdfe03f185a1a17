// A Job's spec.successPolicy ([16.9]; KEP-3998, gate JobSuccessPolicy: alpha 1.30, beta and on from
// 1.31, GA 1.33): read, dropped while the gate is off (pkg/registry/batch/job/strategy.go
// PrepareForCreate: `if !Enabled(JobSuccessPolicy) { job.Spec.SuccessPolicy = nil }`, before
// validation), and validated as pkg/apis/batch/validation/validation.go does (validateJobSpec,
// validateSuccessPolicy, validateSuccessPolicyRule, validateIndexesFormat, parseIndexInterval; read
// at the stored commit 3989b18586203eb366257fa4c8e9c0d605ec41df, wording checked against the stored
// validation_test.go cases). Before 1.30 the field does not exist: kubectl's strict decoding rejects it.

import type { Ctx } from './decode';
import { readInt, readString, versionedEntry } from './decode';
import { child, index } from './problems';
import { invalid, required, tooMany, unmarshalError } from './k8sErrors';
import { isMap, isSeq, jsonKind, present, type YMap, type YNode } from './ynode';
import type { JobSpecModel, SuccessPolicyRule } from './types';

export type { SuccessPolicyRule } from './types';

/** maxSuccessPolicyRule (validation.go). */
const MAX_RULES = 20;

/** strconv.Atoi: an optional sign and decimal digits, within int64; undefined otherwise. */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

/**
 * validateIndexesFormat + parseIndexInterval: the number of indexes in an interval list, or the
 * error upstream words (intervals in increasing order, each "x" or "x-y" with x < y < completions).
 */
export function validateIndexesFormat(indexes: string, completions: number): { total: number } | { error: string } {
  if (indexes.length === 0) return { total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const interval of indexes.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) return { error: `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'` };
    const bounds: number[] = [];
    for (const limit of limits) {
      const n = goAtoi(limit);
      if (n === undefined) return { error: `cannot convert string to integer for index: ${JSON.stringify(limit)}` };
      if (n >= completions) return { error: `too large index: ${JSON.stringify(limit)}` };
      bounds.push(n);
    }
    const x = bounds[0]!;
    const y = bounds[1] ?? x;
    if (bounds.length === 2 && x >= y) return { error: `non-increasing order, previous: ${x}, current: ${y}` };
    if (last !== undefined && last >= x) return { error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += y - x + 1;
    last = y;
  }
  return { total };
}

function typeError(ctx: Ctx, node: YNode, path: string, goStruct: string, goType: string): void {
  ctx.p.error(path, unmarshalError(jsonKind(node), goStruct, path, goType), node.span);
}

/** validateSuccessPolicyRule: the rule as read, with its errors reported. */
function readRule(ctx: Ctx, item: YNode, path: string, completions: number): SuccessPolicyRule | undefined {
  if (!isMap(item)) {
    typeError(ctx, item, path, 'SuccessPolicy', 'v1.SuccessPolicyRule');
    return undefined;
  }
  const indexes = readString(ctx, item, 'succeededIndexes', path, 'SuccessPolicyRule');
  const count = readInt(ctx, item, 'succeededCount', path, 'SuccessPolicyRule', 'int32');
  if (!indexes && !count) {
    if (!present(item, 'succeededIndexes') && !present(item, 'succeededCount')) ctx.p.error(path, required('at least one of succeededCount or succeededIndexes must be specified'), item.span);
    return undefined;
  }
  let total = 0;
  if (indexes) {
    const parsed = validateIndexesFormat(indexes.value, completions);
    if ('error' in parsed) ctx.p.error(child(path, 'succeededIndexes'), invalid(indexes.value, `error parsing succeededIndexes: ${parsed.error}`), indexes.span);
    else total = parsed.total;
  }
  if (count) {
    const cpath = child(path, 'succeededCount');
    if (count.value < 0) ctx.p.error(cpath, invalid(count.value, 'must be greater than or equal to 0'), count.span);
    if (count.value > completions) ctx.p.error(cpath, invalid(count.value, `must be less than or equal to ${completions} (the number of specified completions)`), count.span);
    // upstream compares with the total even when the indexes did not parse (it is then 0)
    if (indexes && count.value > total) ctx.p.error(cpath, invalid(count.value, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`), count.span);
  }
  return { ...(indexes ? { succeededIndexes: indexes.value } : {}), ...(count ? { succeededCount: count.value } : {}) };
}

/**
 * Reads spec.successPolicy into `job.successPolicy` (the rules), after the Job's shape is read
 * (`job.completionMode` and `completions`). Absent before 1.30, dropped with a warning while the
 * gate is off; with it on, validated as upstream's validateJobSpec does.
 */
export function readSuccessPolicy(ctx: Ctx, jobSpec: YMap, path: string, job: JobSpecModel, indexedAsWritten: boolean): void {
  const e = versionedEntry(ctx, jobSpec, 'successPolicy', path, 30);
  if (!e) return;
  const ppath = child(path, 'successPolicy');
  if (!ctx.gates.JobSuccessPolicy) {
    ctx.p.warning(ppath, `field dropped: the JobSuccessPolicy feature gate is off in ${ctx.version}, so the Job completes only when every index has succeeded`, e.keySpan);
    return;
  }
  if (!isMap(e.value)) {
    typeError(ctx, e.value, ppath, 'JobSpec', 'v1.SuccessPolicy');
    return;
  }
  const rulesEntry = present(e.value, 'rules');
  const rules = rulesEntry?.value;
  if (rules && !isSeq(rules)) {
    typeError(ctx, rules, child(ppath, 'rules'), 'SuccessPolicy', '[]v1.SuccessPolicyRule');
    return;
  }
  const items = rules?.items ?? [];
  if (!indexedAsWritten) {
    // field.Invalid(successPolicy, *spec.SuccessPolicy, …) prints the internal struct with %#v;
    // a rule's pointers print as addresses there, so the rules themselves are elided
    const value = `batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{${items.length ? '…' : ''}}}`;
    ctx.p.error(ppath, `Invalid value: ${value}: requires indexed completion mode`, e.keySpan);
    return;
  }
  const completions = job.completions;
  if (completions === undefined) return; // Indexed without completions: already an error ([16.1])
  const rpath = child(ppath, 'rules');
  if (items.length === 0) ctx.p.error(rpath, required('at least one rules must be specified when the successPolicy is specified'), rulesEntry?.keySpan ?? e.keySpan);
  if (items.length > MAX_RULES) ctx.p.error(rpath, tooMany(items.length, MAX_RULES), rulesEntry!.keySpan);
  const read = items.map((item, i) => readRule(ctx, item, index(rpath, i), completions));
  if (items.length > 0 && read.every((r) => r !== undefined)) job.successPolicy = read as SuccessPolicyRule[];
}
