// The Job controller's own fields ([16.1]–[16.6]): completions, parallelism, completionMode,
// backoffLimit, backoffLimitPerIndex, maxFailedIndexes, podReplacementPolicy, podFailurePolicy
// and successPolicy ([16.9], successPolicy.ts). Defaults as pkg/apis/batch/v1/defaults.go
// SetDefaults_Job (completions and parallelism 1 when both are unset; backoffLimit 6, or MaxInt32
// with backoffLimitPerIndex), a few checks of pkg/apis/batch/validation ValidateJobSpec, and the
// gated fields pkg/registry/batch/job strategy.go dropDisabledFields removes, read at the stored
// 1.3x commits.

import type { Ctx } from './decode';
import { readInt, readIntList, readString } from './decode';
import { child, index } from './problems';
import { invalid, notSupported } from './k8sErrors';
import { isMap, isSeq, present, type YMap } from './ynode';
import { readSuccessPolicy } from './successPolicy';
import type { JobSpecModel, PodFailurePolicyRule } from './types';

const ACTIONS = ['FailJob', 'FailIndex', 'Ignore', 'Count'] as const;

function readRule(ctx: Ctx, map: YMap, path: string): PodFailurePolicyRule | undefined {
  const action = readString(ctx, map, 'action', path, 'PodFailurePolicyRule');
  if (!action) return undefined;
  if (!(ACTIONS as readonly string[]).includes(action.value)) {
    ctx.p.error(child(path, 'action'), notSupported(action.value, [...ACTIONS]), action.span);
    return undefined;
  }
  const rule: PodFailurePolicyRule = { action: action.value as PodFailurePolicyRule['action'] };
  const codes = present(map, 'onExitCodes')?.value;
  if (isMap(codes)) {
    const cpath = child(path, 'onExitCodes');
    const op = readString(ctx, codes, 'operator', cpath, 'PodFailurePolicyOnExitCodesRequirement');
    const values = readIntList(ctx, codes, 'values', cpath, 'PodFailurePolicyOnExitCodesRequirement');
    const container = readString(ctx, codes, 'containerName', cpath, 'PodFailurePolicyOnExitCodesRequirement');
    if (op && op.value !== 'In' && op.value !== 'NotIn') ctx.p.error(child(cpath, 'operator'), notSupported(op.value, ['In', 'NotIn']), op.span);
    rule.onExitCodes = { operator: op?.value === 'NotIn' ? 'NotIn' : 'In', values: values?.value ?? [], ...(container ? { containerName: container.value } : {}) };
  }
  const conds = present(map, 'onPodConditions')?.value;
  if (isSeq(conds)) {
    rule.onPodConditions = conds.items.flatMap((item, i) => {
      if (!isMap(item)) return [];
      const type = readString(ctx, item, 'type', index(child(path, 'onPodConditions'), i), 'PodFailurePolicyOnPodConditionsPattern');
      return type ? [type.value] : [];
    });
  }
  return rule;
}

const MAX_INT32 = 2147483647;

