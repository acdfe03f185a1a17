// Kubernetes versions and feature gates the engine knows (docs/kubelet-rules.md "Version map").

export const SUPPORTED_VERSIONS = [
  '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37',
] as const;

export type KubeVersion = (typeof SUPPORTED_VERSIONS)[number];

export const NEWEST_VERSION: KubeVersion = '1.37';

export function isSupportedVersion(v: string): v is KubeVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(v);
}

/** Minor number of a version, e.g. 29 for "1.29". */
export function minor(v: KubeVersion): number {
  return Number(v.split('.')[1]);
}

export interface GateInfo {
  /** First minor where the gate exists (alpha). */
  alpha: number;
  /** First minor where it is on by default (beta), if any. */
  beta?: number;
  /** First minor where it is GA (locked on, unless `locked` comes later), if any. */
  ga?: number;
  /** First minor where the gate is gone (after GA: the feature is always on, and a kubelet refuses the name), if any. */
  removed?: number;
  /**
   * First minor where a GA gate is locked to its default (LockToDefault), when that comes after GA:
   * before it the gate is GA, on by default, and can still be turned off. Absent: locked from `ga`.
   */
  locked?: number;
  summary: string;
}

export const FEATURE_GATES = {
  SidecarContainers: { alpha: 28, beta: 29, ga: 33, removed: 37, summary: 'init containers with restartPolicy: Always (KEP-753)' },
  PodReadyToStartContainersCondition: { alpha: 28, beta: 29, ga: 37, summary: 'the PodReadyToStartContainers condition (KEP-3085)' },
  PodLifecycleSleepAction: { alpha: 29, beta: 30, ga: 34, removed: 37, summary: 'the sleep action for lifecycle hooks (KEP-3960)' },
  PodLifecycleSleepActionAllowZero: { alpha: 32, beta: 33, ga: 34, removed: 37, summary: 'sleep: 0 in lifecycle hooks (KEP-4818)' },
  KubeletCrashLoopBackOffMax: { alpha: 32, beta: 35, summary: 'a per-node cap on the restart backoff (KEP-5593)' },
  ReduceDefaultCrashLoopBackOffDecay: { alpha: 33, summary: 'faster default backoff, 1s to 60s (KEP-4603)' },
  ContainerRestartRules: { alpha: 34, beta: 35, summary: 'per-container restartPolicy and restartPolicyRules (KEP-5307)' },
  RestartAllContainersOnContainerExits: { alpha: 35, beta: 36, summary: 'the RestartAllContainers rule action (KEP-5532)' },
  // KEP-5328: the kubelet declares its node's features in NodeStatus and the scheduler filters on
  // them. Nothing of a pod's run on the node changes, but RestartAllContainersOnContainerExits
  // depends on it (GATE_DEPENDENCIES). kube_features.go versionedSpecs (a 1.35-era tree, library id
  // 378079260; a 1.37-era copy, 61706514746): {1.35 Alpha false}, {1.36 Beta true}, {1.37 GA true, LockToDefault}.
  NodeDeclaredFeatures: { alpha: 35, beta: 36, ga: 37, summary: 'the node declares its features (KEP-5328); the RestartAllContainers action depends on it' },
  // [1.3] kube_features.go (a 1.35-era tree, library id 378079260): {1.30 Alpha false}, {1.32 Beta true}, {1.34 GA true, LockToDefault}.
  // [8.15] [8.16] kube_features.go (1.32-era versioned specs, library ids 688781, 2916955): {1.25 Alpha false}, {1.26 Beta true}, {1.31 GA true, LockToDefault} ("remove in 1.33").
  PodDisruptionConditions: { alpha: 25, beta: 26, ga: 31, summary: 'the DisruptionTarget condition on a pod the kubelet evicts or shuts down (KEP-3329)' },
  RelaxedEnvironmentVariableValidation: { alpha: 30, beta: 32, ga: 34, summary: 'env names of any printable ASCII but = (KEP-4369); off: letters, digits, _ - . and no leading digit' },
  ContainerStopSignals: { alpha: 33, summary: 'lifecycle.stopSignal (KEP-4960)' },
  ChangeContainerStatusOnKubeletRestart: { alpha: 35, summary: 'on: statuses start over after a kubelet restart, and a replacement\'s Started is its own, as before 1.35 (KEP-4781 opt-out)' },
  PLEGOnDemandRelist: { alpha: 36, beta: 36, ga: 37, summary: 'the PLEG relists a pod at once after a sync that acted, not at its next 1 s relist' },
  JobBackoffLimitPerIndex: { alpha: 28, beta: 29, ga: 33, removed: 37, summary: 'a Job\'s backoffLimitPerIndex and maxFailedIndexes (KEP-3850)' },
  JobPodReplacementPolicy: { alpha: 28, beta: 29, ga: 34, removed: 37, summary: 'a Job\'s podReplacementPolicy (KEP-3939)' },
  // kube_features.go (1.33 tree, and the 1.34/1.35 trees): 1.30 alpha, 1.31 beta, 1.33 GA and
  // locked ("remove in 1.36"); no stored 1.36 or 1.37 tree shows the removal, and realGates.ts keeps
  // the name through 1.37, so no `removed` here.
  JobSuccessPolicy: { alpha: 30, beta: 31, ga: 33, summary: 'a Job\'s successPolicy (KEP-3998)' },
  // [5.11] kube_features.go: 1.20 GA, on by default and settable ("lock to default and remove after
  // v1.22 based on KEP #1972 update", unchanged in the 1.27-era unversioned copies and the 1.32/1.33-
  // era versionedSpecs: {1.20, Default: true, GA}); locked from 1.35 ({1.35, Default: true, GA,
  // LockToDefault: true}, "remove in v1.38", read in the newest stored kube_features.go, whose
  // comment says "Locked to default, will remove in v1.38"). So off is a choice at 1.27-1.34 only;
  // component-base featuregate SetFromMap refuses it later: "cannot set feature gate %v to %v,
  // feature is locked to %v". Off: sim/execProbeTimeout.ts.
  // [8.16] kube_features.go: unversioned `{Default: true, PreRelease: featuregate.Beta}` in the
  // 1.27-1.30-era copies (library ids 158571778, 6300876, 6115561; comment "alpha: v1.23, beta:
  // v1.24"), versionedSpecs {1.23 Alpha false}, {1.24 Beta true} in the 1.31/1.32-era trees (ids
  // 85381328, 688781, 2916955), the 1.34-era versioned_feature_list.yaml (id 52310178358) and the
  // 1.35-era tree (id 378079260): beta and settable in every supported version. The stored 1.37-era
  // kube_features.go (id 61706514746) no longer holds the kubelet's gates, and KEP-2712's issue
  // (kubernetes/enhancements#2712, 2026-06-15: "this still need to GA") shows no GA by then.
  // Off: a kubelet refuses shutdownGracePeriodByPodPriority (validation.go) and NewManager uses the two groups.
  GracefulNodeShutdownBasedOnPodPriority: { alpha: 23, beta: 24, summary: 'kubelet shutdownGracePeriodByPodPriority: a node shutdown\'s groups by pod priority (KEP-2712)' },
  ExecProbeTimeout: { alpha: 20, beta: 20, ga: 20, locked: 35, summary: 'an exec probe run past timeoutSeconds fails; off, the run errors and its result is thrown away (KEP-1972)' },
} as const satisfies Record<string, GateInfo>;

