// What the API server silently removes from a new pod when a feature gate is off
// (pkg/api/pod/util.go dropDisabledFields). Kubernetes says nothing; we say it as a warning,
// because the dropped field changes what the pod does.

import type { FeatureGateName } from '../version';
import type { Ctx } from './decode';
import type { RawContainer, RawHandler, RawLifecycle } from './container';
import { child } from './problems';

function gateOff(ctx: Ctx, gate: FeatureGateName): string {
  return `the ${gate} feature gate is off in ${ctx.version}`;
}

/** SidecarContainers off: restartPolicy is dropped from every init container. */
function dropSidecars(ctx: Ctx, inits: RawContainer[]): void {
  if (ctx.gates.SidecarContainers) return;
  for (const c of inits) {
    if (!c.restartPolicy) continue;
    const why = c.restartPolicy.value === 'Always'
      ? ', so this runs as a regular init container'
      : '';
    ctx.p.warning(child(c.path, 'restartPolicy'), `field dropped: ${gateOff(ctx, 'SidecarContainers')}${why}`, c.restartPolicy.keySpan);
    c.restartPolicy = undefined;
  }
}

/**
 * ContainerRestartRules off (1.34 default): restartPolicy other than Always is dropped from init
 * containers, restartPolicy from main containers, restartPolicyRules from all (dropContainerRestartRules).
 */
function dropRestartRules(ctx: Ctx, inits: RawContainer[], mains: RawContainer[]): void {
  if (ctx.minor < 34 || ctx.gates.ContainerRestartRules) return;
  const off = gateOff(ctx, 'ContainerRestartRules');
  for (const c of inits) {
    if (c.restartPolicy && c.restartPolicy.value !== 'Always') {
      ctx.p.warning(child(c.path, 'restartPolicy'), `field dropped: ${off}, so this init container follows the pod's restartPolicy`, c.restartPolicy.keySpan);
      c.restartPolicy = undefined;
    }
  }
  for (const c of mains) {
    if (c.restartPolicy) {
      ctx.p.warning(child(c.path, 'restartPolicy'), `field dropped: ${off}, so this container follows the pod's restartPolicy`, c.restartPolicy.keySpan);
      c.restartPolicy = undefined;
    }
  }
  for (const c of [...inits, ...mains]) {
    if (c.restartPolicyRules) {
      ctx.p.warning(child(c.path, 'restartPolicyRules'), `field dropped: ${off}`, c.restartPolicyRules.keySpan);
      c.restartPolicyRules = undefined;
    }
  }
}

function handlerEmpty(h: RawHandler): boolean {
  return !h.exec && !h.httpGet && !h.tcpSocket && !h.sleep;
}

/** PodLifecycleSleepAction off (1.29 default): sleep handlers go; a hook left empty goes too. */
function dropSleep(ctx: Ctx, all: RawContainer[]): void {
  if (ctx.minor < 29 || ctx.gates.PodLifecycleSleepAction) return;
  for (const c of all) {
    const lc = c.lifecycle;
    if (!lc) continue;
    let changed = false;
    for (const hook of ['postStart', 'preStop'] as const) {
      const h = lc[hook];
      if (!h?.sleep) continue;
      const sleep = h.sleep;
      h.sleep = undefined;
      changed = true;
      const gone = handlerEmpty(h);
      ctx.p.warning(child(h.path, 'sleep'), `field dropped: ${gateOff(ctx, 'PodLifecycleSleepAction')}${gone ? `, so this container has no ${hook} hook` : ''}`, sleep.keySpan);
      if (gone) lc[hook] = undefined;
    }
    if (changed && lifecycleEmpty(lc)) c.lifecycle = undefined;
  }
}

function lifecycleEmpty(lc: RawLifecycle): boolean {
  return !lc.postStart && !lc.preStop && !lc.stopSignal;
}

/** ContainerStopSignals off (alpha, off by default): lifecycle.stopSignal goes. */
function dropStopSignals(ctx: Ctx, all: RawContainer[]): void {
  if (ctx.minor < 33 || ctx.gates.ContainerStopSignals) return;
  for (const c of all) {
    const lc = c.lifecycle;
    if (!lc?.stopSignal) continue;
    ctx.p.warning(child(lc.path, 'stopSignal'), `field dropped: ${gateOff(ctx, 'ContainerStopSignals')}, so the image's stop signal (SIGTERM by default) is used`, lc.stopSignal.keySpan);
    lc.stopSignal = undefined;
    if (lifecycleEmpty(lc)) c.lifecycle = undefined;
  }
}

/** Applies every drop, in upstream's order. */
export function dropDisabledFields(ctx: Ctx, inits: RawContainer[], mains: RawContainer[]): void {
  dropSidecars(ctx, inits);
  dropRestartRules(ctx, inits, mains);
  const all = [...inits, ...mains];
  dropSleep(ctx, all);
  dropStopSignals(ctx, all);
}
