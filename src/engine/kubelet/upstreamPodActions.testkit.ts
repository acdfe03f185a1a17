// The test kit of the computePodActions golden tables (upstreamPodActionsCases.test.ts,
// upstreamPodActionsSidecarCases.test.ts): upstream's base pods and runtime statuses as our input,
// the versions and gates each table runs on, and the table runner. The mapping is described in
// upstreamPodActionsCases.test.ts's header.

import { expect, it } from 'vitest';
import { computePodActions } from './computePodActions';
import { createdInitContainerWaits, initProgressReadsActiveSandbox, sidecarImageChangeRestarts, usesLegacyInitProgress } from './initProgressPath';
import type { ContainerForActions, PodActionsInput, ProbeVerdict, RuntimeContainerStatus, RuntimeState } from './podActionsTypes';
import type { RestartPolicy } from '../scenario/types';
import { SUPPORTED_VERSIONS, defaultGates, minor, type KubeVersion } from '../version';

// ---------------------------------------------------------------------------------------------
// Versions and gates

export interface Variant {
  label: string;
  minor: number;
  sidecars: boolean;
  containerRestartRules: boolean;
  restartAllContainers: boolean;
}

export type Needs = 'sidecars' | 'containerRestartRules' | 'restartAllContainers';

/** A version's default gates, with `force` turned on; the label names only the gates that were off. */
export function variant(v: KubeVersion, force: readonly Needs[]): Variant {
  const g = defaultGates(v);
  const byDefault: Record<Needs, boolean> = {
    sidecars: g.SidecarContainers,
    containerRestartRules: g.ContainerRestartRules,
    restartAllContainers: g.RestartAllContainersOnContainerExits,
  };
  const forced = force.filter((n) => !byDefault[n]);
  return {
    label: `${v}${forced.map((n) => `+${n}`).join('')}`,
    minor: minor(v),
    sidecars: byDefault.sidecars || force.includes('sidecars'),
    containerRestartRules: byDefault.containerRestartRules || force.includes('containerRestartRules'),
    restartAllContainers: byDefault.restartAllContainers || force.includes('restartAllContainers'),
  };
}

/** The versions a case runs on: from `from`, with the gates it needs forced on (as upstream's test does). */
export function versions(from: number, needs: readonly Needs[] = []): Variant[] {
  const out: Variant[] = [];
  for (const v of SUPPORTED_VERSIONS) {
    if (minor(v) < from) continue;
    out.push(variant(v, needs));
  }
  return out;
}

/** The base tables: every version from `from`, plus 1.34 and 1.35 with their alpha gates forced on. */
export function versionsWithGateReruns(from: number, needs: readonly Needs[] = []): Variant[] {
  const reruns = [variant('1.34', ['containerRestartRules', ...needs]), variant('1.35', ['restartAllContainers', ...needs])];
  return [...versions(from, needs), ...reruns.filter((v) => v.minor >= from)];
}

// ---------------------------------------------------------------------------------------------
// Upstream's pod and kubecontainer.PodStatus, as our input

export interface World {
  restartPolicy: RestartPolicy;
  initContainers: ContainerForActions[];
  containers: ContainerForActions[];
  /** SandboxStatuses[0]: absent, or present with its Metadata.Attempt and readiness. */
  sandbox: { exists: boolean; ready: boolean; attempt: number };
  /** status.ContainerStatuses, in upstream's order. */
  statuses: RuntimeContainerStatus[];
  liveness: Record<string, ProbeVerdict | undefined>;
  startup: Record<string, ProbeVerdict | undefined>;
}

export const probe = { handler: 'exec' as const };

export function status(c: ContainerForActions, state: RuntimeState, exitCode?: number): RuntimeContainerStatus {
  const s: RuntimeContainerStatus = { name: c.name, state, image: c.image, attempts: 1 };
  if (state === 'exited') s.exitCode = exitCode ?? 0;
  return s;
}

/** makeBasePodAndStatus: foo1-foo3 (busybox), all running, a ready sandbox of attempt 0. */
export function makeBasePodAndStatus(): World {
  const containers = ['foo1', 'foo2', 'foo3'].map((name) => ({ name, image: 'busybox' }));
  return {
    restartPolicy: 'Always',
    initContainers: [],
    containers,
    sandbox: { exists: true, ready: true, attempt: 0 },
    statuses: containers.map((c) => status(c, 'running')),
    liveness: {},
    startup: {},
  };
}

/** makeBasePodAndStatusWithInitContainers: init1-init3 (bar-image) all exited 0; no main container status. */
export function makeBasePodAndStatusWithInitContainers(): World {
  const w = makeBasePodAndStatus();
  w.initContainers = ['init1', 'init2', 'init3'].map((name) => ({ name, image: 'bar-image' }));
  w.statuses = w.initContainers.map((c) => status(c, 'exited', 0));
  return w;
}

/**
 * makeBasePodAndStatusWithRestartableInitContainers: three sidecars, the 2nd and 3rd with liveness
 * and startup probes, all running; the test loop then sets Success for both probes of the 2nd and 3rd.
 */
