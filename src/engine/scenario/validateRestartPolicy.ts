// Container-level restartPolicy and restartPolicyRules ([1.2], [1.6]):
// validateInitContainerRestartPolicy and validateContainerRestartPolicy upstream.

import type { Ctx } from './decode';
import type { RawContainer } from './container';
import { forbidden, notSupported, required, tooLong, tooMany } from './k8sErrors';
import { child } from './problems';
import { startOf } from './ynode';

const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;

/** Whether the API server accepts per-container policies and rules (AllowContainerRestartPolicyRules). */
export function containerRulesAllowed(ctx: Ctx): boolean {
  return ctx.minor >= 34 && ctx.gates.ContainerRestartRules;
}

function restartAllAllowed(ctx: Ctx): boolean {
  return ctx.minor >= 35 && ctx.gates.RestartAllContainersOnContainerExits;
}

/** Lists were measured with field.TooLong ("bytes") until kubernetes#137136 (1.36). */
function tooBig(ctx: Ctx, actual: number, max: number): string {
  return ctx.minor >= 36 ? tooMany(actual, max) : tooLong(max);
}

/** validateContainerRestartPolicy: the 1.34+ rules, for main, init and (with KEP-5532) sidecar containers. */
function validateFull(ctx: Ctx, c: RawContainer): void {
  const policyPath = child(c.path, 'restartPolicy');
  const rules = c.restartPolicyRules?.rules ?? [];
  if (!c.restartPolicy) {
    if (rules.length === 0) return;
    ctx.p.error(policyPath, required('must specify restartPolicy when restart rules are used'), c.restartPolicyRules?.keySpan ?? startOf(c.span));
  } else if (!['Always', 'Never', 'OnFailure'].includes(c.restartPolicy.value)) {
    ctx.p.error(policyPath, notSupported(c.restartPolicy.value, ['Always', 'Never', 'OnFailure']), c.restartPolicy.span);
  }
  if (rules.length > MAX_RULES) {
    ctx.p.error(child(c.path, 'restartPolicyRules'), tooBig(ctx, rules.length, MAX_RULES), c.restartPolicyRules?.keySpan ?? startOf(c.span));
  }
  const actions = restartAllAllowed(ctx) ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  for (const rule of rules) {
    const action = rule.action?.value ?? '';
    if (!actions.includes(action)) {
      ctx.p.error(child(rule.path, 'action'), notSupported(action, actions), rule.action?.span ?? rule.span);
    }
    const ec = rule.exitCodes;
    if (!ec) {
      ctx.p.error(child(rule.path, 'exitCodes'), required('must be specified'), startOf(rule.span));
      continue;
    }
    const op = ec.operator?.value ?? '';
    if (op !== 'In' && op !== 'NotIn') {
      ctx.p.error(child(ec.path, 'operator'), notSupported(op, ['In', 'NotIn']), ec.operator?.span ?? ec.keySpan);
    }
    const n = ec.values?.value.length ?? 0;
    if (n > MAX_EXIT_CODES) {
      ctx.p.error(child(ec.path, 'values'), tooBig(ctx, n, MAX_EXIT_CODES), ec.values?.keySpan ?? ec.keySpan);
    }
  }
}

/** validateInitContainerRestartPolicy. */
export function validateInitRestartPolicy(ctx: Ctx, c: RawContainer): void {
  const policyPath = child(c.path, 'restartPolicy');
  if (!containerRulesAllowed(ctx)) {
    if (c.restartPolicy && c.restartPolicy.value !== 'Always') {
      ctx.p.error(policyPath, notSupported(c.restartPolicy.value, ['Always']), c.restartPolicy.span);
    }
    return;
  }
  const rules = c.restartPolicyRules?.rules ?? [];
  if (!c.restartPolicy) {
    if (rules.length > 0) ctx.p.error(policyPath, required('must specify restartPolicy when restart rules are used'), c.restartPolicyRules?.keySpan ?? startOf(c.span));
    return;
  }
  if (c.restartPolicy.value === 'Always') {
    if (restartAllAllowed(ctx)) validateFull(ctx, c);
    else if (rules.length > 0) {
      ctx.p.error(child(c.path, 'restartPolicyRules'), forbidden('restartPolicyRules are not allowed for init containers with restart policy Always'), c.restartPolicyRules?.keySpan ?? startOf(c.span));
    }
    return;
  }
  validateFull(ctx, c);
}

/** The main-container half of validateContainers for restartPolicy. */
export function validateMainRestartPolicy(ctx: Ctx, c: RawContainer): void {
  if (containerRulesAllowed(ctx)) {
    validateFull(ctx, c);
  } else if (c.restartPolicy) {
    ctx.p.error(child(c.path, 'restartPolicy'), forbidden('may not be set for non-init containers'), c.restartPolicy.keySpan);
  }
}