/** completions, parallelism, completionMode, backoffLimitPerIndex, maxFailedIndexes, podReplacementPolicy. */
function readShape(ctx: Ctx, jobSpec: YMap, path: string, job: JobSpecModel): void {
  const nonNegative = (key: string) => {
    const v = readInt(ctx, jobSpec, key, path, 'JobSpec', 'int32');
    if (v && v.value < 0) ctx.p.error(child(path, key), invalid(v.value, 'must be greater than or equal to 0'), v.span);
    return v && v.value >= 0 ? v : undefined;
  };
  const completions = nonNegative('completions');
  const parallelism = nonNegative('parallelism');
  // SetDefaults_Job: both unset -> 1 and 1; parallelism alone -> completions stays nil (a work queue).
  if (completions) job.completions = completions.value;
  else if (!parallelism) job.completions = 1;
  if (parallelism) job.parallelism = parallelism.value;
  const mode = readString(ctx, jobSpec, 'completionMode', path, 'JobSpec');
  if (mode && mode.value !== 'NonIndexed' && mode.value !== 'Indexed') ctx.p.error(child(path, 'completionMode'), notSupported(mode.value, ['NonIndexed', 'Indexed']), mode.span);
  if (mode?.value === 'Indexed') {
    if (!completions) ctx.p.error(child(path, 'completions'), 'Required value: when completion mode is Indexed', mode.span);
    else job.completionMode = 'Indexed';
  }
  // [16.5], [16.6] batch job strategy's dropDisabledFields: a gated field is removed while its gate is off.
  const dropped = (key: string, gate: 'JobBackoffLimitPerIndex' | 'JobPodReplacementPolicy') => {
    const e = present(jobSpec, key);
    if (!e || ctx.gates[gate]) return false;
    ctx.p.warning(child(path, key), `field dropped: the ${gate} feature gate is off in ${ctx.version}`, e.keySpan);
    return true;
  };
  const perIndex = dropped('backoffLimitPerIndex', 'JobBackoffLimitPerIndex') ? undefined : nonNegative('backoffLimitPerIndex');
  const maxFailed = dropped('maxFailedIndexes', 'JobBackoffLimitPerIndex') ? undefined : nonNegative('maxFailedIndexes');
  if (perIndex && job.completionMode !== 'Indexed') ctx.p.error(child(path, 'backoffLimitPerIndex'), 'Invalid value: requires indexed completion mode', perIndex.span);
  else if (perIndex) job.backoffLimitPerIndex = perIndex.value;
  if (maxFailed && perIndex === undefined) ctx.p.error(child(path, 'maxFailedIndexes'), 'Invalid value: requires the backoffLimitPerIndex to be set', maxFailed.span);
  else if (maxFailed) job.maxFailedIndexes = maxFailed.value;
  const replacement = dropped('podReplacementPolicy', 'JobPodReplacementPolicy') ? undefined : readString(ctx, jobSpec, 'podReplacementPolicy', path, 'JobSpec');
  if (replacement && replacement.value !== 'TerminatingOrFailed' && replacement.value !== 'Failed') {
    ctx.p.error(child(path, 'podReplacementPolicy'), notSupported(replacement.value, ['Failed', 'TerminatingOrFailed']), replacement.span);
  } else if (replacement) job.podReplacementPolicy = replacement.value as 'TerminatingOrFailed' | 'Failed';
}

/** Reads a Job's spec map: its shape (readShape), backoffLimit (default 6), activeDeadlineSeconds, podFailurePolicy.rules and successPolicy. */
export function readJobSpec(ctx: Ctx, jobSpec: YMap | undefined, path: string): JobSpecModel {
  const job: JobSpecModel = { backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed', podFailurePolicy: [] };
  if (!jobSpec) return job;
  delete job.completions;
  readShape(ctx, jobSpec, path, job);
  const limit = readInt(ctx, jobSpec, 'backoffLimit', path, 'JobSpec', 'int32');
  if (limit) job.backoffLimit = limit.value;
  else if (job.backoffLimitPerIndex !== undefined) job.backoffLimit = MAX_INT32; // SetDefaults_Job
  // [13.4] ValidateJobSpec: ValidateNonnegativeField (0 is accepted: the Job fails at once).
  const deadline = readInt(ctx, jobSpec, 'activeDeadlineSeconds', path, 'JobSpec', 'int64');
  if (deadline && deadline.value < 0) ctx.p.error(child(path, 'activeDeadlineSeconds'), invalid(deadline.value, 'must be greater than or equal to 0'), deadline.span);
  else if (deadline) job.activeDeadlineSeconds = deadline.value;
  const pfp = present(jobSpec, 'podFailurePolicy')?.value;
  const rules = isMap(pfp) ? present(pfp, 'rules')?.value : undefined;
  if (isSeq(rules)) {
    rules.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const rule = readRule(ctx, item, index(child(child(path, 'podFailurePolicy'), 'rules'), i));
      if (rule) job.podFailurePolicy.push(rule);
    });
  }
  const mode = present(jobSpec, 'completionMode')?.value;
  readSuccessPolicy(ctx, jobSpec, path, job, mode?.kind === 'scalar' && mode.value === 'Indexed');
  return job;
}