export function makeBasePodAndStatusWithRestartableInitContainers(): World {
  const w = makeBasePodAndStatus();
  w.initContainers = [
    { name: 'restartable-init-1', image: 'bar-image', restartPolicy: 'Always' },
    { name: 'restartable-init-2', image: 'bar-image', restartPolicy: 'Always', livenessProbe: probe, startupProbe: probe },
    { name: 'restartable-init-3', image: 'bar-image', restartPolicy: 'Always', livenessProbe: probe, startupProbe: probe },
  ];
  w.statuses = w.initContainers.map((c) => status(c, 'running'));
  for (const name of ['restartable-init-2', 'restartable-init-3']) {
    w.liveness[name] = 'success';
    w.startup[name] = 'success';
  }
  return w;
}

/** makeBasePodAndStatusWithInitAndEphemeralContainers, without the ephemeral `debug` (not modelled). */
export function makeBasePodAndStatusWithInitAndEphemeralContainers(): World {
  const w = makeBasePodAndStatus();
  w.initContainers = [{ name: 'init1', image: 'bar-image' }];
  w.statuses.push(status(w.initContainers[0]!, 'exited', 0));
  return w;
}

export function toInput(w: World, v: Variant): PodActionsInput {
  const runtime: Record<string, RuntimeContainerStatus | undefined> = {};
  for (const s of w.statuses) runtime[s.name] ??= s; // FindContainerStatusByName: the first of that name
  return {
    restartPolicy: w.restartPolicy,
    initContainers: w.initContainers,
    containers: w.containers,
    deleted: false,
    sandboxReady: w.sandbox.exists && w.sandbox.ready,
    sandboxAttempt: w.sandbox.exists ? w.sandbox.attempt + 1 : 0,
    runtime,
    startup: w.startup,
    liveness: w.liveness,
    containerRestartRules: v.containerRestartRules,
    restartAllContainers: v.restartAllContainers,
    legacyInitProgress: usesLegacyInitProgress(v.minor, v.sidecars, w.initContainers),
    initProgressActiveSandboxOnly: initProgressReadsActiveSandbox(v.minor),
    createdInitWaits: createdInitContainerWaits(v.minor, usesLegacyInitProgress(v.minor, v.sidecars, w.initContainers)),
    sidecarImageChangeIgnored: !sidecarImageChangeRestarts(v.minor),
  };
}

// ---------------------------------------------------------------------------------------------
// Cases

/** Upstream's expected podActions: indices as upstream writes them; kills by container name. */
export interface Expected {
  killPod?: boolean;
  createSandbox?: boolean;
  initContainersToStart?: number[];
  containersToStart?: number[];
  containersToKill?: string[];
  /** TestComputePodActionsForRestartAllContainers: the container whose exit triggered the reset ([11.2]). */
  restartAllFrom?: string;
}

export interface UpstreamCase {
  /** Upstream's map key, verbatim. */
  name: string;
  /** The rules the case exercises. */
  rules: string;
  mutatePod?: (w: World) => void;
  mutateStatus?: (w: World) => void;
  expected: Expected;
  /** The first minor the case applies to, if later than the table's. */
  from?: number;
  /** The last minor the case applies to (a behaviour a later release changed). */
  until?: number;
}

export const noAction: Expected = {};

export function observed(w: World, v: Variant) {
  const plan = computePodActions(toInput(w, v));
  return {
    killPod: plan.killPod,
    createSandbox: plan.createSandbox,
    initContainersToStart: plan.initContainersToStart,
    containersToStart: plan.containersToStart,
    containersToKill: plan.containersToKill.map((k) => k.name).sort(),
    restartAllFrom: plan.restartAllContainers?.container,
  };
}

export function wanted(w: World, e: Expected) {
  return {
    killPod: e.killPod ?? false,
    createSandbox: e.createSandbox ?? false,
    initContainersToStart: (e.initContainersToStart ?? []).map((i) => w.initContainers[i]!.name),
    containersToStart: (e.containersToStart ?? []).map((i) => w.containers[i]!.name),
    containersToKill: [...(e.containersToKill ?? [])].sort(),
    restartAllFrom: e.restartAllFrom,
  };
}

export function runTable(base: () => World, cases: readonly UpstreamCase[], variants: (from: number) => Variant[], tableFrom: number): void {
  for (const c of cases) {
    it(`${c.name} ${c.rules}`, () => {
      const vs = variants(Math.max(tableFrom, c.from ?? 0)).filter((v) => c.until === undefined || v.minor <= c.until);
      expect(vs.length).toBeGreaterThan(0);
      for (const v of vs) {
        const w = base();
        c.mutatePod?.(w);
        c.mutateStatus?.(w);
        expect(observed(w, v), `${c.name} on ${v.label}`).toEqual(wanted(w, c.expected));
      }
    });
  }
}

export const setExited = (w: World, i: number, exitCode: number) => {
  w.statuses[i]!.state = 'exited';
  w.statuses[i]!.exitCode = exitCode;
};
