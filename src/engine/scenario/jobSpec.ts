// The Job controller's own fields ([issue: Jobs]): backoffLimit and podFailurePolicy decide
// whether a failed pod is replaced. Upstream: pkg/apis/batch/types.go, pkg/controller/job.

import type { Ctx } from './decode';
import { readInt, readIntList, readString } from './decode';
import { child, index } from './problems';
import { invalid, notSupported } from './k8sErrors';
import { isMap, isSeq, present, type YMap } from './ynode';
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

/** Reads spec.backoffLimit (default 6), spec.activeDeadlineSeconds and spec.podFailurePolicy.rules of a Job's spec map. */
export function readJobSpec(ctx: Ctx, jobSpec: YMap | undefined, path: string): JobSpecModel {
  const job: JobSpecModel = { backoffLimit: 6, podFailurePolicy: [] };
  if (!jobSpec) return job;
  const limit = readInt(ctx, jobSpec, 'backoffLimit', path, 'JobSpec', 'int32');
  if (limit) job.backoffLimit = limit.value;
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
  return job;
}