/**
 * defaultKubernetesFeatureGateDependencies (pkg/features/kube_features.go, a 1.35-era tree, library
 * id 378079260), for the gates modelled here whose dependencies can be off: component-base's
 * featuregate refuses a set of gates where an enabled one (set or by default) depends on a disabled
 * one, "%s is enabled, but depends on features that are disabled: %v", and the API server and the
 * kubelet do not start (feature_gate.go unsafeSetFromMap, ids 894139668, 70980193899). The table
 * also has PodLifecycleSleepActionAllowZero on PodLifecycleSleepAction, both locked on by 1.35.
 */
export const GATE_DEPENDENCIES: Partial<Record<FeatureGateName, readonly FeatureGateName[]>> = {
  // "All restart rules will be dropped by API if ContainerRestartRules feature is not enabled."
  RestartAllContainersOnContainerExits: ['ContainerRestartRules', 'NodeDeclaredFeatures'],
};

/** The first minor whose components check GATE_DEPENDENCIES (the table arrives with the 1.35 tree). */
export const GATE_DEPENDENCIES_SINCE = 35;

/** Each enabled gate whose dependencies are not all enabled, with those (in name order, as %v of a sorted list prints them). */
export function unmetGateDependencies(gates: FeatureGates, v: KubeVersion): { gate: FeatureGateName; disabled: FeatureGateName[] }[] {
  if (minor(v) < GATE_DEPENDENCIES_SINCE) return [];
  const out: { gate: FeatureGateName; disabled: FeatureGateName[] }[] = [];
  for (const [gate, deps] of Object.entries(GATE_DEPENDENCIES) as [FeatureGateName, readonly FeatureGateName[]][]) {
    if (!gates[gate]) continue;
    const disabled = deps.filter((d) => !gates[d]).sort();
    if (disabled.length) out.push({ gate, disabled });
  }
  return out;
}

export type FeatureGateName = keyof typeof FEATURE_GATES;

/**
 * Names Sidecar Lab accepted before it spelled a gate as the kubelet does (pkg/features/
 * kube_features.go), each with the real name. A scenario, a link or a command line written with
 * one keeps working, with a warning: a kubelet refuses the name as an unrecognized feature gate.
 * ReduceDefaultCrashLoopBackoffDecay is how KEP-4603's text spells the gate; the kubelet's is
 * ReduceDefaultCrashLoopBackOffDecay (read in kube_features.go of the 1.33 and 1.35 trees).
 */
const FORMER_GATE_SPELLINGS: Readonly<Record<string, FeatureGateName>> = {
  ReduceDefaultCrashLoopBackoffDecay: 'ReduceDefaultCrashLoopBackOffDecay',
};

/** The real gate a former spelling of ours names (FORMER_GATE_SPELLINGS), if `name` is one. */
export function formerGateSpelling(name: string): FeatureGateName | undefined {
  return Object.prototype.hasOwnProperty.call(FORMER_GATE_SPELLINGS, name) ? FORMER_GATE_SPELLINGS[name] : undefined;
}

export type FeatureGates = Record<FeatureGateName, boolean>;

export function isFeatureGateName(name: string): name is FeatureGateName {
  return Object.prototype.hasOwnProperty.call(FEATURE_GATES, name);
}

/** Whether a gate exists at all in a version: it has arrived (alpha) and was not removed yet. */
export function gateExists(name: FeatureGateName, v: KubeVersion): boolean {
  const m = minor(v);
  return m >= FEATURE_GATES[name].alpha && !gateRemoved(name, v);
}

/** Whether a GA gate was removed by a version: the feature is always on and the name is refused. */
export function gateRemoved(name: FeatureGateName, v: KubeVersion): boolean {
  const removed = (FEATURE_GATES[name] as GateInfo).removed;
  return removed !== undefined && minor(v) >= removed;
}

/**
 * Why a gate does not exist in a version, in words that follow "does not exist in 1.x (…)":
 * it has not arrived yet, or it was removed after GA (the feature is then always on).
 */
export function gateAbsence(name: FeatureGateName, v: KubeVersion): string {
  const g = FEATURE_GATES[name] as GateInfo;
  if (gateRemoved(name, v)) {
    return `removed in 1.${g.removed}: GA and locked on since 1.${g.ga}, so the feature is always on, and a ${v} kubelet refuses the name as an unrecognized feature gate`;
  }
  return `it arrives in 1.${g.alpha}`;
}

/** Whether a gate is locked on (GA, LockToDefault) in a version: overrides are then refused. */
export function gateLocked(name: FeatureGateName, v: KubeVersion): boolean {
  const g = FEATURE_GATES[name] as GateInfo;
  const at = g.locked ?? g.ga;
  return at !== undefined && minor(v) >= at;
}

export function defaultGates(v: KubeVersion): FeatureGates {
  const m = minor(v);
  const out = {} as FeatureGates;
  for (const name of Object.keys(FEATURE_GATES) as FeatureGateName[]) {
    const g = FEATURE_GATES[name] as GateInfo;
    out[name] = g.beta !== undefined ? m >= g.beta : false;
    if (g.ga !== undefined && m >= g.ga) out[name] = true;
  }
  return out;
}

/** The effective gates: the version's defaults, then the user's overrides where the gate exists and is not locked. */
export function resolveGates(v: KubeVersion, overrides: Partial<Record<string, boolean>>): FeatureGates {
  const out = defaultGates(v);
  for (const [given, value] of Object.entries(overrides)) {
    const name = isFeatureGateName(given) ? given : formerGateSpelling(given);
    if (value === undefined || name === undefined) continue;
    if (!gateExists(name, v) || gateLocked(name, v)) continue;
    out[name] = value;
  }
  return out;
}
